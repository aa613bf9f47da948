import { respondJson } from '@mimic/core';
import type { Context } from 'koa';
import type { Image } from '../model/images';
import { GLANCE, type ComputeRuntime } from './context';

/**
 * Glance v2 over the same image catalog, so `openstack server create --image
 * <name>` can resolve a name. The catalog URL of `cloudImages` ends in
 * `/image/<tenant>` (the endpoint root); clients such as glanceclient append
 * `/v2/images` to it. keystoneauth (openstacksdk, the OpenStack CLI) instead
 * pops the tenant off the catalog URL, reads the versions document at
 * `/image`, and puts the tenant back after the version: `/image/v2/<tenant>`.
 * Both shapes are served, over the same handlers.
 */
export function mountGlanceRoutes(rt: ComputeRuntime): void {
  const versions = (k: Context, under: string) => {
    const href = `${rt.ctx.urls.serviceRoot(k, GLANCE, String(k.params.region))}/image/${under}v2/`;
    respondJson(k, 200, { versions: [{ id: 'v2.9', status: 'CURRENT', links: [{ rel: 'self', href }] }] });
  };
  rt.glance.get('/image', (k) => versions(k, ''));
  rt.glance.get('/image/:tenantId', (k) => versions(k, `${k.params.tenantId}/`));
  rt.glance.get('/image/:tenantId/v2', (k) => versions(k, `${k.params.tenantId}/`));
  const glanceError = (k: Context, status: number, message: string) =>
    respondJson(k, status, { code: status, title: status === 404 ? 'Not Found' : 'Bad Request', message });

  const listImages = (k: Context) => {
    const { tenantId, region } = k.params;
    let images = rt.images.list(tenantId, region);
    const { name, marker, limit } = k.query;
    if (typeof name === 'string') images = images.filter((image) => image.spec.name === name);
    if (marker !== undefined) {
      const index = typeof marker === 'string' ? images.findIndex((image) => image.id === marker) : -1;
      if (index < 0) return glanceError(k, 400, `marker ${String(marker)} could not be found`);
      images = images.slice(index + 1);
    }
    let size: number | undefined;
    if (limit !== undefined) {
      if (typeof limit !== 'string' || !/^\d+$/.test(limit)) return glanceError(k, 400, 'limit param must be an integer');
      size = Number(limit);
      images = images.slice(0, size);
    }
    const body: Record<string, unknown> = { images: images.map(glanceImage), first: '/v2/images', schema: '/v2/schemas/images' };
    if (size !== undefined && size > 0 && images.length === size) {
      const next = new URLSearchParams({ marker: images[images.length - 1].id, limit: String(size) });
      if (typeof name === 'string') next.set('name', name);
      body.next = `/v2/images?${next}`;
    }
    respondJson(k, 200, body);
  };

  const getImage = (k: Context) => {
    const image = rt.images.find(k.params.tenantId, k.params.imageId);
    if (!image) return glanceError(k, 404, `No image found with ID ${k.params.imageId}`);
    respondJson(k, 200, glanceImage(image));
  };

  for (const images of ['/image/:tenantId/v2/images', '/image/v2/:tenantId/images']) {
    rt.glance.get(images, listImages);
    rt.glance.get(`${images}/:imageId`, getImage);
  }
}

const CREATED = '1972-01-01T15:59:11Z';

/** A Glance v2 image record for a catalog image. */
function glanceImage(image: Image): Record<string, unknown> {
  const { spec } = image;
  return {
    id: image.id,
    name: spec.name,
    status: 'active',
    visibility: image.snapshotOf ? 'private' : 'public',
    protected: false,
    min_ram: spec.minRam,
    min_disk: spec.minDisk,
    size: image.size,
    disk_format: 'vhd',
    container_format: 'ovf',
    created_at: CREATED,
    updated_at: CREATED,
    tags: [],
    os_type: spec.osType,
    os_distro: spec.distro,
    image_type: image.snapshotOf ? 'snapshot' : 'base',
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
}
