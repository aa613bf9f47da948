/**
 * The identity section of `GET /mimic/v1.0/presets` (core.md §6) and the
 * canned validate-token answers those preset tokens select (identity.md §5).
 * Everything here is constant data; lookups are built per instance in setup.
 */

/** Freezes constant data all the way down, so no instance can change what another sees. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const IDENTITY_PRESETS = deepFreeze({
  maas_admin_roles: [
    'this_is_an_impersonator_token',
    'this_is_an_impersonator_token_also',
    'impersonate_watson',
    'impersonate_creator',
    'this_is_an_impersonator_token_also_2',
    'impersonate_foo_token',
  ],
  racker_token: ['this_is_a_racker_token'],
  observer_role: ['09876'],
  creator_role: ['09090'],
  admin_role: ['9999'],
  token_fail_to_auth: ['never-cache-this-and-fail-to-auth'],
  non_dedicated_observer: ['OneTwo'],
  non_dedicated_admin: ['ThreeFour'],
  non_dedicated_impersonator: ['ThreeFourImpersonator'],
  non_dedicated_racker: ['ThreeFourRacker'],
  dedicated_full_device_permission_holder: ['HybridOneTwo'],
  dedicated_account_permission_holder: ['HybridThreeFour'],
  dedicated_impersonator: ['HybridThreeFourImpersonator'],
  dedicated_racker: ['HybridOneTwoRacker'],
  dedicated_limited_device_permission_holder: ['HybridFiveSix'],
  dedicated_non_permission_holder: ['HybridSevenEight'],
  dedicated_quasi_user_impersonator: ['HybridNineZero'],
} as const);

export type IdentityPresets = typeof IDENTITY_PRESETS;

/** A role as identity writes it; description and tenantId only where the original has them. */
export interface Role {
  id: string;
  name: string;
  description?: string;
  tenantId?: string;
  serviceId?: string;
}

/** A canned validate-token answer: replaces `token.tenant` and the whole `user`, maybe adds an impersonator. */
export interface ValidationFixture {
  tenant: string;
  userId: string;
  userName: string;
  roles: readonly Role[];
  contactId?: string;
  impersonatorRoles?: readonly Role[];
}

const NON_DEDICATED = '135790';
const HYBRID = 'hybrid:123456';
const nobody: Role = { id: '1', name: 'identity:nobody', description: 'Nobody' };
const racker: Role = { id: '1', name: 'Racker' };
const serviceAdmin: Role = { id: '1', name: 'monitoring:service-admin' };

/** Fixture per preset list name; a token in that list gets that answer. */
export const VALIDATION_FIXTURES: Readonly<Partial<Record<keyof IdentityPresets, ValidationFixture>>> = deepFreeze({
  non_dedicated_observer: {
    tenant: NON_DEDICATED, userId: '12', userName: 'OneTwo',
    roles: [{ id: '1', name: 'monitoring:observer', description: 'Monitoring Observer' }],
  },
  non_dedicated_admin: {
    tenant: NON_DEDICATED, userId: '34', userName: 'ThreeFour',
    roles: [
      { id: '1', name: 'monitoring:admin', description: 'Monitoring Admin' },
      { id: '2', name: 'admin', description: 'Admin' },
    ],
  },
  non_dedicated_impersonator: {
    tenant: NON_DEDICATED, userId: '34', userName: 'ThreeFour', roles: [nobody],
    impersonatorRoles: [serviceAdmin, { id: '2', name: 'object-store:admin' }],
  },
  non_dedicated_racker: {
    tenant: NON_DEDICATED, userId: '34', userName: 'ThreeFour', roles: [nobody], impersonatorRoles: [racker],
  },
  dedicated_full_device_permission_holder: {
    tenant: HYBRID, userId: '12', userName: 'HybridOneTwo', contactId: '12',
    roles: [{ id: '1', name: 'monitoring:observer', tenantId: HYBRID }],
  },
  dedicated_account_permission_holder: {
    tenant: HYBRID, userId: '34', userName: 'HybridThreeFour', contactId: '34',
    roles: [
      { id: '1', name: 'monitoring:creator', description: 'Monitoring Creator' },
      { id: '2', name: 'creator', description: 'Creator' },
    ],
  },
  dedicated_limited_device_permission_holder: {
    tenant: HYBRID, userId: '56', userName: 'HybridFiveSix', contactId: '56',
    roles: [
      { id: '1', name: 'monitoring:observer', description: 'Monitoring Observer' },
      { id: '2', name: 'observer', description: 'Observer' },
    ],
  },
  dedicated_racker: {
    tenant: HYBRID, userId: '12', userName: 'HybridOneTwo', contactId: '12', roles: [nobody], impersonatorRoles: [racker],
  },
  dedicated_impersonator: {
    tenant: HYBRID, userId: '34', userName: 'HybridThreeFour', contactId: '34', roles: [nobody],
    impersonatorRoles: [serviceAdmin],
  },
  dedicated_non_permission_holder: {
    tenant: HYBRID, userId: '78', userName: 'HybridSevenEight', contactId: '78',
    roles: [{ id: '1', name: 'identity:user-admin', description: 'User admin' }],
  },
  dedicated_quasi_user_impersonator: {
    tenant: HYBRID, userId: '90', userName: 'HybridNineZero',
    roles: [
      { id: '1', name: 'identity:user-admin', description: 'Admin' },
      { id: '3', name: 'hybridRole', description: 'Hybrid Admin', tenantId: HYBRID },
    ],
    impersonatorRoles: [serviceAdmin],
  },
});

