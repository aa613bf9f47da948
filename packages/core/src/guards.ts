import type { Context } from 'koa';
import type { RegisteredService } from './catalog';

/** What a service request targets, worked out by core from the URL. */
export interface ServiceTarget {
  readonly service: RegisteredService;
  readonly region: string;
  /** The path segment after the service prefix; absent for e.g. the version document. */
  readonly tenantId?: string;
}

/** Runs before a service route; throw an HttpError to refuse the request. */
export type ServiceGuard = (ctx: Context, target: ServiceTarget) => void | Promise<void>;

/** Extracts region and tenant from `/mimicking/<id>/<region>/<prefix>/<tenant>/...`. */
export function serviceTarget(path: string, service: RegisteredService): ServiceTarget {
  const segments = path.split('/');
  // ['', 'mimicking', id, region, ...prefix segments, tenant, ...]
  const region = decodeURIComponent(segments[3] ?? '');
  const prefixSegments = service.prefix.split('/').filter(Boolean);
  const tenantSegment = segments[4 + prefixSegments.length];
  const tenantId = tenantSegment ? decodeURIComponent(tenantSegment) : undefined;
  return { service, region, tenantId };
}
