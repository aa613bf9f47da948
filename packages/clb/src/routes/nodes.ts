import { readJson, respondEmpty, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { flat, immutable, nodeNotFound, validationError } from '../model/errors';
import { isMonitored, type LoadBalancer } from '../model/load-balancer';
import { nodeView, parseNodeList, parseNodeUpdate, recordFeed, updatedSummary, type LbNode } from '../model/node';
import { mountNodeFeed } from './node-feed';
import { afterMutation, jsonBody, LB, loadBalancer, parsed, pathId, readableLoadBalancer, type ClbRuntime } from './context';

const NODES = `${LB}/nodes`;
const NODE = `${NODES}/:nodeId`;
export const BATCH_DELETE_LIMIT = 10;

/** The node named in the path, on an already-checked load balancer. */
function nodeOf(lb: LoadBalancer, k: Context): LbNode {
  const id = pathId(k.params.nodeId);
  const node = id === undefined ? undefined : lb.nodes.get(id);
  if (!node) throw nodeNotFound();
  return node;
}

function requireActive(lb: LoadBalancer): void {
  if (lb.status !== 'ACTIVE') throw immutable(lb.id, lb.status);
}

/** Bulk-delete ids: Python `int()` of each `id` query value; a non-integer answers 400 (the original's 500). */
function bulkIds(k: Context): number[] {
  const raw = k.query.id;
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw flat(400, "Must supply one or more id's to process this request.");
  const bad = values.filter((v) => !/^\s*[+-]?\d{1,16}\s*$/.test(v));
  if (bad.length > 0) {
    throw validationError([`Node ids ${bad.map((v) => v.slice(0, 32)).join(',')} are not valid integers`]);
  }
  return values.map((v) => Number(v.trim()));
}

/** Node list, add, get, update, delete and bulk delete (clb.md §6), in the reference's order of checks. */
export function mountNodeRoutes(rt: ClbRuntime): void {
  const { api } = rt;

  api.get(NODES, (k) => {
    const lb = readableLoadBalancer(rt, k);
    respondJson(k, 200, { nodes: [...lb.nodes.values()].map(nodeView) });
  });

  api.post(NODES, (k) => {
    const body = jsonBody(k);
    const lb = loadBalancer(rt, k);
    requireActive(lb);
    const inputs = parsed(() => {
      const nodes = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).nodes : undefined;
      return parseNodeList(nodes);
    });
    // Monitored nodes start OFFLINE until a health check would pass (clb.md §6).
    const added = rt.region(k).addNodes(lb, inputs, { status: isMonitored(lb) ? 'OFFLINE' : 'ONLINE', feedAt: rt.now() });
    afterMutation(rt, k, lb);
    respondJson(k, 202, { nodes: added.map(nodeView) });
  });

  api.delete(NODES, (k) => {
    const ids = bulkIds(k);
    const lb = loadBalancer(rt, k);
    if (lb.status !== 'ACTIVE') throw flat(422, 'LoadBalancer is not ACTIVE');
    const unknown = [...new Set(ids.filter((id) => !lb.nodes.has(id)))].sort((a, b) => a - b);
    if (unknown.length > 0) throw validationError([`Node ids ${unknown.join(',')} are not a part of your loadbalancer`]);
    if (ids.length > BATCH_DELETE_LIMIT) {
      throw validationError([
        `Request to delete ${ids.length} nodes exceeds the account limit BATCH_DELETE_LIMIT of ${BATCH_DELETE_LIMIT} please attempt to delete fewer then ${BATCH_DELETE_LIMIT} nodes`,
      ]);
    }
    for (const id of ids) lb.nodes.delete(id);
    afterMutation(rt, k, lb);
    respondEmpty(k, 202);
  });

  // The atom feed shares this path shape (`<nid>.atom`), so it is served first.
  mountNodeFeed(rt, NODE);

  api.get(NODE, (k) => {
    const lb = readableLoadBalancer(rt, k);
    respondJson(k, 200, { node: nodeView(nodeOf(lb, k)) });
  });

  api.put(NODE, (k) => {
    const body = readJson(k);
    const changes = parsed(() => parseNodeUpdate(body));
    const lb = loadBalancer(rt, k);
    requireActive(lb);
    const node = nodeOf(lb, k);
    Object.assign(node, changes);
    recordFeed(node, updatedSummary(node), rt.now());
    // No mutating refresh here (clb.md §4): node updates never move the status.
    respondEmpty(k, 202);
  });

  api.delete(NODE, (k) => {
    const lb = loadBalancer(rt, k);
    requireActive(lb);
    // The mutating refresh comes before the node lookup, so the LB moves even when that lookup 404s (clb.md §4).
    afterMutation(rt, k, lb);
    const node = nodeOf(lb, k);
    lb.nodes.delete(node.id);
    respondJson(k, 202, null);
  });
}
