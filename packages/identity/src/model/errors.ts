/**
 * Identity's two error shapes (identity.md, top): the flat one for bodies
 * of `/tokens` and impersonation, the wrapped one everywhere else. Identity
 * says `conflict` for 409, where core's default kind would be Nova's.
 */

export const INVALID_JSON = 'Invalid JSON request body';
export const NO_VALID_TOKEN = "No valid token provided. Please use the 'X-Auth-Token' header with a valid token.";

export type IdentityErrorKind = 'badRequest' | 'unauthorized' | 'itemNotFound' | 'conflict';

/** `{"message", "code"}`: the shape of `/tokens` and impersonation body errors. */
export function flatError(message: string, code = 400): { message: string; code: number } {
  return { message, code };
}

/** `{"<kind>": {"message", "code"}}`. */
export function identityError(code: number, kind: IdentityErrorKind, message: string): Record<string, { message: string; code: number }> {
  return { [kind]: { message, code } };
}

export const badRequest = (message: string) => identityError(400, 'badRequest', message);
export const unauthorized = (message: string) => identityError(401, 'unauthorized', message);
export const notFound = (message: string) => identityError(404, 'itemNotFound', message);
export const conflict = (message: string) => identityError(409, 'conflict', message);
