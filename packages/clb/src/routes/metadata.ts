import { respondEmpty, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { behaviorsOf } from '../behaviors';
import { failIfAny, flat, validationError } from '../model/errors';
import { checkMetadataCount, lookupIn, type LoadBalancer } from '../model/load-balancer';
import { metadataView, parseMetadataList } from '../model/metadata';
import { afterMutation, jsonBody, LB, mutableLoadBalancer, parsed, pathId, readableLoadBalancer, type ClbRuntime } from './context';

const METADATA = `${LB}/metadata`;

function metadataIds(lb: LoadBalancer, raws: string[]): Set<number> {
  const known = new Set([...lb.metadata.values()].map((item) => item.id));
  const unknown = raws.filter((raw) => {
    const id = pathId(raw.trim());
    return id === undefined || !known.has(id);
  });
  if (unknown.length > 0) {
    throw validationError([`Metadata ids ${unknown.map((u) => u.slice(0, 32)).join(',')} are not a part of your loadbalancer`]);
  }
  return new Set(raws.map((raw) => Number(raw.trim())));
}

function remove(rt: ClbRuntime, k: Context, lb: LoadBalancer, ids: Set<number>): void {
  rt.region(k).removeMetadata(lb, ids);
  afterMutation(rt, k, lb);
  respondEmpty(k, 202);
}

/**
 * Beyond the original: load-balancer metadata. Adding or removing a
 * behaviour key (`lb_pending_update`, …) changes how the status machine
 * treats the load balancer from then on.
 */
export function mountMetadataRoutes(rt: ClbRuntime): void {
  rt.api.get(METADATA, (k) => {
    const lb = readableLoadBalancer(rt, k);
    respondJson(k, 200, { metadata: [...lb.metadata.values()].map(metadataView) });
  });

  rt.api.post(METADATA, (k) => {
    const body = jsonBody(k);
    const lb = mutableLoadBalancer(rt, k);
    const items = parsed(() => {
      const list = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { metadata?: unknown }).metadata : body;
      const parsedItems = parseMetadataList(list);
      const messages = parsedItems.filter((item) => lb.metadata.has(item.key)).map((item) => `Duplicate metadata key '${item.key}'.`);
      behaviorsOf(lookupIn([...lb.metadata.values(), ...parsedItems]), messages);
      if (parsedItems.length === 0) messages.push('Must provide at least one metadata item.');
      failIfAny(messages);
      return parsedItems;
    });
    checkMetadataCount(lb.metadata.size + items.length);
    const added = rt.region(k).addMetadata(lb, items);
    afterMutation(rt, k, lb);
    respondJson(k, 200, { metadata: added.map(metadataView) });
  });

  rt.api.delete(METADATA, (k) => {
    const raw = k.query.id;
    const raws = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (raws.length === 0) throw flat(400, "Must supply one or more id's to process this request.");
    const lb = mutableLoadBalancer(rt, k);
    remove(rt, k, lb, metadataIds(lb, raws));
  });

  rt.api.get(`${METADATA}/:metaId`, (k) => {
    const lb = readableLoadBalancer(rt, k);
    const id = pathId(k.params.metaId);
    const item = [...lb.metadata.values()].find((m) => m.id === id);
    if (!item) throw flat(404, 'Metadata item not found');
    respondJson(k, 200, { meta: metadataView(item) });
  });

  rt.api.delete(`${METADATA}/:metaId`, (k) => {
    const lb = mutableLoadBalancer(rt, k);
    const id = pathId(k.params.metaId);
    if (id === undefined || ![...lb.metadata.values()].some((m) => m.id === id)) throw flat(404, 'Metadata item not found');
    remove(rt, k, lb, new Set([id]));
  });
}
