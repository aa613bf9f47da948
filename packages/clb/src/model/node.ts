import { failIfAny, schema } from './errors';

export const NODE_TYPES = ['PRIMARY', 'SECONDARY'] as const;
export const NODE_CONDITIONS = ['ENABLED', 'DISABLED', 'DRAINING'] as const;

/** Most feed entries kept per node: the feed grows with traffic, so the oldest go first. */
export const FEED_LIMIT = 500;

export interface FeedEntry {
  summary: string;
  /** Clock seconds. */
  at: number;
}

export interface LbNode {
  address: string;
  port: number;
  type: string;
  weight: number;
  condition: string;
  id: number;
  status: 'ONLINE' | 'OFFLINE';
  feed: FeedEntry[];
}

/** A node as a client asked for it; `id` only when the client chose one. */
export interface NodeInput {
  address: string;
  port: number;
  type: string;
  weight: number;
  condition: string;
  id?: number;
}

/** What a node update may change. */
export interface NodeChanges {
  type?: string;
  weight?: number;
  condition?: string;
}

const INPUT_KEYS: readonly string[] = Object.freeze(['address', 'port', 'type', 'weight', 'condition', 'id']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Python-like int for ports: ints, and strings of digits (clb.md §1). */
function portOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value)) return Number(value.trim());
  return undefined;
}

const oneOf = (value: unknown, allowed: readonly string[]): boolean => typeof value === 'string' && allowed.includes(value);

/** Checks the optional fields every node body may carry; a wrong type or value is a schema error. */
function checkOptional(node: Record<string, unknown>): void {
  for (const key of Object.keys(node)) if (!INPUT_KEYS.includes(key)) schema();
  if ('type' in node && !oneOf(node.type, NODE_TYPES)) schema();
  if ('condition' in node && !oneOf(node.condition, NODE_CONDITIONS)) schema();
  if ('weight' in node && !Number.isSafeInteger(node.weight)) schema();
  if ('id' in node && !Number.isSafeInteger(node.id)) schema();
}

/** Parses one node of a create or add request (clb.md §1). Bad shapes → Schema, a port out of range → Validation. */
export function parseNodeInput(value: unknown): NodeInput {
  if (!isRecord(value)) return schema();
  checkOptional(value);
  if (typeof value.address !== 'string' || value.address.trim() === '' || value.address.length > 255) schema();
  const port = portOf(value.port);
  if (port === undefined) return schema();
  failIfAny(port >= 1 && port <= 65535 ? [] : ['Port must be between 1 and 65535.']);
  return {
    address: value.address as string,
    port,
    type: (value.type as string | undefined) ?? 'PRIMARY',
    weight: (value.weight as number | undefined) ?? 1,
    condition: (value.condition as string | undefined) ?? 'ENABLED',
    ...(value.id !== undefined ? { id: value.id as number } : {}),
  };
}

/** Parses a list of nodes; anything but a list is a schema error. */
export function parseNodeList(value: unknown): NodeInput[] {
  if (!Array.isArray(value)) return schema();
  return value.map(parseNodeInput);
}

/**
 * Node update body (clb.md §6, steps 1–3): wrapped `{"node": {...}}` or a
 * bare node object (libcloud). Types first (Schema beats Validation), then
 * every validation message in the documented order.
 */
export function parseNodeUpdate(body: { ok: true; value: unknown } | { ok: false }): NodeChanges {
  if (!body.ok || !isRecord(body.value)) return schema();
  const outer = body.value;
  let node: Record<string, unknown>;
  if ('node' in outer) {
    if (Object.keys(outer).length !== 1 || !isRecord(outer.node)) return schema();
    node = outer.node;
  } else {
    node = outer;
  }
  const { address: _address, port: _port, ...rest } = node;
  checkOptional(rest);
  const messages: string[] = [];
  if ('address' in node) messages.push('Node ip field cannot be modified.');
  if ('port' in node) messages.push('Port field cannot be modified.');
  if ('weight' in node && ((node.weight as number) < 1 || (node.weight as number) > 100)) {
    messages.push('Node weight is invalid. Range is 1-100. Please specify a valid weight.');
  }
  if ('id' in node) messages.push('Node id field cannot be modified.');
  failIfAny(messages);
  return {
    ...(node.type !== undefined ? { type: node.type as string } : {}),
    ...(node.weight !== undefined ? { weight: node.weight as number } : {}),
    ...(node.condition !== undefined ? { condition: node.condition as string } : {}),
  };
}

export function nodeView(node: LbNode): Record<string, unknown> {
  return {
    address: node.address,
    port: node.port,
    type: node.type,
    weight: node.weight,
    condition: node.condition,
    id: node.id,
    status: node.status,
  };
}

export function recordFeed(node: LbNode, summary: string, at: number): void {
  node.feed.push({ summary, at });
  if (node.feed.length > FEED_LIMIT) node.feed.splice(0, node.feed.length - FEED_LIMIT);
}

export const createdSummary = (n: LbNode): string =>
  `Node successfully created with address: '${n.address}', port: '${n.port}', condition: '${n.condition}', weight: '${n.weight}'`;

export const updatedSummary = (n: LbNode): string =>
  `Node successfully updated with address: '${n.address}', port: '${n.port}', weight: '${n.weight}', condition: '${n.condition}'`;
