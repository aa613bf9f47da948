import type { BehaviorRegistry, PluginContext, ServiceGuard } from '@mimic/core';
import type { AuthAttributes, AuthBehavior } from '../behaviors';
import type { ExternalApis } from '../model/external-apis';
import type { ValidationPresets } from '../model/validation';

/** A koa request context, named through core's types so identity imports nothing but core. */
export type KoaContext = Parameters<ServiceGuard>[0];

/** What identity's route modules share, built once per Mimic instance in setup. */
export interface IdentityRuntime {
  readonly ctx: PluginContext;
  /** The global auth behaviour registry (replaced on reset). */
  authBehaviors(): BehaviorRegistry<AuthAttributes, AuthBehavior>;
  readonly externals: ExternalApis;
  readonly validation: ValidationPresets;
  /** `expires` of `/tokens` and validate: local wall clock + 1 day. */
  tokenExpiry(): string;
}

/** First value of a query parameter (`?a=1&a=2` gives "1"), or undefined. */
export function queryValue(k: KoaContext, name: string): string | undefined {
  const value = k.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A header's value when present (even empty), else undefined. */
export function headerValue(k: KoaContext, name: string): string | undefined {
  const value = k.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
