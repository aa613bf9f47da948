import type { CatalogEntry } from '@mimic/core';
import { templateKey, urlForTenant, type EndpointTemplate } from './endpoint-template';

/**
 * External APIs (OS-KSADM services and their OS-KSCATALOG templates,
 * identity.md §8): plugin-level state of one Mimic instance, dropped on reset.
 * Lookups by service id, service name and template id are O(1).
 */
export interface ExternalService {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** Template key -> template, in insertion order (an update keeps the position). */
  readonly templates: Map<string, StoredTemplate>;
}

interface StoredTemplate {
  template: EndpointTemplate;
  /** Tenants this template is enabled for, beyond `enabled` (global). */
  tenants: Set<string>;
}

export type AddServiceResult = 'ok' | 'idExists' | 'nameExists';
export type RemoveServiceResult = 'ok' | 'notFound' | 'hasTemplates';
export type AddTemplateResult = 'ok' | 'idExists' | 'noService' | 'typeMismatch';
export type UpdateTemplateResult = 'ok' | 'noService' | 'notFound' | 'typeMismatch';
export type DisableResult = 'ok' | 'noTemplate' | 'notEnabled';

export class ExternalApis {
  private readonly services = new Map<string, ExternalService>();
  private readonly byName = new Map<string, ExternalService>();
  private readonly owners = new Map<string, ExternalService>();

  listServices(): ExternalService[] {
    return [...this.services.values()];
  }

  addService(id: string, name: string, type: string, description: string): AddServiceResult {
    if (this.services.has(id)) return 'idExists';
    if (this.byName.has(name)) return 'nameExists';
    const service: ExternalService = { id, name, type, description, templates: new Map() };
    this.services.set(id, service);
    this.byName.set(name, service);
    return 'ok';
  }

  removeService(id: string): RemoveServiceResult {
    const service = this.services.get(id);
    if (!service) return 'notFound';
    if (service.templates.size > 0) return 'hasTemplates';
    this.services.delete(id);
    this.byName.delete(service.name);
    return 'ok';
  }

  /** Templates of one service (undefined when the id is unknown) or of all. */
  templates(serviceId: string | undefined): EndpointTemplate[] | undefined {
    const services = this.pick(serviceId);
    return services && services.flatMap((service) => [...service.templates.values()].map((stored) => stored.template));
  }

  /** A new template, for the service named by `serviceId` or else the service named like the template. */
  addTemplate(template: EndpointTemplate, serviceId: string | undefined): AddTemplateResult {
    const key = templateKey(template.id);
    if (this.owners.has(key)) return 'idExists';
    const service = serviceId !== undefined ? this.services.get(serviceId) : this.byName.get(template.name);
    if (!service) return 'noService';
    if (service.type !== template.type) return 'typeMismatch';
    service.templates.set(key, { template, tenants: new Set() });
    this.owners.set(key, service);
    return 'ok';
  }

  /** Replaces a template; without `serviceId` its owner is the service. Tenant enablements stay. */
  updateTemplate(template: EndpointTemplate, serviceId: string | undefined): UpdateTemplateResult {
    const key = templateKey(template.id);
    const service = serviceId !== undefined ? this.services.get(serviceId) : this.owners.get(key);
    if (!service) return 'noService';
    const stored = service.templates.get(key);
    if (!stored) return 'notFound';
    if (service.type !== template.type) return 'typeMismatch';
    stored.template = template;
    return 'ok';
  }

  /** Removes a template (and with it every tenant's enablement); with `serviceId`, only from that service. */
  removeTemplate(id: string, serviceId: string | undefined): boolean {
    const service = this.owners.get(id);
    if (!service || (serviceId !== undefined && service.id !== serviceId)) return false;
    service.templates.delete(id);
    this.owners.delete(id);
    return true;
  }

  /** Templates enabled globally or for the tenant, of one service or all; undefined for an unknown service. */
  enabledFor(tenantId: string, serviceId: string | undefined): EndpointTemplate[] | undefined {
    const services = this.pick(serviceId);
    return services && services.flatMap((service) => this.enabledIn(service, tenantId));
  }

  enableForTenant(tenantId: string, templateId: string): boolean {
    const stored = this.stored(templateId);
    if (!stored) return false;
    stored.tenants.add(tenantId);
    return true;
  }

  disableForTenant(tenantId: string, templateId: string): DisableResult {
    const stored = this.stored(templateId);
    if (!stored) return 'noTemplate';
    return stored.tenants.delete(tenantId) ? 'ok' : 'notEnabled';
  }

  /** One catalog entry per external service, even with no endpoints (core.md §5). */
  catalogEntries(tenantId: string): CatalogEntry[] {
    const entries: CatalogEntry[] = [];
    for (const service of this.services.values()) {
      entries.push({
        name: service.name,
        type: service.type,
        endpoints: this.enabledIn(service, tenantId).map((template) => ({
          region: template.region,
          tenantId,
          publicURL: urlForTenant(template, template.publicURL, tenantId),
          internalURL: urlForTenant(template, template.internalURL, tenantId),
        })),
      });
    }
    return entries;
  }

  clear(): void {
    this.services.clear();
    this.byName.clear();
    this.owners.clear();
  }

  private pick(serviceId: string | undefined): ExternalService[] | undefined {
    if (serviceId === undefined) return [...this.services.values()];
    const service = this.services.get(serviceId);
    return service && [service];
  }

  private stored(templateId: string): StoredTemplate | undefined {
    return this.owners.get(templateId)?.templates.get(templateId);
  }

  private enabledIn(service: ExternalService, tenantId: string): EndpointTemplate[] {
    const enabled: EndpointTemplate[] = [];
    for (const { template, tenants } of service.templates.values()) {
      if (template.enabled || tenants.has(tenantId)) enabled.push(template);
    }
    return enabled;
  }
}
