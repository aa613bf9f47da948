import { HttpError, ids, isObject, readJson, respondEmpty, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import type { Server } from '../model/server';
import type { ServerStore } from '../model/server-store';
import { novaRoot, serverDetail, type ComputeRuntime } from './context';
import { liveServer, serverStore } from './tenant-state';

/** Reboot and rebuild durations of compute.md §7–8, in seconds. */
const SOFT_REBOOT = 3;
const HARD_REBOOT = 6;
const REBUILD = 5;

/** `firstKey` is the body's first key, which the resize-state 409 message names. */
type Action = (rt: ComputeRuntime, k: Context, store: ServerStore, server: Server, argument: unknown, firstKey: string) => void;

function conflict(server: Server, action: string, state: string): HttpError {
  return new HttpError(409, `Cannot '${action}' instance ${server.id} while it is in task state other than ${state}`, { kind: 'conflictingRequest' });
}

function requireStatus(server: Server, action: string, status: string): void {
  if (server.status !== status) throw conflict(server, action, status.toLowerCase());
}

/** Field of an action's argument object, or undefined. */
function field(argument: unknown, key: string): unknown {
  return isObject(argument) ? argument[key] : undefined;
}

/** Confirm and revert need VERIFY_RESIZE; the original's message always says "active". */
function requireVerifyResize(server: Server, firstKey: string): void {
  if (server.status !== 'VERIFY_RESIZE') {
    throw new HttpError(409, `Cannot '${firstKey}' instance ${server.id} while it is in vm_state active`, { kind: 'conflictingRequest' });
  }
}

/** Action handlers, in the order the first matching key is chosen (compute.md §7). */
const ACTIONS: Array<[string, Action]> = [
  [
    'resize',
    (_rt, k, store, server, argument) => {
      const flavorRef = field(argument, 'flavorRef');
      if ((typeof flavorRef !== 'string' && typeof flavorRef !== 'number') || flavorRef === '') {
        throw new HttpError(400, "Resize requests require 'flavorRef' attribute");
      }
      store.update(server, { previousFlavorRef: server.flavorRef, flavorRef: String(flavorRef), status: 'VERIFY_RESIZE' });
      respondEmpty(k, 202);
    },
  ],
  [
    'confirmResize',
    (_rt, k, store, server, _argument, firstKey) => {
      requireVerifyResize(server, firstKey);
      store.update(server, { previousFlavorRef: undefined, status: 'ACTIVE' });
      respondEmpty(k, 204);
    },
  ],
  [
    'revertResize',
    (_rt, k, store, server, _argument, firstKey) => {
      requireVerifyResize(server, firstKey);
      store.update(server, { flavorRef: server.previousFlavorRef ?? server.flavorRef, previousFlavorRef: undefined, status: 'ACTIVE' });
      respondEmpty(k, 202);
    },
  ],
  [
    'rescue',
    (_rt, k, store, server) => {
      requireStatus(server, 'rescue', 'ACTIVE');
      store.update(server, { status: 'RESCUE' });
      respondJson(k, 200, { adminPass: ids.password() });
    },
  ],
  [
    'unrescue',
    (_rt, k, store, server) => {
      requireStatus(server, 'unrescue', 'RESCUE');
      store.update(server, { status: 'ACTIVE' });
      respondEmpty(k, 200);
    },
  ],
  [
    'reboot',
    (_rt, k, store, server, argument) => {
      const type = field(argument, 'type');
      if (type === undefined || type === null) throw new HttpError(400, "Missing argument 'type' for reboot");
      if (type !== 'HARD' && type !== 'SOFT') throw new HttpError(400, "Argument 'type' for reboot is not HARD or SOFT");
      store.update(server, { status: type === 'HARD' ? 'HARD_REBOOT' : 'REBOOT' });
      store.transition(server, type === 'HARD' ? HARD_REBOOT : SOFT_REBOOT, 'ACTIVE');
      respondEmpty(k, 202);
    },
  ],
  [
    'changePassword',
    (_rt, k, _store, server, argument) => {
      const password = field(argument, 'adminPass');
      if (typeof password !== 'string') throw new HttpError(400, 'No adminPass was specified');
      requireStatus(server, 'changePassword', 'ACTIVE');
      respondEmpty(k, 202);
    },
  ],
  [
    'rebuild',
    (rt, k, store, server, argument) => {
      const imageRef = field(argument, 'imageRef');
      if ((typeof imageRef !== 'string' && typeof imageRef !== 'number') || imageRef === '') {
        throw new HttpError(400, 'Could not parse imageRef from request.');
      }
      requireStatus(server, 'rebuild', 'ACTIVE');
      if (rt.images.isInvalidImageRef(String(imageRef))) throw new HttpError(400, 'Invalid imageRef provided.');
      store.update(server, { imageRef: String(imageRef), status: 'REBUILD' });
      store.transition(server, REBUILD, 'ACTIVE');
      respondJson(k, 202, { server: { ...serverDetail(rt, k, server), adminPass: 'password' } });
    },
  ],
  [
    'createImage',
    (rt, k, _store, server, argument) => {
      const name = field(argument, 'name');
      if (typeof name !== 'string' || name === '') throw new HttpError(400, 'createImage requires a string name');
      const root = novaRoot(rt, k);
      const links = [
        { href: `${root}/v2/${server.tenantId}/servers/${server.id}`, rel: 'self' },
        { href: `${root}/${server.tenantId}/servers/${server.id}`, rel: 'bookmark' },
      ];
      const imageId = rt.images.addSnapshot(server.tenantId, server.imageRef, name, { id: server.id, links });
      // The original sent `Location: www.someurl.com`; novaclient takes the image id from the
      // last path segment of Location, so answer the real image URL as Nova does.
      k.set('Location', `${root}/v2/${server.tenantId}/images/${imageId}`);
      respondEmpty(k, 202);
    },
  ],
];

/** `POST /servers/<id>/action` (compute.md §7): parameter checks (400) before state checks (409). */
export function mountActionRoutes(rt: ComputeRuntime): void {
  rt.nova.post('/v2/:tenantId/servers/:serverId/action', (k) => {
    const store = serverStore(rt, k);
    const server = liveServer(store, k, `Instance ${k.params.serverId} could not be found`);
    const body = readJson(k);
    if (!body.ok || !isObject(body.value)) throw new HttpError(400, 'Malformed request body');
    const request = body.value;
    const match = ACTIONS.find(([key]) => Object.hasOwn(request, key));
    if (!match) throw new HttpError(400, 'There is no such action currently supported');
    const [key, handler] = match;
    handler(rt, k, store, server, request[key], Object.keys(request)[0]);
  });
}
