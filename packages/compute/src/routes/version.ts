import { respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { novaRoot, type ComputeRuntime } from './context';

/** compute.md §11 version document for `<pfx>/v2`. */
function versionDocument(root: string): Record<string, unknown> {
  return {
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
  };
}

/**
 * `GET <pfx>/v2` (compute.md §11). Beyond the original, for version discovery
 * (keystoneauth, novaclient): `<pfx>/` lists the one version, and the
 * catalog URL itself (`<pfx>/v2/<tenant>`) answers the version document.
 */
export function mountVersionRoutes(rt: ComputeRuntime): void {
  const answer = (k: Context) => respondJson(k, 200, versionDocument(novaRoot(rt, k)));
  rt.nova.get('/v2', answer);
  rt.nova.get('/v2/:tenantId', answer);
  rt.nova.get('/', (k) => {
    const { version } = versionDocument(novaRoot(rt, k)) as { version: Record<string, unknown> };
    respondJson(k, 200, { versions: [{ ...version, id: 'v2.0' }] });
  });
}
