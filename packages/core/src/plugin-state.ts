import { setBounded } from './bounded';
import type { Session, SessionStore } from './sessions';

/**
 * State a plugin keeps per tenant or per tenant+region. It lives on the
 * tenant's session (created on first use, core.md §4), so reset drops it.
 */
export interface PluginState {
  /** State shared by every region of a tenant (e.g. Nova's image store). */
  tenant<T>(tenantId: string, key: string, init: () => T): T;
  /** State of one tenant in one region (e.g. servers, load balancers). */
  region<T>(tenantId: string, region: string, key: string, init: () => T): T;
  /** State on an already-found session. */
  session<T>(session: Session, key: string, init: () => T): T;
}

/** Composite keys kept per key, and per region of a key (regions come from URLs: bounded). */
const KEYS_LIMIT = 256;

export function createPluginState(plugin: string, sessions: SessionStore): PluginState {
  // Composite keys are made once and reused: a concatenation made per request
  // must be flattened and hashed again for every lookup.
  const keys = new Map<string, string>();
  const regionKeys = new Map<string, Map<string, string>>();
  const keyOf = (key: string): string => {
    return keys.get(key) ?? setBounded(keys, key, [plugin, key].join('\u0000'), KEYS_LIMIT);
  };
  const regionKeyOf = (key: string, region: string): string => {
    let byRegion = regionKeys.get(key);
    if (byRegion === undefined) regionKeys.set(key, (byRegion = new Map()));
    return byRegion.get(region) ?? setBounded(byRegion, region, [plugin, key, region].join('\u0000'), KEYS_LIMIT);
  };
  const lookup = <T>(session: Session, fullKey: string, init: () => T): T => {
    let value = session.pluginState.get(fullKey) as T | undefined;
    if (value === undefined) {
      value = init();
      session.pluginState.set(fullKey, value);
    }
    return value;
  };
  return {
    session: (session, key, init) => lookup(session, keyOf(key), init),
    tenant: (tenantId, key, init) => lookup(sessions.byTenant(tenantId), keyOf(key), init),
    region: (tenantId, region, key, init) => lookup(sessions.byTenant(tenantId), regionKeyOf(key, region), init),
  };
}
