import { BehaviorRegistry, definePlugin, formatTokenExpiry, type MimicPlugin } from '@mimic/core';
import { authEvent } from './behaviors';
import { ExternalApis } from './model/external-apis';
import { IDENTITY_PRESETS } from './model/presets';
import { ValidationPresets } from './model/validation';
import { mountAccountRoutes } from './routes/accounts';
import type { IdentityRuntime } from './routes/context';
import { mountControlRoutes } from './routes/control';
import { mountExternalApiRoutes } from './routes/external-apis';
import { strictAuthGuard } from './routes/strict-auth';
import { mountTokenRoutes } from './routes/tokens';
import { mountValidateRoutes } from './routes/validate';
import { mountVersionRoutes } from './routes/version';

export interface IdentityOptions {
  /**
   * Service requests that name a tenant (Nova, CLB, ...) answer 401 unless
   * their `X-Auth-Token` belongs to that tenant. Default false, as in the original.
   */
  strictAuth?: boolean;
}

const DAY = 86_400;

/** Rackspace Identity v2.0: auth, validation, users, external APIs and the auth behaviour API. */
export function identity(options: IdentityOptions = {}): MimicPlugin {
  const strictAuth = options.strictAuth === true;
  return definePlugin({
    name: '@mimic/identity',
    core: '^0.1.0',
    presets: { identity: IDENTITY_PRESETS },
    setup(ctx) {
      let authBehaviors = new BehaviorRegistry(authEvent);
      const externals = new ExternalApis();
      ctx.catalog.addExternalSource((tenantId) => externals.catalogEntries(tenantId));
      ctx.onReset(() => {
        authBehaviors = new BehaviorRegistry(authEvent);
        externals.clear();
      });
      if (strictAuth) ctx.addServiceGuard(strictAuthGuard(ctx.sessions));

      // The expiry only changes once a second: format it once per second, not per request.
      let expirySecond = Number.NaN;
      let expiry = '';
      const runtime: IdentityRuntime = {
        ctx,
        authBehaviors: () => authBehaviors,
        externals,
        validation: new ValidationPresets(IDENTITY_PRESETS),
        tokenExpiry: () => {
          const second = Math.floor(ctx.wallClockSeconds());
          if (second !== expirySecond) {
            expirySecond = second;
            expiry = formatTokenExpiry(second + DAY, 'local');
          }
          return expiry;
        },
      };
      mountVersionRoutes(runtime);
      mountTokenRoutes(runtime);
      mountValidateRoutes(runtime);
      mountAccountRoutes(runtime);
      mountExternalApiRoutes(runtime);
      mountControlRoutes(runtime);
    },
  });
}
