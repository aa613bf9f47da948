import { HttpError, isObject, readJson, respondEmpty, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { malformed, MAX_METADATA_ITEMS, tooMany, validateMetadata } from '../model/metadata';
import type { Server } from '../model/server';
import type { ServerStore } from '../model/server-store';
import type { ComputeRuntime } from './context';
import { liveServer, serverStore } from './tenant-state';

const METADATA = '/v2/:tenantId/servers/:serverId/metadata';

/**
 * Server metadata (compute.md §6), plus what openstacksdk and novaclient call
 * beyond the original: POST (merge), and GET / DELETE of one key.
 */
export function mountMetadataRoutes(rt: ComputeRuntime): void {
  const { nova } = rt;
  nova.get(METADATA, (k) => respondJson(k, 200, { metadata: found(rt, k).server.metadata }));

  nova.put(METADATA, (k) => {
    const { store, server } = found(rt, k);
    store.touch(server, { metadata: validateMetadata(metadataBody(k)) }); // a metadata PUT bumps `updated`
    respondJson(k, 200, { metadata: server.metadata });
  });

  nova.post(METADATA, (k) => {
    const { store, server } = found(rt, k);
    const merged = { ...server.metadata, ...validateMetadata(metadataBody(k)) };
    if (Object.keys(merged).length > MAX_METADATA_ITEMS) tooMany();
    store.touch(server, { metadata: merged });
    respondJson(k, 200, { metadata: merged });
  });

  nova.get(`${METADATA}/:key`, (k) => {
    const { server } = found(rt, k);
    const key = String(k.params.key);
    if (!Object.hasOwn(server.metadata, key)) throw new HttpError(404, 'Metadata item was not found');
    respondJson(k, 200, { meta: { [key]: server.metadata[key] } });
  });

  nova.put(`${METADATA}/:key`, (k) => {
    const { store, server } = found(rt, k);
    const key = String(k.params.key);
    const body = readJson(k);
    if (!body.ok || !isObject(body.value) || !isObject(body.value.meta)) throw malformed();
    const meta = body.value.meta;
    if (Object.keys(meta).length > 1) throw new HttpError(400, 'Request body contains too many items');
    if (!Object.hasOwn(meta, key)) throw new HttpError(400, 'Request body and URI mismatch');
    const isNew = !Object.hasOwn(server.metadata, key);
    if (isNew && Object.keys(server.metadata).length >= MAX_METADATA_ITEMS) tooMany();
    const value = validateMetadata(meta)[key];
    store.touch(server, { metadata: { ...server.metadata, [key]: value } });
    respondJson(k, 200, { meta: { [key]: value } });
  });

  nova.delete(`${METADATA}/:key`, (k) => {
    const { store, server } = found(rt, k);
    const key = String(k.params.key);
    if (!Object.hasOwn(server.metadata, key)) throw new HttpError(404, 'Metadata item was not found');
    const { [key]: _removed, ...rest } = server.metadata;
    store.touch(server, { metadata: rest });
    respondEmpty(k, 204);
  });
}

/** The server, or 404 `Server does not exist` before any body check. */
function found(rt: ComputeRuntime, k: Context): { store: ServerStore; server: Server } {
  const store = serverStore(rt, k);
  return { store, server: liveServer(store, k, 'Server does not exist') };
}

/** `{"metadata": {...}}`, with the checks of compute.md §6 in order. */
function metadataBody(k: Context): unknown {
  const body = readJson(k);
  if (!body.ok || !isObject(body.value) || !Object.hasOwn(body.value, 'metadata')) throw malformed();
  if (body.value.metadata === null) throw malformed('Malformed request body. metadata must be object');
  return body.value.metadata;
}
