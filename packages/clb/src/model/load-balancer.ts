import { behaviorsOf, type LbBehaviors } from '../behaviors';
import { failIfAny, flat, InputError, schema } from './errors';
import { isAlgorithm, isProtocol } from './listings';
import { METADATA_LIMIT, metadataView, parseMetadataList, type MetadataInput, type MetadataItem } from './metadata';
import { nodeView, parseNodeList, type LbNode, type NodeInput } from './node';
import type { AccessRule, ConnectionThrottle } from './settings';

/** A load balancer as stored: plain data, refreshed lazily (lifecycle.ts). */
export interface LoadBalancer extends LbAttributes {
  id: number;
  connectionLogging: { enabled: boolean };
  contentCaching: { enabled: boolean };
  connectionThrottle?: ConnectionThrottle;
  sessionPersistence?: { persistenceType: string };
  errorPage?: string;
  accessList: Map<number, AccessRule>;
  /** Stored as sent (clb.md §2); `{}` when none. */
  healthMonitor: unknown;
  status: string;
  created: number;
  updated: number;
  metadata: Map<string, MetadataItem>;
  behaviors: LbBehaviors;
  nodes: Map<number, LbNode>;
}

/** The attributes `PUT /loadbalancers/<id>` may change (and create sets). */
export interface LbAttributes {
  name: string;
  protocol: string;
  port: number;
  algorithm: string;
  timeout: number;
  httpsRedirect: boolean;
  halfClosed: boolean;
}

