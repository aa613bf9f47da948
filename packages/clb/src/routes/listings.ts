import { respondJson } from '@mimic/core';
import { virtualIps } from '../model/load-balancer';
import { ALGORITHMS, PROTOCOLS, zeroStats } from '../model/listings';
import { LB, LBS, readableLoadBalancer, type ClbRuntime } from './context';

/**
 * Beyond the original: protocol and algorithm listings (mounted before
 * `/loadbalancers/<id>`, so these names are never ids), virtual IPs, node
 * service events and stats.
 */
export function mountListingRoutes(rt: ClbRuntime): void {
  rt.api.get(`${LBS}/protocols`, (k) => respondJson(k, 200, { protocols: PROTOCOLS.map((p) => ({ ...p })) }));
  rt.api.get(`${LBS}/algorithms`, (k) => respondJson(k, 200, { algorithms: ALGORITHMS.map((name) => ({ name })) }));

  rt.api.get(`${LB}/virtualips`, (k) => {
    readableLoadBalancer(rt, k);
    respondJson(k, 200, { virtualIps: virtualIps() });
  });

  // pkgcloud's getNodeServiceEvents; no health checks run here, so there are never any.
  rt.api.get(`${LB}/nodes/events`, (k) => {
    readableLoadBalancer(rt, k);
    respondJson(k, 200, { nodeServiceEvents: [] });
  });

  rt.api.get(`${LB}/stats`, (k) => {
    readableLoadBalancer(rt, k);
    respondJson(k, 200, zeroStats());
  });
}
