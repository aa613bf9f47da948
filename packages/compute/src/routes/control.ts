import { HttpError, isObject, mountBehaviorRoutes, readJson, respondEmpty } from '@mimic/core';
import type { ComputeRuntime } from './context';
import { creationBehaviors, serverStore } from './tenant-state';

/** `cloudServersBehavior` (compute.md §12): the creation behaviour API and the attributes API. */
export function mountControlRoutes(rt: ComputeRuntime): void {
  mountBehaviorRoutes(rt.control, '/v2/:tenantId/behaviors/creation', (k) => creationBehaviors(rt, k));

  // {"status": {"<id>": "<STATUS>", ...}}: every id must be a live server, or nothing changes.
  rt.control.post('/v2/:tenantId/attributes', (k) => {
    const body = readJson(k);
    if (!body.ok || !isObject(body.value) || !isObject(body.value.status)) {
      throw new HttpError(400, 'Request body must be {"status": {"<server id>": "<status>", ...}}');
    }
    const store = serverStore(rt, k);
    const changes = Object.entries(body.value.status);
    for (const [id, status] of changes) {
      if (!store.live(id)) throw new HttpError(400, `No server with id ${id} in this tenant and region`);
      if (typeof status !== 'string' || status === '') throw new HttpError(400, `Status for ${id} must be a non-empty string`);
    }
    for (const [id, status] of changes) store.setStatus(store.live(id)!, status as string);
    respondEmpty(k, 201);
  });
}
