import type Router from '@koa/router';
import type { PluginContext } from '@mimic/core';
import type { Context } from 'koa';
import type { ImageCatalog } from '../model/images';
import { detailServer, type Server } from '../model/server';
import type { Interner } from '../model/interner';
import type { RenderCache } from './render-cache';

/** Catalog names of the services this plugin registers. */
export const NOVA = 'cloudServersOpenStack';
export const NOVA_CONTROL = 'cloudServersBehavior';
export const GLANCE = 'cloudImages';

/** Everything the route modules share, built once per Mimic instance in plugin.ts. */
export interface ComputeRuntime {
  readonly ctx: PluginContext;
  /** Router of `cloudServersOpenStack`, mounted at /mimicking/<NovaApi-id>/:region; paths start with `/v2/:tenantId`. */
  readonly nova: Router;
  /** Router of `cloudServersBehavior` (same tenant+region state as nova). */
  readonly control: Router;
  /** Router of `cloudImages` (Glance v2 over the same image catalog). */
  readonly glance: Router;
  /** Canned images (ids fixed per Mimic instance) and each tenant's snapshots. */
  readonly images: ImageCatalog;
  /** One copy of repeated reference strings for every server store. */
  readonly refs: Interner;
  /** Server details already serialized (cleared on reset). */
  readonly renderings: RenderCache;
}

/** `{pfx}` of compute.md: `<base>mimicking/<NovaApi-id>/<region>`, no trailing slash. */
export function novaRoot(rt: ComputeRuntime, k: Context): string {
  return rt.ctx.urls.serviceRoot(k, NOVA, String(k.params.region));
}

/** `{"server": ...}` detail of compute.md §2 for this request's caller. */
export function serverDetail(rt: ComputeRuntime, k: Context, server: Server): Record<string, unknown> {
  return detailServer(novaRoot(rt, k), server, (seconds) => rt.ctx.clock.iso(seconds));
}

/** The detail of compute.md §2 as JSON text (the `server` value), cached per server revision. */
export function serverDetailJson(rt: ComputeRuntime, k: Context, server: Server): string {
  const root = novaRoot(rt, k);
  return rt.renderings.json(server, root, () => detailServer(root, server, (seconds) => rt.ctx.clock.iso(seconds)));
}

/** The whole `GET /servers/<id>` body, `{"server": ...}`, as bytes, cached per server revision. */
export function serverBody(rt: ComputeRuntime, k: Context, server: Server): Buffer {
  const root = novaRoot(rt, k);
  return rt.renderings.single(server, root, () => detailServer(root, server, (seconds) => rt.ctx.clock.iso(seconds)));
}
