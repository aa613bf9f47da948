import { respondEmpty, respondJson, ids } from '@mimic/core';
import type { Context } from 'koa';
import { flat, validationError } from '../model/errors';
import { freshId } from '../model/load-balancer';
import { ACCESS_LIST_LIMIT, parseAccessList } from '../model/settings';
import { afterMutation, jsonBody, LB, mutableLoadBalancer, parsed, pathId, readableLoadBalancer, type ClbRuntime } from './context';

const ACCESS_ID_BOUND = 999999;

/** `?id=1&id=2` as integers; a non-integer never matches an item. */
function queryIds(k: Context): string[] {
  const raw = k.query.id;
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/**
 * Beyond the original: the access list. POST (real CLB) or PUT appends
 * rules; DELETE clears it, or removes `?id=` items; `/<itemId>` deletes one.
 */
export function mountAccessListRoutes(rt: ClbRuntime): void {
  const path = `${LB}/accesslist`;

  rt.api.get(path, (k) => {
    const lb = readableLoadBalancer(rt, k);
    respondJson(k, 200, { accessList: [...lb.accessList.values()].map((rule) => ({ ...rule })) });
  });

  const append = (k: Context) => {
    const body = jsonBody(k);
    const lb = mutableLoadBalancer(rt, k);
    const rules = parsed(() => parseAccessList(body));
    if (lb.accessList.size + rules.length > ACCESS_LIST_LIMIT) {
      throw flat(413, `Access list must not exceed ${ACCESS_LIST_LIMIT} items per load balancer.`);
    }
    for (const rule of rules) {
      const id = freshId(ACCESS_ID_BOUND, (n) => lb.accessList.has(n), (min, max) => ids.int(min, max));
      lb.accessList.set(id, { address: rule.address, id, type: rule.type });
    }
    afterMutation(rt, k, lb);
    respondEmpty(k, 202);
  };
  rt.api.post(path, append);
  rt.api.put(path, append);

  rt.api.delete(path, (k) => {
    const lb = mutableLoadBalancer(rt, k);
    const wanted = queryIds(k);
    if (wanted.length === 0) {
      lb.accessList.clear();
    } else {
      const unknown = wanted.filter((raw) => {
        const id = pathId(raw.trim());
        return id === undefined || !lb.accessList.has(id);
      });
      if (unknown.length > 0) {
        throw validationError([`Access list ids ${unknown.map((u) => u.slice(0, 32)).join(',')} are not a part of your loadbalancer`]);
      }
      for (const raw of wanted) lb.accessList.delete(Number(raw.trim()));
    }
    afterMutation(rt, k, lb);
    respondEmpty(k, 202);
  });

  rt.api.delete(`${path}/:itemId`, (k) => {
    const lb = mutableLoadBalancer(rt, k);
    const id = pathId(k.params.itemId);
    if (id === undefined || !lb.accessList.has(id)) throw flat(404, 'Access list item not found');
    lb.accessList.delete(id);
    afterMutation(rt, k, lb);
    respondEmpty(k, 202);
  });
}
