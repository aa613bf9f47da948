import { respondEmpty, respondJson } from '@mimic/core';
import { flat, immutable } from '../model/errors';
import { fullView, parseCreate, parseUpdate, shortView } from '../model/load-balancer';
import { afterMutation, jsonBody, LB, LBS, mutableLoadBalancer, loadBalancer, parsed, type ClbRuntime } from './context';

/** Create, list, get, update and delete load balancers (clb.md §2, §3, §5). */
export function mountLoadBalancerRoutes(rt: ClbRuntime): void {
  const { api } = rt;

  api.post(LBS, (k) => {
    const body = jsonBody(k);
    const input = parsed(() => parseCreate(body));
    const lb = rt.region(k).create(input, rt.now());
    respondJson(k, 202, { loadBalancer: fullView(lb, rt.iso) });
  });

  api.get(LBS, (k) => {
    const lbs = rt.region(k).list(rt.now());
    respondJson(k, 200, { loadBalancers: lbs.map((lb) => shortView(lb, rt.iso)) });
  });

  api.get(LB, (k) => {
    // DELETED still answers 200 (clb.md §2).
    respondJson(k, 200, { loadBalancer: fullView(loadBalancer(rt, k), rt.iso) });
  });

  // Beyond the original: update the load balancer's own attributes.
  api.put(LB, (k) => {
    const body = jsonBody(k);
    const lb = mutableLoadBalancer(rt, k);
    const changes = parsed(() => parseUpdate(body));
    Object.assign(lb, changes);
    afterMutation(rt, k, lb);
    respondEmpty(k, 202);
  });

  api.delete(LB, (k) => {
    const region = rt.region(k);
    const lb = loadBalancer(rt, k);
    if (lb.status === 'PENDING-DELETE') {
      throw flat(400, `Must provide valid load balancers: ${lb.id} are immutable and could not be processed.`);
    }
    region.settle(lb, rt.now(), 'delete');
    switch (lb.status) {
      case 'ACTIVE':
      case 'ERROR':
      case 'PENDING-UPDATE':
        region.remove(lb.id);
        return respondEmpty(k, 202);
      case 'PENDING-DELETE':
        return respondEmpty(k, 202);
      case 'DELETED':
        throw flat(400, `Must provide valid load balancers: ${lb.id} could not be found.`);
      default:
        // BUILD and the control plane's PENDING_* statuses: real CLB refuses to delete an LB in transition.
        throw immutable(lb.id, lb.status);
    }
  });
}
