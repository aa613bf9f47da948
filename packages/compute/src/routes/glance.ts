import { respondJson } from '@mimic/core';
import type { Context } from 'koa';
import type { Image } from '../model/images';
import { GLANCE, type ComputeRuntime } from './context';

/**
 * Glance v2 over the same image catalog, so `openstack server create --image
 * <name>` can resolve a name. The catalog URL of `cloudImages` ends in
 * `/image/<tenant>` (the endpoint root); clients append `/v2/images` to it, and
 * openstacksdk (keystoneauth) first reads the versions document (300, as Glance
 * answers) at the root.
 */
export function mountGlanceRoutes(rt: ComputeRuntime): void {
  const ROOT = '/image/:tenantId';
  const IMAGES = `${ROOT}/v2/images`;
  const versions = (k: Context) => {
    const root = `${rt.ctx.urls.serviceRoot(k, GLANCE, String(k.params.region))}/image/${k.params.tenantId}`;
    respondJson(k, 300, { versions: [{ id: 'v2.9', status: 'CURRENT', links: [{ rel: 'self', href: `${root}/v2/` }] }] });
  };
  rt.glance.get(ROOT, versions);
  rt.glance.get(`${ROOT}/v2`, versions);
  const glanceError = (k: Context, status: number, message: string) =>
    respondJson(k, status, { code: status, title: status === 404 ? 'Not Found' : 'Bad Request', message });

  rt.glance.get(IMAGES, (k) => {
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
  });

  rt.glance.get(`${IMAGES}/:imageId`, (k) => {
    const image = rt.images.find(k.params.tenantId, k.params.imageId);
    if (!image) return glanceError(k, 404, `No image found with ID ${k.params.imageId}`);
    respondJson(k, 200, glanceImage(image));
  });
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
