import { respondEmpty, respondJson } from '@mimic/core';
import { schema } from '../model/errors';
import { jsonBody, LB, loadBalancer, parsed, type ClbRuntime } from './context';

/**
 * `/<id>/healthmonitor` (clb.md §2): stored as sent, no status check and no
 * status change. GET refreshes but never answers 410.
 */
export function mountHealthMonitorRoutes(rt: ClbRuntime): void {
  const path = `${LB}/healthmonitor`;

  rt.api.get(path, (k) => {
    respondJson(k, 200, { healthMonitor: loadBalancer(rt, k).healthMonitor });
  });

  rt.api.put(path, (k) => {
    const body = jsonBody(k);
    const lb = loadBalancer(rt, k);
    // Wrapped `{"healthMonitor": {...}}`, or the bare monitor pkgcloud sends; an object either way.
    lb.healthMonitor = parsed(() => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return schema();
      const monitor = 'healthMonitor' in body ? (body as { healthMonitor: unknown }).healthMonitor : body;
      if (typeof monitor !== 'object' || monitor === null || Array.isArray(monitor)) return schema();
      return monitor;
    });
    respondEmpty(k, 202);
  });

  rt.api.delete(path, (k) => {
    loadBalancer(rt, k).healthMonitor = {};
    respondEmpty(k, 202);
  });
}
