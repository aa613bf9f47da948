import { respondJson } from '@mimic/core';
import { accessFor } from '../model/access';
import { identityError } from '../model/errors';
import { queryValue, type IdentityRuntime } from './context';

/** `GET /identity/v2.0/tokens/<token>` (validate) and `.../endpoints` (identity.md §4–5). */
export function mountValidateRoutes(runtime: IdentityRuntime): void {
  const { ctx } = runtime;

  ctx.router.get('/identity/v2.0/tokens/:token', (k) => {
    const token = k.params.token;
    const belongsTo = queryValue(k, 'belongsTo');
    // Never 404: an unknown token (or tenant) gets a session.
    const session = belongsTo === undefined ? ctx.sessions.byToken(token).session : ctx.sessions.byTenant(belongsTo, token);
    // An impersonation token keeps its own id and names who asked for it.
    const owner = ctx.sessions.existingToken(token);
    const impersonation = owner !== undefined && owner.impersonators.has(token);
    if (runtime.validation.failsToAuth(token)) {
      respondJson(k, 401, identityError(401, 'itemNotFound', 'Invalid auth token'));
      return;
    }
    const access = accessFor(session, runtime.tokenExpiry(), impersonation ? token : session.token);
    runtime.validation.decorate(access, token, belongsTo, impersonation ? owner.impersonators.get(token) : undefined);
    respondJson(k, 200, { access });
  });

  ctx.router.get('/identity/v2.0/tokens/:token/endpoints', (k) => {
    const { session } = ctx.sessions.byToken(k.params.token);
    respondJson(k, 200, { endpoints: ctx.catalog.endpoints(session.tenantId, ctx.urls.base(k)) });
  });
}
