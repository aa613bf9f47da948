import { HttpError, isObject } from '@mimic/core';

/** Nova's limit on metadata items (compute.md §6; GET /limits says maxServerMeta 40). */
export const MAX_METADATA_ITEMS = 40;

const BEHAVIOUR_OBJECT_KEYS = ['create_server_failure', 'delete_server_failure'];

export function malformed(message = 'Malformed request body'): HttpError {
  return new HttpError(400, message);
}

/**
 * Validates a metadata object (compute.md §3, §6): an object, at most 40
 * items (403, checked before value types), string values only.
 * Behaviour keys may be given in their natural form, which is stored as the
 * original's string form: `"server_building": 120` and
 * `"create_server_failure": {...}` (a JSON object instead of a JSON string).
 */
export function validateMetadata(value: unknown, options: { behaviourKeys?: boolean } = {}): Record<string, string> {
  if (!isObject(value)) throw malformed();
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA_ITEMS) tooMany();
  const metadata: Record<string, string> = {};
  for (const [key, raw] of entries) {
    let item = raw;
    if (options.behaviourKeys) {
      if (key === 'server_building' && typeof raw === 'number') item = String(raw);
      if (BEHAVIOUR_OBJECT_KEYS.includes(key) && isObject(raw)) item = JSON.stringify(raw);
    }
    if (typeof item !== 'string') throw new HttpError(400, 'Invalid metadata: The input is not a string or unicode');
    if (key.length === 0 || key.length > 255 || item.length > 255 * 1024) {
      throw new HttpError(400, 'Invalid metadata: keys must be 1-255 characters');
    }
    metadata[key] = item;
  }
  return metadata;
}

export function tooMany(): never {
  throw new HttpError(403, `Maximum number of metadata items exceeds ${MAX_METADATA_ITEMS}`, { kind: 'forbidden' });
}
