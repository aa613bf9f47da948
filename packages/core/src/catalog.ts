import { setBounded } from './bounded';
import { ids } from './ids';

/** A catalog entry a plugin contributes (core.md §5). */
export interface ServiceDescriptor {
  /** Catalog name, e.g. `cloudServersOpenStack`. */
  readonly name: string;
  /** Catalog type, e.g. `compute`. */
  readonly type: string;
  /** Implementation name; the service id is `<implName>-<6 hex>`. */
  readonly implName: string;
  /** Regions listed in the catalog, in this order. Any region string is still served. */
  readonly regions: readonly string[];
  /** URL prefix between the region and the tenant, e.g. `v2`. */
  readonly prefix: string;
}

/** A service after registration: the descriptor plus its per-instance id. */
export interface RegisteredService extends ServiceDescriptor {
  readonly id: string;
  readonly plugin: string;
}

export interface CatalogEndpoint {
  region: string;
  tenantId: string;
  publicURL: string;
  internalURL: string;
  [extra: string]: unknown;
}

export interface CatalogEntry {
  name: string;
  type: string;
  endpoints: CatalogEndpoint[];
}

/** Flat endpoint of `GET /tokens/<t>/endpoints`. */
export interface FlatEndpoint extends CatalogEndpoint {
  name: string;
  type: string;
  id: string;
}

/** Catalog entries computed per tenant by a plugin (identity's external APIs); listed before bundled services. */
export type ExternalCatalogSource = (tenantId: string) => CatalogEntry[];

/** Stands for the tenant id in cached catalog JSON; no base URL or service id can contain it. */
const TENANT_HOLE = '\u0000tenant\u0000';
const TENANT_HOLE_JSON = JSON.stringify(TENANT_HOLE).slice(1, -1);
const MAX_TEMPLATES = 16;

/** The bundled services' JSON for one base URL, split where the tenant id goes, and the last tenant's result. */
interface Template {
  parts: string[];
  lastTenant: string | undefined;
  lastJson: string;
  /** `[lastJson]`: the same string each time, so callers can compare answers by identity. */
  lastList: string;
}

/** Builds the service catalog from every installed plugin, in install order. */
export class Catalog {
  private readonly services: RegisteredService[] = [];
  private readonly byName = new Map<string, RegisteredService>();
  private readonly byId = new Map<string, RegisteredService>();
  private readonly externalSources: ExternalCatalogSource[] = [];
  /** Per base URL: the bundled services' JSON, split where the tenant id goes (see json()). */
  private readonly templates = new Map<string, Template>();

  register(plugin: string, descriptor: ServiceDescriptor): RegisteredService {
    let id: string;
    do id = `${descriptor.implName}-${ids.hex(6)}`;
    while (this.byId.has(id));
    const service: RegisteredService = { ...descriptor, regions: [...descriptor.regions], id, plugin };
    this.services.push(service);
    this.byName.set(service.name, service);
    this.byId.set(id, service);
    this.templates.clear();
    return service;
  }

  addExternalSource(source: ExternalCatalogSource): void {
    this.externalSources.push(source);
  }

  list(): readonly RegisteredService[] {
    return this.services;
  }

  get(name: string): RegisteredService | undefined {
    return this.byName.get(name);
  }

  getById(id: string): RegisteredService | undefined {
    return this.byId.get(id);
  }

  /** `<base>mimicking/<serviceId>/<region>`: the root of links inside bodies. */
  static serviceRoot(base: string, service: RegisteredService, region: string): string {
    return `${base}mimicking/${service.id}/${region}`;
  }

  /** The `access.serviceCatalog` array for a tenant. `base` ends with `/`. */
  build(tenantId: string, base: string): CatalogEntry[] {
    const entries: CatalogEntry[] = [];
    for (const source of this.externalSources) entries.push(...source(tenantId));
    entries.push(...this.bundled(tenantId, base));
    return entries;
  }

  /**
   * `JSON.stringify(build(tenantId, base))`, without rebuilding and
   * re-serializing the bundled services for every authentication: their JSON
   * is kept per base URL with holes for the tenant id. External sources
   * (which change at run time) are still asked on every call.
   */
  json(tenantId: string, base: string): string {
    const external: CatalogEntry[] = [];
    for (const source of this.externalSources) external.push(...source(tenantId));
    const template = this.templates.get(base) ?? this.template(base);
    let bundled: string;
    if (template === undefined) bundled = JSON.stringify(this.bundled(tenantId, base)).slice(1, -1);
    else if (template.lastTenant === tenantId) bundled = template.lastJson;
    else {
      // Remember the last tenant's JSON too: clients authenticate the same user again and again.
      bundled = template.parts.join(JSON.stringify(tenantId).slice(1, -1));
      template.lastTenant = tenantId;
      template.lastJson = bundled;
      template.lastList = `[${bundled}]`;
    }
    if (external.length === 0) return template?.lastTenant === tenantId ? template.lastList : `[${bundled}]`;
    const externalJson = JSON.stringify(external).slice(1, -1);
    return bundled === '' ? `[${externalJson}]` : `[${externalJson},${bundled}]`;
  }

  /** The bundled services' JSON for `base`, split at the tenant id: 3 holes per endpoint (tenantId and both URLs). */
  private template(base: string): Template | undefined {
    const parts = JSON.stringify(this.bundled(TENANT_HOLE, base)).slice(1, -1).split(TENANT_HOLE_JSON);
    const endpoints = this.services.reduce((n, service) => n + service.regions.length, 0);
    if (parts.length !== 3 * endpoints + 1) return undefined; // a descriptor holds the marker itself: do not cache
    // The Host header picks the base, so keep only a few.
    return setBounded(this.templates, base, { parts, lastTenant: undefined, lastJson: '', lastList: '' }, MAX_TEMPLATES);
  }

  private bundled(tenantId: string, base: string): CatalogEntry[] {
    const entries: CatalogEntry[] = [];
    for (const service of this.services) {
      entries.push({
        name: service.name,
        type: service.type,
        endpoints: service.regions.map((region) => {
          const url = `${Catalog.serviceRoot(base, service, region)}/${service.prefix}/${tenantId}`;
          return { region, tenantId, publicURL: url, internalURL: url };
        }),
      });
    }
    return entries;
  }

  /** The flat list of `GET /tokens/<t>/endpoints`, each with a fresh uuid. */
  endpoints(tenantId: string, base: string): FlatEndpoint[] {
    return this.build(tenantId, base).flatMap((entry) =>
      entry.endpoints.map((endpoint) => ({ ...endpoint, name: entry.name, type: entry.type, id: ids.uuid() })),
    );
  }
}