/** Roles of every authenticated user (identity.md §2). */
export const USER_ADMIN_ROLE: Role = deepFreeze({ id: '3', description: 'User Admin Role.', name: 'identity:user-admin' });

const OBSERVER: Role = { id: 'observer', description: 'Global Observer Role.', name: 'observer' };
const CREATOR: Role = { id: 'creator', description: 'Global Creator Role.', name: 'creator' };
const ADMIN: Role = { id: 'admin', description: 'Global Admin Role.', name: 'admin' };

/** `belongsTo` tenants that replace the user's roles, by preset list (identity.md §5 step 5). */
export const BELONGS_TO_ROLES: ReadonlyArray<[keyof IdentityPresets, readonly Role[]]> = deepFreeze([
  ['observer_role', [OBSERVER]],
  ['creator_role', [CREATOR]],
  ['admin_role', [ADMIN, OBSERVER]],
]);

/** Roles of a maas_admin_roles token's impersonator (step 3). */
export const MAAS_IMPERSONATOR_ROLES: readonly Role[] = deepFreeze([
  { id: '123', name: 'monitoring:service-admin' },
  { id: '234', name: 'object-store:admin' },
]);

/** Roles of a racker token's impersonator (step 4). */
export const RACKER_IMPERSONATOR_ROLES: readonly Role[] = deepFreeze([{ id: '9', name: 'Racker' }]);

const FEEDS_SERVICE = 'test-eabb70a0e702a4626977c331d5c4';
const CUSTOMER_SERVICE = 'test-d4614b87411e141fe8109099bc4f';

/** R6: the roles of a real impersonator (step 1). */
export const IMPERSONATOR_ROLES: readonly Role[] = deepFreeze([
  { id: '10000001', serviceId: FEEDS_SERVICE, description: 'Service admin role for cloud feeds access. Assign only to service users', name: 'cloudfeeds:service-admin' },
  { id: '10000002', serviceId: FEEDS_SERVICE, description: 'Checkmate Access role', name: 'checkmate' },
  { id: '100000003', serviceId: FEEDS_SERVICE, description: 'Service admin role for Monitoring access. Assign only to service users', name: 'monitoring:service-admin' },
  { id: '100000004', serviceId: FEEDS_SERVICE, description: 'Admin Role.', name: 'identity:admin' },
  { id: '10000005', serviceId: CUSTOMER_SERVICE, description: 'Role to access Customer service as an Admin', name: 'customer:admin' },
  { id: '10000006', serviceId: FEEDS_SERVICE, description: 'Service admin role for Cloud Backup access. Assign only to service users', name: 'cloudbackup:service-admin' },
]);

/** Copies roles so a response never shares objects with these constants. */
export function copyRoles(roles: readonly Role[]): Role[] {
  return roles.map((role) => ({ ...role }));
}
