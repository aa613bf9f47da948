import { respondJson } from '@mimic/core';
import type { IdentityRuntime } from './context';

/** `GET /identity/v2.0` (a trailing slash makes no difference; identity.md §1). */
export function mountVersionRoutes(runtime: IdentityRuntime): void {
  const { ctx } = runtime;
  ctx.router.get('/identity/v2.0', (k) => {
    respondJson(k, 200, {
      version: {
        status: 'stable',
        updated: '2014-04-17T00:00:00Z',
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v2.0+json' }],
        id: 'v2.0',
        links: [
          { href: `${ctx.urls.base(k)}identity/v2.0`, rel: 'self' },
          { href: 'http://docs.openstack.org/', type: 'text/html', rel: 'describedby' },
        ],
      },
    });
  });
}
