import { InputError, schema } from './errors';

/** Most metadata items per load balancer (real CLB's limit). */
export const METADATA_LIMIT = 25;

export interface MetadataItem {
  id: number;
  key: string;
  /** Kept as sent: the behaviour delays may be numbers (clb.md §3). */
  value: unknown;
}

export interface MetadataInput {
  key: string;
  value: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A metadata list: `[{"key": "...", "value": ...}]`, keys unique, values scalar. */
export function parseMetadataList(value: unknown): MetadataInput[] {
  if (!Array.isArray(value)) return schema();
  const seen = new Set<string>();
  const items = value.map((item): MetadataInput => {
    if (!isRecord(item)) return schema();
    for (const key of Object.keys(item)) if (key !== 'key' && key !== 'value') schema();
    if (typeof item.key !== 'string' || !('value' in item)) return schema();
    const v = item.value;
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) schema();
    return { key: item.key, value: v };
  });
  const messages: string[] = [];
  for (const item of items) {
    if (item.key === '' || item.key.length > 256) messages.push('Metadata key must be 1 to 256 characters long.');
    if (typeof item.value === 'string' && item.value.length > 256) messages.push('Metadata value must be at most 256 characters long.');
    if (seen.has(item.key)) messages.push(`Duplicate metadata key '${item.key}'.`);
    seen.add(item.key);
  }
  if (messages.length > 0) throw new InputError('validation', messages);
  return items;
}

export const metadataView = (item: MetadataItem): Record<string, unknown> => ({ key: item.key, value: item.value, id: item.id });
