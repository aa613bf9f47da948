import { definePlugin, type MimicPlugin } from '@mimic/core';
import { createImageCatalog } from './model/images';
import { Interner } from './model/interner';
import { COMPUTE_PRESETS } from './model/presets';
import { mountActionRoutes } from './routes/actions';
import { GLANCE, NOVA, NOVA_CONTROL, type ComputeRuntime } from './routes/context';
import { mountControlRoutes } from './routes/control';
import { mountFlavorRoutes } from './routes/flavors';
import { mountGlanceRoutes } from './routes/glance';
import { mountImageRoutes } from './routes/images';
import { mountKeypairRoutes } from './routes/keypairs';
import { mountLimitRoutes } from './routes/limits';
import { mountMetadataRoutes } from './routes/metadata';
import { mountServerRoutes } from './routes/servers';
import { RenderCache } from './routes/render-cache';
import { mountVersionRoutes } from './routes/version';

/** Options of the compute plugin (none yet; the object keeps the factory signature stable). */
export type ComputeOptions = Record<string, never>;

const REGIONS = ['ORD', 'DFW', 'IAD'];

/** OpenStack Compute (Nova v2) with misbehaviour on demand, plus a Glance v2 view of its images. */
export function compute(_options: ComputeOptions = {}): MimicPlugin {
  return definePlugin({
    name: '@mimic/compute',
    core: '^0.1.0',
    // pkgcloud takes the first entry of type compute: the real API comes first.
    services: [
      { name: NOVA, type: 'compute', implName: 'NovaApi', regions: REGIONS, prefix: 'v2' },
      { name: NOVA_CONTROL, type: 'compute', implName: 'NovaControlApi', regions: REGIONS, prefix: 'v2' },
      // Not `v2`: keystoneauth reads a `v…` segment as the API version and would use the catalog
      // URL as the versioned endpoint; `image` makes clients discover and append `/v2/images`.
      { name: GLANCE, type: 'image', implName: 'GlanceApi', regions: REGIONS, prefix: 'image' },
    ],
    presets: { servers: COMPUTE_PRESETS },
    setup(ctx) {
      const rt: ComputeRuntime = {
        ctx,
        nova: ctx.service(NOVA),
        control: ctx.service(NOVA_CONTROL),
        glance: ctx.service(GLANCE),
        images: createImageCatalog(ctx),
        renderings: new RenderCache(),
        refs: new Interner(),
      };
      ctx.onReset(() => rt.renderings.clear());
      mountVersionRoutes(rt);
      mountServerRoutes(rt);
      mountMetadataRoutes(rt);
      mountActionRoutes(rt);
      mountImageRoutes(rt);
      mountFlavorRoutes(rt);
      mountKeypairRoutes(rt);
      mountLimitRoutes(rt);
      mountGlanceRoutes(rt);
      mountControlRoutes(rt);
    },
  });
}
