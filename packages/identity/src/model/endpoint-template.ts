/**
 * An OS-KSCATALOG endpoint template (identity.md §8): plain data plus the
 * parsing rules. Required: id, region, type, name. Optional fields get
 * their defaults when absent or null.
 */
export interface EndpointTemplate {
  /** As sent: Rackspace uses integers, Mimic users often strings. */
  id: string | number;
  region: string;
  type: string;
  name: string;
  enabled: boolean;
  publicURL: string;
  internalURL: string;
  adminURL: string;
  'RAX-AUTH:tenantAlias': string;
  versionId: string;
  versionInfo: string;
  versionList: string;
}

const REQUIRED = ['id', 'region', 'type', 'name'] as const;
const OPTIONAL_STRINGS = ['publicURL', 'internalURL', 'adminURL', 'RAX-AUTH:tenantAlias', 'versionId', 'versionInfo', 'versionList'] as const;
const DEFAULT_ALIAS = '%tenant_id%';

export type TemplateParse = { ok: true; template: EndpointTemplate } | { ok: false; detail: string };

/** The key templates are stored under (ids are unique across services). */
export function templateKey(id: string | number): string {
  return String(id);
}

function validId(id: unknown): id is string | number {
  return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id));
}

/** Parses a template body; `detail` completes "JSON body does not contain the required parameters: ". */
export function parseTemplate(body: Record<string, unknown>): TemplateParse {
  for (const key of REQUIRED) {
    const value = body[key];
    if (value === undefined || value === null) return { ok: false, detail: `Missing required value ${key}` };
    if (key === 'id' ? !validId(value) : typeof value !== 'string') {
      return { ok: false, detail: `Invalid value ${key} (${key === 'id' ? 'a string or an integer' : 'a string'} is required)` };
    }
  }
  const template: EndpointTemplate = {
    id: body.id as string | number,
    region: body.region as string,
    type: body.type as string,
    name: body.name as string,
    enabled: false,
    publicURL: '',
    internalURL: '',
    adminURL: '',
    'RAX-AUTH:tenantAlias': DEFAULT_ALIAS,
    versionId: '',
    versionInfo: '',
    versionList: '',
  };
  if (body.enabled !== undefined && body.enabled !== null) {
    if (typeof body.enabled !== 'boolean') return { ok: false, detail: 'Invalid value enabled (true or false is required)' };
    template.enabled = body.enabled;
  }
  for (const key of OPTIONAL_STRINGS) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { ok: false, detail: `Invalid value ${key} (a string is required)` };
    template[key] = value;
  }
  return { ok: true, template };
}

/** A template's URL with its tenant alias replaced by the tenant id (every occurrence). */
export function urlForTenant(template: EndpointTemplate, url: string, tenantId: string): string {
  const alias = template['RAX-AUTH:tenantAlias'];
  // An empty alias would insert the tenant between every character; treat it as "no alias".
  return alias === '' ? url : url.split(alias).join(tenantId);
}

/** The tenant view of `GET /tenants/<t>/OS-KSCATALOG/endpoints` (URLs not substituted). */
export function tenantEndpoint(template: EndpointTemplate, tenantId: string): Record<string, unknown> {
  return {
    tenantId,
    id: template.id,
    region: template.region,
    type: template.type,
    publicURL: template.publicURL,
    internalURL: template.internalURL,
    adminURL: template.adminURL,
  };
}

