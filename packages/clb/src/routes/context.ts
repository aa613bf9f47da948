import type Router from '@koa/router';
import { ids, readJson, type PluginContext } from '@mimic/core';
import type { Context } from 'koa';
import { badJson, gone, immutable, InputError, lbNotFound } from '../model/errors';
import type { LoadBalancer } from '../model/load-balancer';
import { LoadBalancerRegion } from '../model/region';

/** Path of every public CLB route (the catalog prefix is `v2`, clb.md top). */
export const LBS = '/v2/:tenantId/loadbalancers';
export const LB = `${LBS}/:lbId`;

/** What every route module needs: the plugin context and per-request helpers. */
export interface ClbRuntime {
  ctx: PluginContext;
  api: Router;
  control: Router;
  /** The tenant+region's load balancers (created on first use). */
  region(k: Context): LoadBalancerRegion;
  now(): number;
  iso(t: number): string;
}

export function createRuntime(ctx: PluginContext): ClbRuntime {
  return {
    ctx,
    api: ctx.service('cloudLoadBalancers'),
    control: ctx.service('cloudLoadBalancerControl'),
    region: (k) =>
      ctx.state.region(k.params.tenantId, k.params.region, 'loadBalancers', () => new LoadBalancerRegion((min, max) => ids.int(min, max))),
    now: () => ctx.clock.now(),
    iso: (t) => ctx.clock.iso(t),
  };
}

/** A path id: decimal digits only (clb.md top: otherwise a JSON 404). */
export function pathId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,16}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The load balancer named in the path, refreshed to now; LB404 when unknown or removed by that refresh. */
export function loadBalancer(rt: ClbRuntime, k: Context): LoadBalancer {
  const id = pathId(k.params.lbId);
  const lb = id === undefined ? undefined : rt.region(k).find(id, rt.now());
  if (!lb) throw lbNotFound();
  return lb;
}

/** As `loadBalancer`, for reads of sub-resources: DELETED → 410 (clb.md §6). */
export function readableLoadBalancer(rt: ClbRuntime, k: Context): LoadBalancer {
  const lb = loadBalancer(rt, k);
  if (lb.status === 'DELETED') throw gone();
  return lb;
}

/** For this project's extra writes: DELETED → 410, anything else but ACTIVE → Immutable. */
export function mutableLoadBalancer(rt: ClbRuntime, k: Context): LoadBalancer {
  const lb = readableLoadBalancer(rt, k);
  if (lb.status !== 'ACTIVE') throw immutable(lb.id, lb.status);
  return lb;
}

/** The JSON body, or CLB's BadJSON (an empty body included). */
export function jsonBody(k: Context): unknown {
  const body = readJson(k);
  if (!body.ok) throw badJson();
  return body.value;
}

/** Runs a parser from model/, turning its InputError into CLB's Schema or Validation 400. */
export function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) throw error.toHttp();
    throw error;
  }
}

/** After a successful write: the mutating refresh (ACTIVE → PENDING-UPDATE / ERROR per the metadata). */
export function afterMutation(rt: ClbRuntime, k: Context, lb: LoadBalancer): void {
  rt.region(k).settle(lb, rt.now(), 'mutation');
}
