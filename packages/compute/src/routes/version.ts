import { respondJson } from '@mimic/core';
import { novaRoot, type ComputeRuntime } from './context';

/** `GET <pfx>/v2`: the version document (compute.md §11). */
export function mountVersionRoutes(rt: ComputeRuntime): void {
  rt.nova.get('/v2', (k) => {
    const root = novaRoot(rt, k);
    respondJson(k, 200, {
      version: {
        status: 'SUPPORTED',
        updated: '2011-01-21T11:33:21Z',
        links: [
          { href: `${root}/v2`, rel: 'self' },
          { href: 'http://docs.openstack.org/', type: 'text/html', rel: 'describedby' },
        ],
        min_version: '',
        version: '',
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2' }],
      },
    });
  });
}
