import { jsonQuote, type CatalogEntry, type Session } from '@mimic/core';
import { copyRoles, USER_ADMIN_ROLE, type Role } from './presets';

/** The `access` document of `/tokens` and validate (identity.md §2, §5). */

export interface AccessToken {
  id: string;
  expires: string;
  tenant: { id: string; name: string };
  'RAX-AUTH:authenticatedBy': string[];
}

export interface AccessUser {
  'RAX-AUTH:defaultRegion'?: string;
  id: string;
  name: string;
  roles: Role[];
  'RAX-AUTH:contactId'?: string;
}

export interface Impersonator {
  id: string;
  name: string;
  roles: Role[];
}

export interface Access {
  token: AccessToken;
  user: AccessUser;
  serviceCatalog?: CatalogEntry[];
  'RAX-AUTH:impersonator'?: Impersonator;
}

/** Token, tenant and user of a session; `tokenId` differs from the session's for impersonation tokens. */
export function accessFor(session: Session, expires: string, tokenId: string = session.token): Access {
  return {
    token: {
      id: tokenId,
      expires,
      tenant: { id: session.tenantId, name: session.tenantId },
      'RAX-AUTH:authenticatedBy': ['PASSWORD'],
    },
    user: {
      'RAX-AUTH:defaultRegion': 'DFW',
      id: session.userId,
      name: session.username,
      roles: [{ ...USER_ADMIN_ROLE }],
    },
  };
}

export function impersonator(id: string, name: string, roles: readonly Role[]): Impersonator {
  return { id, name, roles: copyRoles(roles) };
}

const USER_ADMIN_ROLES_JSON = JSON.stringify([USER_ADMIN_ROLE]);

/**
 * `JSON.stringify({access: {...accessFor(session, expires), serviceCatalog}})`
 * for the `POST /tokens` answer, written as text around the catalog JSON
 * core keeps serialized: every new user's first authentication builds it.
 */
export function tokenAnswerJson(session: Session, expires: string, catalogJson: string): string {
  const tenant = jsonQuote(session.tenantId);
  return (
    `{"access":{"token":{"id":${jsonQuote(session.token)},"expires":${jsonQuote(expires)},` +
    `"tenant":{"id":${tenant},"name":${tenant}},"RAX-AUTH:authenticatedBy":["PASSWORD"]},` +
    `"user":{"RAX-AUTH:defaultRegion":"DFW","id":${jsonQuote(session.userId)},"name":${jsonQuote(session.username)},` +
    `"roles":${USER_ADMIN_ROLES_JSON}},"serviceCatalog":${catalogJson}}}`
  );
}
