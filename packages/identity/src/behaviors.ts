import { BehaviorError, regexCriterion, startAnchoredRegex, type BehaviorEvent } from '@mimic/core';

/**
 * The identity `auth` event (core.md §7, identity.md §7): one global
 * registry for `/tokens` and impersonation, criteria `username` and
 * `tenant_id`, behaviour `fail` (plus core's `sequence`).
 */

/**
 * What a criterion sees. An attribute that is absent means the event lacks it
 * (token auth has no username, impersonation no tenant_id): criteria on it
 * never match. `tenant_id: null` is an auth request that named no tenant.
 */
export interface AuthAttributes {
  username?: string;
  password?: string;
  api_key?: string;
  token?: string | null;
  tenant_id?: string | null;
}

export type AuthBehavior =
  | { kind: 'default' }
  | { kind: 'fail'; code: number; message: string; type: string };

export const DEFAULT_FAIL_MESSAGE = 'Unable to authenticate user with credentials provided.';

/**
 * A `tenant_id` criterion met a request without a tenant. The original
 * crashed (500); the issue asks for a 400 in the flat shape of `/tokens`.
 */
export class TenantCriterionWithoutTenant extends Error {
  override name = 'TenantCriterionWithoutTenant';
}

function failBehavior(parameters: Record<string, unknown>): AuthBehavior {
  const { code = 401, message = DEFAULT_FAIL_MESSAGE, type = 'unauthorized' } = parameters;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) {
    throw new BehaviorError("'code' must be an HTTP status code (an integer from 200 to 599)");
  }
  if (typeof message !== 'string') throw new BehaviorError("'message' must be a string");
  if (typeof type !== 'string' || type === '') throw new BehaviorError("'type' must be a non-empty string");
  return { kind: 'fail', code, message, type };
}

function tenantCriterion(value: unknown): (attributes: AuthAttributes) => boolean {
  if (typeof value !== 'string') throw new BehaviorError('criterion value must be a string (a regular expression)');
  const regex = startAnchoredRegex(value);
  return (attributes) => {
    const tenant = attributes.tenant_id;
    if (tenant === undefined) return false;
    if (tenant === null) throw new TenantCriterionWithoutTenant();
    return regex.test(tenant);
  };
}

export const authEvent: BehaviorEvent<AuthAttributes, AuthBehavior> = {
  name: 'auth',
  defaultBehavior: { kind: 'default' },
  behaviors: { fail: failBehavior },
  criteria: {
    username: regexCriterion<AuthAttributes>((attributes) => attributes.username),
    tenant_id: tenantCriterion,
  },
};
