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

export function createPluginState(plugin: string, sessions: SessionStore): PluginState {
  const onSession = <T>(session: Session, key: string, init: () => T): T => {
    const fullKey = `${plugin}\u0000${key}`;
    let value = session.pluginState.get(fullKey) as T | undefined;
    if (value === undefined) {
      value = init();
      session.pluginState.set(fullKey, value);
    }
    return value;
  };
  return {
    session: onSession,
    tenant: (tenantId, key, init) => onSession(sessions.byTenant(tenantId), key, init),
    region: (tenantId, region, key, init) => onSession(sessions.byTenant(tenantId), `${key}\u0000${region}`, init),
  };
}
