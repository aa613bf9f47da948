import { isObject } from '@mimic/core';

/**
 * Parsing of `POST /tokens` and impersonation bodies (identity.md §2–3).
 * Nothing is ever verified; parsing only decides which kind of credential
 * the body carries and whether it is usable.
 */

export type Credentials =
  | { kind: 'password'; username: string; password: string; tenant: string | null }
  | { kind: 'apiKey'; username: string; apiKey: string; tenant: string | null }
  | { kind: 'token'; token: string; tenant: string };

/**
 * The credential of an auth body, or undefined when no kind is usable (a 400).
 * Kinds are tried in the order password, apiKey, token; the first whose key
 * is present and parses wins. A tenant that is present but not a string makes
 * every kind unusable, as any other non-string field does.
 */
export function parseAuth(body: unknown): Credentials | undefined {
  if (!isObject(body) || !isObject(body.auth)) return undefined;
  const auth = body.auth;
  // tenantName wins over tenantId when both are non-null.
  const rawTenant = auth.tenantName ?? auth.tenantId ?? null;
  if (rawTenant !== null && typeof rawTenant !== 'string') return undefined;
  const tenant: string | null = rawTenant;

  const password = auth.passwordCredentials;
  if (isObject(password) && typeof password.username === 'string' && typeof password.password === 'string') {
    return { kind: 'password', username: password.username, password: password.password, tenant };
  }
  const apiKey = auth['RAX-KSKEY:apiKeyCredentials'];
  if (isObject(apiKey) && typeof apiKey.username === 'string' && typeof apiKey.apiKey === 'string') {
    return { kind: 'apiKey', username: apiKey.username, apiKey: apiKey.apiKey, tenant };
  }
  const token = auth.token;
  if (isObject(token) && typeof token.id === 'string' && tenant !== null) {
    return { kind: 'token', token: token.id, tenant };
  }
  return undefined;
}

export interface ImpersonationRequest {
  username: string;
  expiresIn: number;
}

const DEFAULT_IMPERSONATION_SECONDS = 86_400;
/** Keeps the expiry a real date (about 317 years either way). */
const MAX_IMPERSONATION_SECONDS = 1e10;

/**
 * `{"RAX-AUTH:impersonation": {"expire-in-seconds": N, "user": {"username": U}}}`.
 * N may be a number or a string of digits (the original took `int(N)`); a
 * fraction is truncated. Undefined when the body does not have this shape.
 */
export function parseImpersonation(body: unknown): ImpersonationRequest | undefined {
  if (!isObject(body)) return undefined;
  const request = body['RAX-AUTH:impersonation'];
  if (!isObject(request) || !isObject(request.user) || typeof request.user.username !== 'string') return undefined;
  const raw = request['expire-in-seconds'];
  let expiresIn: number;
  if (raw === undefined || raw === null) expiresIn = DEFAULT_IMPERSONATION_SECONDS;
  else if (typeof raw === 'number') expiresIn = Math.trunc(raw);
  else if (typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw)) expiresIn = Number(raw);
  else return undefined;
  if (!Number.isFinite(expiresIn) || Math.abs(expiresIn) > MAX_IMPERSONATION_SECONDS) return undefined;
  return { username: request.user.username, expiresIn };
}
