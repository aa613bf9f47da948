import { ids } from './ids';

/**
 * One session = username + token + tenant (core.md §4). All service state of
 * every plugin hangs off the session, keyed by plugin, so dropping sessions
 * drops that state too.
 */
export interface Session {
  readonly username: string;
  readonly token: string;
  readonly tenantId: string;
  readonly userId: string;
  /** Virtual clock seconds; impersonation moves it. */
  expires: number;
  /** impersonation token -> impersonator's session (or null when the impersonator token was unknown). */
  readonly impersonators: Map<string, Session | null>;
  /** Plugin-owned state; use the plugin context's `state` helpers rather than this map. */
  readonly pluginState: Map<string, unknown>;
}

/** The result of a lookup that may find a session belonging to another tenant. */
export interface SessionLookup {
  session: Session;
  /** The request named a tenant other than the found session's tenant (a 401 in identity). */
  mismatch: boolean;
}

const SESSION_LIFETIME = 86_400;

/** The four indexes of core.md §4 and every lookup rule in its table. */
export class SessionStore {
  private readonly byUsernameIndex = new Map<string, string>();
  private readonly byTokenIndex = new Map<string, Session>();
  private readonly byTenantIndex = new Map<string, Session>();
  /**
   * Made on the first lookup by user id, then kept up to date: most runs never
   * look a user up by id, and each index costs every new session an insert
   * into a map that grows with traffic. Every session is in byTenantIndex
   * exactly once, in creation order, so the late index is the eager one.
   */
  private byUserIdIndex: Map<string, Session> | undefined;

  constructor(private readonly now: () => number) {}

  /** Password / apiKey auth and `GET /users?name=`. */
  byUsername(username: string, tenantId?: string | null): SessionLookup {
    const token = this.byUsernameIndex.get(username);
    const known = token === undefined ? undefined : this.byTokenIndex.get(token);
    if (known) return { session: known, mismatch: isMismatch(known, tenantId) };
    if (tenantId != null) {
      const tenantSession = this.byTenantIndex.get(tenantId);
      if (tenantSession) return { session: tenantSession, mismatch: false };
    }
    return { session: this.create({ username, tenantId: tenantId ?? undefined }), mismatch: false };
  }

  /** Token auth, validate without belongsTo, `GET /tokens/<t>/endpoints`. */
  byToken(token: string, tenantId?: string | null): SessionLookup {
    const known = this.byTokenIndex.get(token);
    if (known) return { session: known, mismatch: isMismatch(known, tenantId) };
    if (tenantId != null) {
      const tenantSession = this.byTenantIndex.get(tenantId);
      if (tenantSession) return { session: tenantSession, mismatch: false };
    }
    return { session: this.create({ token, tenantId: tenantId ?? undefined }), mismatch: false };
  }

  /** Every service URL, `GET /v1.1/mosso/<t>`, validate with belongsTo. A supplied token is ignored for known tenants. */
  byTenant(tenantId: string, token?: string | null): Session {
    return this.byTenantIndex.get(tenantId) ?? this.create({ tenantId, token: token ?? undefined });
  }

  /** `GET /v2.0/tenants`: never creates. */
  existingToken(token: string): Session | undefined {
    return this.byTokenIndex.get(token);
  }

  byUserId(userId: string): Session | undefined {
    if (this.byUserIdIndex === undefined) {
      this.byUserIdIndex = new Map();
      for (const session of this.byTenantIndex.values()) this.byUserIdIndex.set(session.userId, session);
    }
    return this.byUserIdIndex.get(userId);
  }

  /** Tenant's session if it exists, without creating one. */
  existingTenant(tenantId: string): Session | undefined {
    return this.byTenantIndex.get(tenantId);
  }

  /**
   * Impersonation: the victim's session (created if needed) gets
   * `expires = now + seconds`, and `newToken` resolves to it from now on.
   */
  impersonate(username: string, seconds: number, impersonatorToken: string | null | undefined, newToken: string): Session {
    const { session } = this.byUsername(username);
    session.expires = this.now() + seconds;
    this.byTokenIndex.set(newToken, session);
    const impersonator = impersonatorToken == null ? undefined : this.byTokenIndex.get(impersonatorToken);
    session.impersonators.set(newToken, impersonator ?? null);
    return session;
  }

  /** True when `token` is an impersonation token of its session. */
  isImpersonationToken(token: string): boolean {
    const session = this.byTokenIndex.get(token);
    return session !== undefined && session.impersonators.has(token);
  }

  get size(): number {
    return this.byTenantIndex.size;
  }

  /** Drops every session (and with them all plugin state). */
  clear(): void {
    this.byUsernameIndex.clear();
    this.byTokenIndex.clear();
    this.byUserIdIndex = undefined;
    this.byTenantIndex.clear();
  }

  private create(given: { username?: string; token?: string; tenantId?: string }): Session {
    // join() makes flat strings: a long template literal is a rope that keeps a second copy once hashed.
    const username = given.username ?? ['username_', ids.uuid()].join('');
    const session = new StoredSession(
      username,
      given.token ?? ['token_', ids.uuid()].join(''),
      given.tenantId ?? this.newTenantId(),
      ids.userId(username),
      this.now() + SESSION_LIFETIME,
    );
    // Creating a session writes all four indexes (user id's once it exists), overwriting what was there.
    this.byUsernameIndex.set(session.username, session.token);
    this.byTokenIndex.set(session.token, session);
    this.byUserIdIndex?.set(session.userId, session);
    this.byTenantIndex.set(session.tenantId, session);
    return session;
  }

  /** A generated tenant id no session has (a clash would silently merge two tenants' state). */
  private newTenantId(): string {
    let tenantId: string;
    do tenantId = ids.tenantId();
    while (this.byTenantIndex.has(tenantId));
    return tenantId;
  }
}

/** A session whose two maps exist only once used: most sessions never impersonate, many never hold plugin state. */
class StoredSession implements Session {
  private impersonatorMap?: Map<string, Session | null>;
  private stateMap?: Map<string, unknown>;

  constructor(
    readonly username: string,
    readonly token: string,
    readonly tenantId: string,
    readonly userId: string,
    public expires: number,
  ) {}

  get impersonators(): Map<string, Session | null> {
    return (this.impersonatorMap ??= new Map());
  }

  get pluginState(): Map<string, unknown> {
    return (this.stateMap ??= new Map());
  }
}

function isMismatch(session: Session, tenantId: string | null | undefined): boolean {
  return tenantId != null && tenantId !== session.tenantId;
}
