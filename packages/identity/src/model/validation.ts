import type { Session } from '@mimic/core';
import { impersonator, type Access } from './access';
import {
  BELONGS_TO_ROLES,
  copyRoles,
  IMPERSONATOR_ROLES,
  MAAS_IMPERSONATOR_ROLES,
  RACKER_IMPERSONATOR_ROLES,
  VALIDATION_FIXTURES,
  type IdentityPresets,
  type Role,
  type ValidationFixture,
} from './presets';

/**
 * The preset-driven parts of token validation (identity.md §5, steps 1–6),
 * with every preset list turned into a Set or Map once per instance.
 */
export class ValidationPresets {
  private readonly failToAuth: ReadonlySet<string>;
  private readonly maasAdmin: ReadonlySet<string>;
  private readonly racker: ReadonlySet<string>;
  private readonly rolesByTenant = new Map<string, readonly Role[]>();
  private readonly fixtures = new Map<string, ValidationFixture>();

  constructor(presets: IdentityPresets) {
    this.failToAuth = new Set(presets.token_fail_to_auth);
    this.maasAdmin = new Set(presets.maas_admin_roles);
    this.racker = new Set(presets.racker_token);
    for (const [list, roles] of BELONGS_TO_ROLES) for (const tenant of presets[list]) this.rolesByTenant.set(tenant, roles);
    for (const [list, fixture] of Object.entries(VALIDATION_FIXTURES) as Array<[keyof IdentityPresets, ValidationFixture]>) {
      for (const token of presets[list]) this.fixtures.set(token, fixture);
    }
  }

  /** The fail-to-auth preset token: validation answers 401 (after the session exists). */
  failsToAuth(token: string): boolean {
    return this.failToAuth.has(token);
  }

  /**
   * Applies steps 1 and 3–6 to a fresh `access` (mutated in place).
   * `realImpersonator` is the session that asked for this impersonation token, if known.
   */
  decorate(access: Access, token: string, belongsTo: string | undefined, realImpersonator: Session | null | undefined): void {
    if (realImpersonator) {
      access['RAX-AUTH:impersonator'] = impersonator(realImpersonator.userId, realImpersonator.username, IMPERSONATOR_ROLES);
    }
    if (this.maasAdmin.has(token)) access['RAX-AUTH:impersonator'] = impersonator(access.user.id, access.user.name, MAAS_IMPERSONATOR_ROLES);
    if (this.racker.has(token)) access['RAX-AUTH:impersonator'] = impersonator(access.user.id, access.user.name, RACKER_IMPERSONATOR_ROLES);
    const roles = belongsTo === undefined ? undefined : this.rolesByTenant.get(belongsTo);
    if (roles) access.user.roles = copyRoles(roles);
    const fixture = this.fixtures.get(token);
    if (fixture) {
      access.token.tenant = { id: fixture.tenant, name: fixture.tenant };
      access.user = { id: fixture.userId, name: fixture.userName, roles: copyRoles(fixture.roles) };
      if (fixture.contactId !== undefined) access.user['RAX-AUTH:contactId'] = fixture.contactId;
      if (fixture.impersonatorRoles) {
        access['RAX-AUTH:impersonator'] = impersonator(fixture.userId, fixture.userName, fixture.impersonatorRoles);
      }
    }
  }
}
