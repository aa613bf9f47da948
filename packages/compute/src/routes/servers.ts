import { BehaviorError, HttpError, ids, parseIsoDateTime, readJson, respondEmpty, respondFailure, respondJson, respondJsonText } from '@mimic/core';
import type { Context } from 'koa';
import { deleteFailure, metadataBehavior, remainingDeleteFailure, type CreationBehavior } from '../behaviors';
import { rawMetadata, serverObject, validateCreate } from '../model/create-request';
import { briefServer, createdServerJson, serverAddresses, type Server } from '../model/server';
import type { ListQuery, ServerStore } from '../model/server-store';
import { novaRoot, serverBody, serverDetail, serverDetailJson, type ComputeRuntime } from './context';
import { creationBehaviors, liveServer, serverStore } from './tenant-state';

const SERVERS = '/v2/:tenantId/servers';

/** Servers: create, list, list detail, get, delete, addresses (compute.md §1–5). */
export function mountServerRoutes(rt: ComputeRuntime): void {
  const { nova } = rt;
  nova.post(SERVERS, (k) => createServer(rt, k));
  nova.get(SERVERS, (k) => listServers(rt, k, false));
  nova.get(`${SERVERS}/detail`, (k) => listServers(rt, k, true));
  nova.get(`${SERVERS}/:serverId`, (k) => {
    const server = liveServer(serverStore(rt, k), k, 'Instance could not be found');
    respondJsonText(k, 200, serverBody(rt, k, server));
  });
  nova.put(`${SERVERS}/:serverId`, (k) => renameServer(rt, k));
  nova.delete(`${SERVERS}/:serverId`, (k) => deleteServer(serverStore(rt, k), k));
  nova.get(`${SERVERS}/:serverId/ips`, (k) => {
    const server = liveServer(serverStore(rt, k), k, 'Instance does not exist');
    respondJson(k, 200, { addresses: serverAddresses(server) });
  });
  nova.get(`${SERVERS}/:serverId/ips/:network`, (k) => {
    const server = liveServer(serverStore(rt, k), k, 'Instance does not exist');
    const network = String(k.params.network);
    const addresses = serverAddresses(server);
    if (!Object.hasOwn(addresses, network)) throw new HttpError(404, 'Instance is not a member of specified network');
    respondJson(k, 200, { [network]: addresses[network] });
  });
}

function createServer(rt: ComputeRuntime, k: Context): void {
  const body = readJson(k);
  if (!body.ok) throw new HttpError(400, 'Invalid JSON request body');
  const request = serverObject(body.value);
  const tenantId = String(k.params.tenantId);
  let behavior: CreationBehavior;
  try {
    const metadata = rawMetadata(request);
    behavior =
      metadataBehavior(metadata) ??
      creationBehaviors(rt, k).select({ tenant_id: tenantId, server_name: request.name, metadata });
  } catch (error) {
    if (error instanceof BehaviorError) throw new HttpError(400, error.message);
    throw error;
  }
  if (behavior.kind === 'fail') {
    respondFailure(k, behavior);
    return;
  }
  const fields = validateCreate(request);
  if (rt.images.isInvalidImageRef(fields.imageRef)) throw new HttpError(400, 'Invalid imageRef provided.');
  if (rt.images.isInvalidFlavorRef(fields.flavorRef)) throw new HttpError(400, 'Invalid flavorRef provided.');

  const store = serverStore(rt, k);
  const initial = behavior.kind === 'build' ? 'BUILD' : behavior.kind === 'error' ? 'ERROR' : 'ACTIVE';
  const server = store.create(fields, initial);
  if (behavior.kind === 'build') store.transition(server, behavior.duration, 'ACTIVE');
  if (behavior.kind === 'active-then-error') store.transition(server, behavior.duration, 'ERROR');
  if (behavior.kind === 'false-negative') {
    respondFailure(k, behavior);
    return;
  }
  respondJsonText(k, 202, createdServerJson(novaRoot(rt, k), server, ids.password()));
}

/** Python `int()` on a query value: optional sign and digits, surrounding spaces allowed. */
function parseLimit(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\s*[+-]?\d+\s*$/.test(raw)) throw new HttpError(400, 'limit param must be an integer');
  const limit = Number(raw);
  if (limit < 0) throw new HttpError(400, 'limit param must be positive');
  return limit;
}

function singleQuery(k: Context, key: string): string | undefined {
  const value = k.query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `Only one '${key}' query parameter is allowed`);
  return value;
}

function listServers(rt: ComputeRuntime, k: Context, detail: boolean): void {
  const query: ListQuery = {};
  if (detail) {
    const since = singleQuery(k, 'changes-since');
    if (since !== undefined) {
      query.changesSince = parseIsoDateTime(since);
      if (query.changesSince === undefined) throw new HttpError(400, `Invalid changes-since value: ${since}`);
    }
  }
  query.marker = singleQuery(k, 'marker');
  const name = singleQuery(k, 'name');
  if (name) query.name = name;
  const rawLimit = k.query.limit;
  // An invalid marker is reported before an invalid limit (compute.md §4).
  let limitError: unknown;
  try {
    query.limit = parseLimit(rawLimit);
  } catch (error) {
    limitError = error;
    query.limit = 0;
  }
  const result = serverStore(rt, k).list(query);
  if (!result.ok) throw new HttpError(400, `marker [${result.markerNotFound}] not found`);
  if (limitError) throw limitError;

  const root = novaRoot(rt, k);
  const { servers } = result;
  const limit = query.limit;
  let links = '';
  if (limit !== undefined && limit > 0 && servers.length === limit) {
    const next = new URLSearchParams({ limit: String(limit), marker: servers[servers.length - 1].id });
    if (query.name) next.set('name', query.name);
    const href = `${root}/v2/${k.params.tenantId}/servers${detail ? '/detail' : ''}?${next}`;
    links = `,"servers_links":${JSON.stringify([{ href, rel: 'next' }])}`;
  }
  // Details come from the rendering cache: a listing re-serializes only servers that changed.
  // Brief entries are small: one JSON.stringify of them all is cheaper than one per server.
  const entries = detail ? servers.map((server: Server) => serverDetailJson(rt, k, server)).join(',') : JSON.stringify(servers.map((server: Server) => briefServer(root, server))).slice(1, -1);
  respondJsonText(k, 200, `{"servers":[${entries}]${links}}`);
}

/** Beyond the original: `PUT /servers/<id>` `{"server": {"name": ...}}` (pkgcloud's renameServer, novaclient's update). */
function renameServer(rt: ComputeRuntime, k: Context): void {
  const store = serverStore(rt, k);
  const server = liveServer(store, k, 'Instance could not be found');
  const body = readJson(k);
  if (!body.ok) throw new HttpError(400, 'Invalid JSON request body');
  const update = serverObject(body.value);
  if (update.name !== undefined) {
    if (typeof update.name !== 'string' || update.name.length > 255) throw new HttpError(400, 'Server name must be a string of at most 255 characters');
    store.touch(server, { name: update.name });
  }
  respondJson(k, 200, { server: serverDetail(rt, k, server) });
}

function deleteServer(store: ServerStore, k: Context): void {
  const server = liveServer(store, k, 'Instance could not be found');
  const failure = deleteFailure(server.metadata);
  if (failure) {
    // Count down in the metadata, visible through GET, as the original does.
    store.update(server, { metadata: { ...server.metadata, delete_server_failure: remainingDeleteFailure(failure) } });
    throw new HttpError(failure.code, 'The server could not be deleted (delete_server_failure)');
  }
  store.delete(server);
  respondEmpty(k, 204);
}
