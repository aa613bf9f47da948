import { mountBehaviorRoutes } from '@mimic/core';
import type { IdentityRuntime } from './context';

/** `POST /mimic/v1.1/IdentityControlAPI/behaviors/auth` and `DELETE .../auth/<id>` (identity.md §7). */
export function mountControlRoutes(runtime: IdentityRuntime): void {
  mountBehaviorRoutes(runtime.ctx.router, '/mimic/v1.1/IdentityControlAPI/behaviors/auth', () => runtime.authBehaviors());
}
