import { HttpError, respondJson } from '@mimic/core';
import { imageBrief, imageDetail } from '../model/images';
import { novaRoot, type ComputeRuntime } from './context';
import { pagedList } from './paging';

/** `GET /images`, `/images/detail`, `/images/<id>` (compute.md §9 with the seed README's overrides). */
export function mountImageRoutes(rt: ComputeRuntime): void {
  const { nova, images } = rt;
  const listed = (tenantId: string, region: string) => images.list(tenantId, region);

  nova.get('/v2/:tenantId/images', (k) => {
    const { tenantId, region } = k.params;
    const root = novaRoot(rt, k);
    respondJson(k, 200, pagedList(k, { root, collection: 'images', detail: false }, listed(tenantId, region), (image) => imageBrief(root, tenantId, image)));
  });
  nova.get('/v2/:tenantId/images/detail', (k) => {
    const { tenantId, region } = k.params;
    const root = novaRoot(rt, k);
    respondJson(k, 200, pagedList(k, { root, collection: 'images', detail: true }, listed(tenantId, region), (image) => imageDetail(root, tenantId, image)));
  });
  nova.get('/v2/:tenantId/images/:imageId', (k) => {
    const { tenantId, imageId } = k.params;
    if (images.isInvalidImageRef(imageId)) throw new HttpError(400, 'Invalid imageRef provided.');
    const image = images.find(tenantId, imageId) ?? images.plausible(imageId);
    respondJson(k, 200, { image: imageDetail(novaRoot(rt, k), tenantId, image) });
  });
}
