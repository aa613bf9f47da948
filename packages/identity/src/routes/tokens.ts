import { formatTokenExpiry, ids, readJson, respondFailure, respondJson, respondJsonText, type Session } from '@mimic/core';
import { TenantCriterionWithoutTenant, type AuthAttributes, type AuthBehavior } from '../behaviors';
import { tokenAnswerJson } from '../model/access';
import { parseAuth, parseImpersonation, type Credentials } from '../model/credentials';
import { flatError, INVALID_JSON, unauthorized } from '../model/errors';
import { headerValue, type IdentityRuntime, type KoaContext } from './context';
import { TokenAnswers } from './token-answers';

const NO_TENANT_FOR_CRITERION =
  "A behavior with a 'tenant_id' criterion is registered, so this request must name a tenant (tenantId or tenantName)";

/** `POST /identity/v2.0/tokens` and `POST .../RAX-AUTH/impersonation-tokens` (identity.md §2–3). */
export function mountTokenRoutes(runtime: IdentityRuntime): void {
  const { ctx } = runtime;
  const answers = new TokenAnswers();

  /** The behaviour for these attributes, or a 400 already sent (tenant_id criterion on a null tenant). */
  const selectBehavior = (k: KoaContext, attributes: AuthAttributes): AuthBehavior | undefined => {
    try {
      return runtime.authBehaviors().select(attributes);
    } catch (error) {
      if (!(error instanceof TenantCriterionWithoutTenant)) throw error;
      respondJson(k, 400, flatError(NO_TENANT_FOR_CRITERION));
      return undefined;
    }
  };

  ctx.router.post('/identity/v2.0/tokens', (k) => {
    const body = readJson(k);
    const credentials = body.ok ? parseAuth(body.value) : undefined;
    if (!credentials) {
      respondJson(k, 400, flatError(INVALID_JSON));
      return;
    }
    const behavior = selectBehavior(k, attributesOf(credentials));
    if (!behavior) return;
    if (behavior.kind === 'fail') {
      respondFailure(k, behavior);
      return;
    }
    const lookup =
      credentials.kind === 'token'
        ? ctx.sessions.byToken(credentials.token, credentials.tenant)
        : ctx.sessions.byUsername(credentials.username, credentials.tenant);
    if (lookup.mismatch) {
      respondJson(k, 401, unauthorized(mismatchMessage(credentials, lookup.session)));
      return;
    }
    const session = lookup.session;
    const expires = runtime.tokenExpiry();
    const catalog = ctx.catalog.json(session.tenantId, ctx.urls.base(k));
    const answer = answers.body(session, expires, catalog, () => tokenAnswerJson(session, expires, catalog));
    respondJsonText(k, 200, answer);
  });

  ctx.router.post('/identity/v2.0/RAX-AUTH/impersonation-tokens', (k) => {
    const body = readJson(k);
    const request = body.ok ? parseImpersonation(body.value) : undefined;
    if (!request) {
      respondJson(k, 400, flatError(INVALID_JSON));
      return;
    }
    const impersonatorToken = headerValue(k, 'x-auth-token') ?? null;
    const behavior = selectBehavior(k, { token: impersonatorToken, username: request.username });
    if (!behavior) return;
    if (behavior.kind === 'fail') {
      respondFailure(k, behavior);
      return;
    }
    const token = `impersonated_token_${ids.uuid()}`;
    // Impersonation expiry follows the virtual clock (core.md §3): the session's expires is now + N.
    const session = ctx.sessions.impersonate(request.username, request.expiresIn, impersonatorToken, token);
    respondJson(k, 200, { access: { token: { id: token, expires: formatTokenExpiry(session.expires, 'utc') } } });
  });
}

function attributesOf(credentials: Credentials): AuthAttributes {
  switch (credentials.kind) {
    case 'password':
      return { username: credentials.username, password: credentials.password, tenant_id: credentials.tenant };
    case 'apiKey':
      return { username: credentials.username, api_key: credentials.apiKey, tenant_id: credentials.tenant };
    case 'token':
      return { token: credentials.token, tenant_id: credentials.tenant };
  }
}

function mismatchMessage(credentials: Credentials, session: Session): string {
  if (credentials.kind === 'token') return `Token doesn't belong to Tenant with Id/Name: '${credentials.tenant}'`;
  return `Tenant with Name/Id: '${credentials.tenant}' is not valid for User '${session.username}' (id: '${session.userId}')`;
}
