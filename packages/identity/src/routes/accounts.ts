import { formatIsoMicro, ids, respondJson, type Session } from '@mimic/core';
import { badRequest, NO_VALID_TOKEN, notFound, unauthorized } from '../model/errors';
import { headerValue, queryValue, type IdentityRuntime } from './context';

const CREDENTIALS_TYPE = 'RAX-KSKEY:apiKeyCredentials';

/** Users, the v1.1 mosso lookup, tenants and credentials (identity.md §6). */
export function mountAccountRoutes(runtime: IdentityRuntime): void {
  const { ctx } = runtime;
  // A user's apiKey is made once and kept on the session (the original made a new one on every call).
  const apiKeyOf = (session: Session) => ctx.state.session(session, 'apiKey', () => ids.hex(32));

  ctx.router.get('/identity/v2.0/users', (k) => {
    const name = queryValue(k, 'name');
    if (name === undefined) {
      respondJson(k, 400, badRequest("Query parameter 'name' is required, e.g. /identity/v2.0/users?name=alice"));
      return;
    }
    const { session } = ctx.sessions.byUsername(name);
    const now = formatIsoMicro(ctx.wallClockSeconds());
    respondJson(k, 200, {
      user: {
        'RAX-AUTH:domainId': session.tenantId,
        id: session.userId,
        enabled: true,
        username: session.username,
        email: 'thisisrandom@email.com',
        'RAX-AUTH:defaultRegion': 'ORD',
        created: now,
        updated: now,
      },
    });
  });

  ctx.router.get('/identity/v1.1/mosso/:tenantId', (k) => {
    const session = ctx.sessions.byTenant(k.params.tenantId);
    // 301 without a Location header, as the original answers.
    respondJson(k, 301, { user: { id: session.username } });
  });

  ctx.router.get('/identity/v2.0/tenants', (k) => {
    const token = headerValue(k, 'x-auth-token');
    const session = token === undefined ? undefined : ctx.sessions.existingToken(token);
    if (!session) {
      respondJson(k, 401, unauthorized(NO_VALID_TOKEN));
      return;
    }
    respondJson(k, 200, { tenants: [{ id: session.tenantId, name: session.tenantId, enabled: true }] });
  });

  ctx.router.get('/identity/v2.0/users/:userId/OS-KSADM/credentials', (k) => {
    const session = ctx.sessions.byUserId(k.params.userId);
    if (!session) {
      respondJson(k, 404, notFound(`User ${k.params.userId} not found`));
      return;
    }
    const credential = { username: session.username, apiKey: apiKeyOf(session) };
    respondJson(k, 200, { credentials: [{ [CREDENTIALS_TYPE]: credential }], credentials_links: [] });
  });

  // The credential type contains a colon, so it is matched as a parameter rather than a literal segment.
  ctx.router.get('/identity/v2.0/users/:userId/OS-KSADM/credentials/:type', (k) => {
    const { userId, type } = k.params;
    if (type !== CREDENTIALS_TYPE) {
      respondJson(k, 404, notFound(`Credential type ${type} not found; only ${CREDENTIALS_TYPE} exists`));
      return;
    }
    const session = ctx.sessions.byUserId(userId);
    if (!session) {
      respondJson(k, 404, notFound(`User ${userId} not found`));
      return;
    }
    respondJson(k, 200, { [CREDENTIALS_TYPE]: { username: session.username, apiKey: apiKeyOf(session) } });
  });
}
