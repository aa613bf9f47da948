import { HttpError, type ServiceGuard, type SessionStore } from '@mimic/core';
import { NO_VALID_TOKEN, unauthorized } from '../model/errors';
import { headerValue } from './context';


/**
 * Strict mode (opt-in): a service request naming a tenant needs an
 * `X-Auth-Token` whose session is that tenant's. Requests without a tenant
 * segment (version documents) pass. Off by default, as in the original,
 * where Nova and CLB never look at the token.
 */
export function strictAuthGuard(sessions: SessionStore): ServiceGuard {
  return (k, target) => {
    if (target.tenantId === undefined) return;
    const token = headerValue(k, 'x-auth-token');
    const session = token === undefined ? undefined : sessions.existingToken(token);
    if (!session) throw refusal(NO_VALID_TOKEN);
    if (session.tenantId !== target.tenantId) {
      throw refusal(`Token doesn't belong to Tenant with Id/Name: '${target.tenantId}'`);
    }
  };
}

function refusal(message: string): HttpError {
  return new HttpError(401, message, { body: unauthorized(message) });
}