export interface LbCreateInput extends Partial<LbAttributes> {
  name: string;
  protocol: string;
  connectionLogging?: { enabled: boolean };
  nodes: NodeInput[];
  metadata: MetadataInput[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TYPE_CHECKS: Readonly<Record<keyof LbAttributes, (v: unknown) => boolean>> = Object.freeze({
  name: (v) => typeof v === 'string',
  protocol: (v) => typeof v === 'string',
  port: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  algorithm: (v) => typeof v === 'string',
  timeout: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  httpsRedirect: (v) => typeof v === 'boolean',
  halfClosed: (v) => typeof v === 'boolean',
});

export const UPDATABLE: readonly (keyof LbAttributes)[] = Object.freeze(Object.keys(TYPE_CHECKS) as (keyof LbAttributes)[]);

/** Types first (Schema), then every rule broken (Validation), as node updates do. */
function checkAttributes(body: Record<string, unknown>): { attributes: Partial<LbAttributes>; messages: string[] } {
  const attributes: Record<string, unknown> = {};
  for (const key of UPDATABLE) {
    if (!(key in body)) continue;
    if (!TYPE_CHECKS[key](body[key])) schema();
    attributes[key] = body[key];
  }
  const a = attributes as Partial<LbAttributes>;
  const messages: string[] = [];
  if (a.name !== undefined && (a.name.trim() === '' || a.name.length > 128)) {
    messages.push('Load balancer name must be 1 to 128 characters long.');
  }
  if (a.protocol !== undefined && !isProtocol(a.protocol)) messages.push(`Protocol '${a.protocol.slice(0, 64)}' is not supported.`);
  if (a.port !== undefined && (a.port < 1 || a.port > 65535)) messages.push('Port must be between 1 and 65535.');
  if (a.algorithm !== undefined && a.algorithm !== '' && !isAlgorithm(a.algorithm)) {
    messages.push(`Algorithm '${a.algorithm.slice(0, 64)}' is not supported.`);
  }
  if (a.timeout !== undefined && (a.timeout < 1 || a.timeout > 120)) messages.push('Timeout must be between 1 and 120 seconds.');
  return { attributes: a, messages };
}

/** `{"loadBalancer": {...}}` or the bare object (pkgcloud). */
function unwrapLoadBalancer(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return schema();
  if (!('loadBalancer' in value)) return value;
  return isRecord(value.loadBalancer) ? value.loadBalancer : schema();
}

/** Create body (clb.md §3): missing name/protocol and bad nodes answer 400 here, not the original's 500. */
export function parseCreate(value: unknown): LbCreateInput {
  const body = unwrapLoadBalancer(value);
  const { attributes, messages } = checkAttributes(body);
  let connectionLogging: { enabled: boolean } | undefined;
  if ('connectionLogging' in body) {
    const logging = body.connectionLogging;
    if (!isRecord(logging) || typeof logging.enabled !== 'boolean') return schema();
    connectionLogging = { enabled: logging.enabled };
  }
  const nodes = 'nodes' in body ? parseNodeList(body.nodes) : [];
  const metadata = 'metadata' in body ? parseMetadataList(body.metadata) : [];
  if (attributes.name === undefined) messages.unshift('Must provide a name for the load balancer.');
  if (attributes.protocol === undefined) messages.push('Must provide a protocol for the load balancer.');
  behaviorsOf(lookupIn(metadata), messages);
  failIfAny(messages);
  checkMetadataCount(metadata.length);
  return { ...attributes, name: attributes.name!, protocol: attributes.protocol!, connectionLogging, nodes, metadata };
}

/** `PUT /loadbalancers/<id>` body: only the updatable attributes, at least one. */
export function parseUpdate(value: unknown): Partial<LbAttributes> {
  const body = unwrapLoadBalancer(value);
  for (const key of Object.keys(body)) {
    if (!(UPDATABLE as readonly string[]).includes(key)) {
      throw new InputError('validation', [`Attribute '${key.slice(0, 64)}' can not be updated with this request.`]);
    }
  }
  const { attributes, messages } = checkAttributes(body);
  if (Object.keys(attributes).length === 0) messages.push('Must provide at least one attribute to update.');
  if (attributes.algorithm === '') messages.push(`Algorithm '' is not supported.`);
  failIfAny(messages);
  return attributes;
}

/** Whether a health monitor is set: "non-empty" as Python means it (`{}`, `[]`, `""`, null, 0 and false are empty). */
export function isMonitored(lb: LoadBalancer): boolean {
  const monitor = lb.healthMonitor;
  if (monitor === null || monitor === undefined || monitor === false || monitor === 0 || monitor === '') return false;
  if (Array.isArray(monitor)) return monitor.length > 0;
  return typeof monitor !== 'object' || Object.keys(monitor as object).length > 0;
}

/** A key→value view over metadata items, for behaviorsOf. */
export function lookupIn(items: Iterable<{ key: string; value: unknown }>): (key: string) => { found: boolean; value: unknown } {
  const map = new Map<string, unknown>();
  for (const item of items) map.set(item.key, item.value);
  return (key) => ({ found: map.has(key), value: map.get(key) });
}

/** Real CLB's metadata limit, answered like the node limit. */
export function checkMetadataCount(count: number): void {
  if (count > METADATA_LIMIT) throw flat(413, `Metadata must not exceed ${METADATA_LIMIT} per load balancer.`);
}

const VIRTUAL_IPS: readonly Readonly<Record<string, unknown>>[] = Object.freeze([
  { address: '127.0.0.1', id: 1111, type: 'PUBLIC', ipVersion: 'IPV4' },
  { address: '0000:0000:0000:0000:1111:111b:0000:0000', id: 1111, type: 'PUBLIC', ipVersion: 'IPV6' },
]);

/** Canned on every load balancer (clb.md §1); fresh copies so no caller can alter them. */
export const virtualIps = (): Record<string, unknown>[] => VIRTUAL_IPS.map((ip) => ({ ...ip }));

/** The full form (create and GET): `nodes` and `metadata` only when there are any, no `nodeCount`. */
export function fullView(lb: LoadBalancer, iso: (t: number) => string): Record<string, unknown> {
  const view: Record<string, unknown> = {
    name: lb.name,
    id: lb.id,
    protocol: lb.protocol,
    port: lb.port,
    algorithm: lb.algorithm,
    status: lb.status,
    cluster: { name: 'test-cluster' },
    timeout: lb.timeout,
    created: { time: iso(lb.created) },
    updated: { time: iso(lb.updated) },
    virtualIps: virtualIps(),
    sourceAddresses: { ipv6Public: '0000:0001:0002::00/00', ipv4Servicenet: '127.0.0.1', ipv4Public: '127.0.0.1' },
    httpsRedirect: lb.httpsRedirect,
    halfClosed: lb.halfClosed,
    connectionLogging: { ...lb.connectionLogging },
    contentCaching: { ...lb.contentCaching },
  };
  // Settings set through this project's extra endpoints show up once set, as in real CLB.
  if (lb.connectionThrottle) view.connectionThrottle = { ...lb.connectionThrottle };
  if (lb.sessionPersistence) view.sessionPersistence = { ...lb.sessionPersistence };
  if (lb.accessList.size > 0) view.accessList = [...lb.accessList.values()].map((rule) => ({ ...rule }));
  if (lb.metadata.size > 0) view.metadata = [...lb.metadata.values()].map(metadataView);
  if (lb.nodes.size > 0) view.nodes = [...lb.nodes.values()].map(nodeView);
  return view;
}

/** The list form: exactly these keys, `nodeCount` always, never `nodes`. */
export function shortView(lb: LoadBalancer, iso: (t: number) => string): Record<string, unknown> {
  return {
    name: lb.name,
    protocol: lb.protocol,
    id: lb.id,
    port: lb.port,
    algorithm: lb.algorithm,
    status: lb.status,
    timeout: lb.timeout,
    created: { time: iso(lb.created) },
    virtualIps: virtualIps(),
    updated: { time: iso(lb.updated) },
    nodeCount: lb.nodes.size,
  };
}

/** A random id in [0, bound) that `taken` does not hold; the caller makes sure one is free. */
export function freshId(bound: number, taken: (id: number) => boolean, random: (min: number, max: number) => number): number {
  for (let attempt = 0; attempt < 64; attempt++) {
    const id = random(0, bound);
    if (!taken(id)) return id;
  }
  // Nearly full: scan from a random start so the search stays bounded.
  const start = random(0, bound);
  for (let i = 0; i < bound; i++) {
    const id = (start + i) % bound;
    if (!taken(id)) return id;
  }
  throw new Error('no free id');
}
