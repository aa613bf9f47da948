import { definePlugin, type MimicPlugin } from '@mimic/core';
import { CLB_PRESETS } from './behaviors';
import { mountAccessListRoutes } from './routes/access-list';
import { createRuntime } from './routes/context';
import { mountControlRoutes } from './routes/control';
import { mountHealthMonitorRoutes } from './routes/health-monitor';
import { mountListingRoutes } from './routes/listings';
import { mountLoadBalancerRoutes } from './routes/load-balancers';
import { mountMetadataRoutes } from './routes/metadata';
import { mountNodeRoutes } from './routes/nodes';
import { mountSettingRoutes } from './routes/settings';

/** No options yet; the factory keeps the plugin contract's shape. */
export type ClbOptions = Record<string, never>;

/** Rackspace Cloud Load Balancers, with metadata-driven timed states (clb.md). */
export function clb(_options: ClbOptions = {}): MimicPlugin {
  return definePlugin({
    name: '@mimic/clb',
    core: '^0.1.0',
    // pkgcloud takes the first `rax:load-balancer` entry, so the public API comes first.
    services: [
      { name: 'cloudLoadBalancers', type: 'rax:load-balancer', implName: 'LoadBalancerApi', regions: ['ORD'], prefix: 'v2' },
      { name: 'cloudLoadBalancerControl', type: 'rax:load-balancer', implName: 'LoadBalancerControlApi', regions: ['ORD'], prefix: 'v2' },
    ],
    presets: { loadbalancers: CLB_PRESETS },
    setup(ctx) {
      const rt = createRuntime(ctx);
      // Static names first, so `protocols` and `algorithms` are never taken for ids.
      mountListingRoutes(rt);
      mountLoadBalancerRoutes(rt);
      mountNodeRoutes(rt);
      mountHealthMonitorRoutes(rt);
      mountSettingRoutes(rt);
      mountAccessListRoutes(rt);
      mountMetadataRoutes(rt);
      mountControlRoutes(rt);
    },
  });
}
