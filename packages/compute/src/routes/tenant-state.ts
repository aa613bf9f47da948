import { BehaviorRegistry, HttpError } from '@mimic/core';
import type { Context } from 'koa';
import { creationEvent, type CreationAttributes, type CreationBehavior } from '../behaviors';
import type { Server } from '../model/server';
import { ServerStore } from '../model/server-store';
import type { ComputeRuntime } from './context';

/** The servers of the request's tenant+region (created with the session on first use). */
export function serverStore(rt: ComputeRuntime, k: Context): ServerStore {
  const tenantId = String(k.params.tenantId);
  return rt.ctx.state.region(tenantId, String(k.params.region), 'servers', () => new ServerStore(tenantId, rt.ctx.clock, rt.refs));
}

/** The live (not deleted) server named by `:serverId`, or a 404 with the message the route documents. */
export function liveServer(store: ServerStore, k: Context, notFound: string): Server {
  const server = store.live(String(k.params.serverId));
  if (!server) throw new HttpError(404, notFound);
  return server;
}

/** The creation behaviour registry of the request's tenant+region (compute.md §12). */
export function creationBehaviors(rt: ComputeRuntime, k: Context): BehaviorRegistry<CreationAttributes, CreationBehavior> {
  return rt.ctx.state.region(String(k.params.tenantId), String(k.params.region), 'creation-behaviors', () => new BehaviorRegistry(creationEvent));
}
