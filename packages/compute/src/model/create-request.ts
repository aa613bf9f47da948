import { HttpError, isObject } from '@mimic/core';
import { malformed, validateMetadata } from './metadata';

/** `POST /servers` body after validation (compute.md §3 step 3). */
export interface CreateRequest {
  name: string;
  imageRef: string;
  flavorRef: string;
  metadata: Record<string, string>;
  keyName: string | null;
  diskConfig: 'AUTO' | 'MANUAL';
}

/** The `server` object, or a 400: the original's 500s for a missing or non-object `server`. */
export function serverObject(body: unknown): Record<string, unknown> {
  if (!isObject(body) || !isObject(body.server)) throw malformed("Malformed request body: expected {\"server\": {...}}");
  return body.server;
}

/** The metadata the behaviour choice sees (null or absent → {}; a non-object is reported by validation). */
export function rawMetadata(server: Record<string, unknown>): Record<string, unknown> {
  return isObject(server.metadata) ? server.metadata : {};
}

function reference(server: Record<string, unknown>, key: 'imageRef' | 'flavorRef'): string {
  if (!Object.hasOwn(server, key)) throw new HttpError(400, `Missing ${key} attribute`);
  const value = server[key];
  if (value === null && key === 'imageRef') return ''; // boot from volume: the image is "".
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new HttpError(400, `Invalid ${key} provided.`);
}

/** Validation for behaviours that create a server. Throws HttpError (400/403). */
export function validateCreate(server: Record<string, unknown>): CreateRequest {
  if (typeof server.name !== 'string') throw new HttpError(400, "Server name must be a string (a 'name' attribute is required)");
  if (server.name.length > 255) throw new HttpError(400, 'Server name must be at most 255 characters');
  const rawDisk = server['OS-DCF:diskConfig'];
  const diskConfig = rawDisk === undefined || rawDisk === null || rawDisk === '' ? 'AUTO' : rawDisk;
  if (diskConfig !== 'AUTO' && diskConfig !== 'MANUAL') {
    throw new HttpError(400, "OS-DCF:diskConfig must be either 'MANUAL' or 'AUTO'.");
  }
  const metadata = server.metadata === undefined || server.metadata === null ? {} : validateMetadata(server.metadata, { behaviourKeys: true });
  const keyName = server.key_name ?? null;
  if (keyName !== null && typeof keyName !== 'string') throw new HttpError(400, 'key_name must be a string');
  return {
    name: server.name,
    imageRef: reference(server, 'imageRef'),
    flavorRef: reference(server, 'flavorRef'),
    metadata,
    keyName,
    diskConfig,
  };
}
