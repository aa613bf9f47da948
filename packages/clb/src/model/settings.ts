import { failIfAny, schema } from './errors';

/**
 * The load-balancer settings this project serves beyond the original
 * (connection throttle, session persistence, connection logging, content
 * caching, error page): parsed from a body, stored as plain data.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** `{"<wrapper>": {...}}` or the bare object. Anything but an object → Schema. */
export function unwrap(value: unknown, wrapper: string): Record<string, unknown> {
  if (!isRecord(value)) return schema();
  if (wrapper in value) {
    const inner = value[wrapper];
    if (!isRecord(inner)) return schema();
    return inner;
  }
  return value;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) schema();
}

export interface ConnectionThrottle {
  maxConnectionRate?: number;
  maxConnections?: number;
  minConnections?: number;
  rateInterval?: number;
}

const THROTTLE_RANGES: Readonly<Record<keyof ConnectionThrottle, readonly [number, number]>> = Object.freeze({
  maxConnectionRate: [0, 100000],
  maxConnections: [0, 100000],
  minConnections: [0, 1000],
  rateInterval: [1, 3600],
});

export function parseConnectionThrottle(value: unknown): ConnectionThrottle {
  const body = unwrap(value, 'connectionThrottle');
  const keys = Object.keys(THROTTLE_RANGES) as (keyof ConnectionThrottle)[];
  onlyKeys(body, keys);
  const messages: string[] = [];
  const throttle: ConnectionThrottle = {};
  for (const key of keys) {
    if (!(key in body)) continue;
    const v = body[key];
    if (!isInt(v)) return schema();
    const [min, max] = THROTTLE_RANGES[key];
    if (v < min || v > max) messages.push(`'${key}' must be between ${min} and ${max}.`);
    throttle[key] = v;
  }
  if (Object.keys(throttle).length === 0) messages.push('Must provide at least one connection throttle attribute.');
  failIfAny(messages);
  return throttle;
}

export const PERSISTENCE_TYPES = ['HTTP_COOKIE', 'SOURCE_IP'] as const;

export function parseSessionPersistence(value: unknown): { persistenceType: string } {
  const body = unwrap(value, 'sessionPersistence');
  onlyKeys(body, ['persistenceType']);
  if (typeof body.persistenceType !== 'string') return schema();
  failIfAny(
    (PERSISTENCE_TYPES as readonly string[]).includes(body.persistenceType)
      ? []
      : [`Persistence type must be one of ${PERSISTENCE_TYPES.join(', ')}.`],
  );
  return { persistenceType: body.persistenceType };
}

/** Connection logging and content caching: `{"enabled": <boolean>}`. */
export function parseEnabled(value: unknown, wrapper: string): { enabled: boolean } {
  const body = unwrap(value, wrapper);
  onlyKeys(body, ['enabled']);
  if (typeof body.enabled !== 'boolean') return schema();
  return { enabled: body.enabled };
}

/** Real CLB's error page limit. */
export const ERROR_PAGE_LIMIT = 65536;

export const DEFAULT_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1>' +
  '<p>The service is temporarily unavailable. Please try again later.</p></body></html>';

export function parseErrorPage(value: unknown): string {
  const body = unwrap(value, 'errorpage');
  onlyKeys(body, ['content']);
  if (typeof body.content !== 'string') return schema();
  const messages: string[] = [];
  if (body.content.trim() === '') messages.push('Error page content must not be empty.');
  if (body.content.length > ERROR_PAGE_LIMIT) messages.push(`Error page content must not exceed ${ERROR_PAGE_LIMIT} characters.`);
  failIfAny(messages);
  return body.content;
}

/** Most access-list items per load balancer (real CLB's limit). */
export const ACCESS_LIST_LIMIT = 100;

export interface AccessRule {
  address: string;
  id: number;
  type: 'ALLOW' | 'DENY';
}

/** `{"accessList": [{"address": "...", "type": "ALLOW"|"DENY"}]}` (or the bare list). */
export function parseAccessList(value: unknown): { address: string; type: 'ALLOW' | 'DENY' }[] {
  const list = isRecord(value) && 'accessList' in value ? value.accessList : value;
  if (!Array.isArray(list)) return schema();
  const messages: string[] = [];
  const rules = list.map((item) => {
    if (!isRecord(item)) return schema();
    onlyKeys(item, ['address', 'type']);
    if (typeof item.address !== 'string' || (item.type !== 'ALLOW' && item.type !== 'DENY')) return schema();
    if (!looksLikeAddress(item.address)) messages.push(`'${item.address.slice(0, 64)}' is not a valid IP address or network.`);
    return { address: item.address, type: item.type as 'ALLOW' | 'DENY' };
  });
  if (rules.length === 0) messages.push('Must provide at least one access list item.');
  failIfAny(messages);
  return rules;
}

/** IPv4 or IPv6, optionally with a /prefix: enough to reject obvious garbage. */
function looksLikeAddress(address: string): boolean {
  return /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)(?:\/\d{1,3})?$/.test(address);
}
