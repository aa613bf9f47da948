import { readJson, respondEmpty } from '@mimic/core';
import type { Context } from 'koa';
import { badJson, flat } from '../model/errors';
import { CONTROL_STATUSES } from '../model/lifecycle';
import type { LoadBalancer } from '../model/load-balancer';
import { pathId, type ClbRuntime } from './context';

/** The stored load balancer, unrefreshed (the control plane never runs the status machine). */
function owned(rt: ClbRuntime, k: Context): LoadBalancer {
  const id = pathId(k.params.lbId);
  const lb = id === undefined ? undefined : rt.region(k).peek(id);
  if (!lb) throw flat(404, `Tenant ${k.params.tenantId} doesn't own load balancer ${String(k.params.lbId).slice(0, 64)}`);
  return lb;
}

function body(k: Context): unknown {
  const parsed = readJson(k);
  if (!parsed.ok) throw badJson();
  return parsed.value;
}

/** Python's `str()` of a JSON value, for the unsupported-status message. */
function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 64);
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value).slice(0, 64);
}

/** `cloudLoadBalancerControl` (clb.md §8): force an LB status or a node status. */
export function mountControlRoutes(rt: ClbRuntime): void {
  rt.control.patch('/v2/:tenantId/loadbalancer/:lbId/attributes', (k) => {
    const lb = owned(rt, k);
    const attributes = body(k);
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      throw flat(400, 'Attempt to alter a bad attribute');
    }
    for (const key of Object.keys(attributes)) if (key !== 'status') throw flat(400, 'Attempt to alter a bad attribute');
    if ('status' in attributes) {
      const status = (attributes as { status: unknown }).status;
      if (typeof status !== 'string' || !(CONTROL_STATUSES as readonly string[]).includes(status)) {
        const allowed = CONTROL_STATUSES.map((s) => `'${s}'`).join(', ');
        throw flat(400, `Unsupported status ${pythonStr(status)} not one of [${allowed}]`);
      }
      // Stored literally; `updated` is left alone.
      lb.status = status;
    }
    respondEmpty(k, 204);
  });

  rt.control.put('/v2/:tenantId/loadbalancers/:lbId/nodes/:nodeId/status', (k) => {
    const lb = owned(rt, k);
    const nodeId = pathId(k.params.nodeId);
    const node = nodeId === undefined ? undefined : lb.nodes.get(nodeId);
    if (!node) {
      throw flat(404, `Load balancer ${lb.id} on tenant ${k.params.tenantId} does not have node ${String(k.params.nodeId).slice(0, 64)}`);
    }
    const value = body(k);
    const status = typeof value === 'object' && value !== null ? (value as { status?: unknown }).status : undefined;
    if (status !== 'ONLINE' && status !== 'OFFLINE') {
      throw flat(400, 'status key not found or it must have ONLINE or OFFLINE value');
    }
    node.status = status;
    respondEmpty(k, 200);
  });
}
