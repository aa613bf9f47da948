import { HttpError, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { extraSpecs, findFlavor, flavorBrief, flavorDetail, listedFlavors } from '../model/flavors';
import { novaRoot, type ComputeRuntime } from './context';
import { pagedList } from './paging';

/** `GET /flavors`, `/flavors/detail`, `/flavors/<id>`, and the extra specs the OpenStack CLI reads (compute.md §10). */
export function mountFlavorRoutes(rt: ComputeRuntime): void {
  const { nova } = rt;
  const known = (k: Context) => {
    const id = String(k.params.flavorId);
    if (rt.images.isInvalidFlavorRef(id)) throw new HttpError(400, 'Invalid flavorRef provided.');
    return findFlavor(id);
  };

  nova.get('/v2/:tenantId/flavors', (k) => {
    const root = novaRoot(rt, k);
    respondJson(k, 200, pagedList(k, { root, collection: 'flavors', detail: false }, listedFlavors(k.params.region), (f) => flavorBrief(root, k.params.tenantId, f)));
  });
  nova.get('/v2/:tenantId/flavors/detail', (k) => {
    const root = novaRoot(rt, k);
    respondJson(k, 200, pagedList(k, { root, collection: 'flavors', detail: true }, listedFlavors(k.params.region), (f) => flavorDetail(root, k.params.tenantId, f)));
  });
  nova.get('/v2/:tenantId/flavors/:flavorId', (k) => {
    respondJson(k, 200, { flavor: flavorDetail(novaRoot(rt, k), k.params.tenantId, known(k)) });
  });
  nova.get('/v2/:tenantId/flavors/:flavorId/os-extra_specs', (k) => {
    respondJson(k, 200, { extra_specs: extraSpecs(known(k)) });
  });
}
