import { ids, SessionStore } from '@mimic/core';

describe('SessionStore (core.md §4)', () => {
  let now = 0;
  const store = () => new SessionStore(() => now);
  beforeEach(() => (now = 0));

  it('generates username, token, tenant and a deterministic user id', () => {
    const sessions = store();
    const { session } = sessions.byToken('tok');
    expect(session.username).toMatch(/^username_[0-9a-f-]{36}$/);
    expect(session.token).toBe('tok');
    expect(session.tenantId).toMatch(/^\d{1,15}$/);
    expect(session.userId).toMatch(/^\d+$/);
    expect(store().byUsername(session.username).session.userId).toBe(session.userId);
    expect(session.expires).toBe(86_400);
  });

  describe('by username', () => {
    it('finds the known session and reports a tenant mismatch', () => {
      const sessions = store();
      const first = sessions.byUsername('alice', '111').session;
      expect(sessions.byUsername('alice')).toEqual({ session: first, mismatch: false });
      expect(sessions.byUsername('alice', '111').mismatch).toBe(false);
      expect(sessions.byUsername('alice', '222')).toEqual({ session: first, mismatch: true });
    });

    it('lands on a known tenant session without linking the username', () => {
      const sessions = store();
      const owner = sessions.byUsername('owner', '555').session;
      const lookup = sessions.byUsername('guest', '555');
      expect(lookup.session).toBe(owner);
      expect(lookup.session.username).toBe('owner');
      // guest is still unknown: without a tenant it gets a session of its own
      expect(sessions.byUsername('guest').session).not.toBe(owner);
    });

    it('creates a session with the given tenant, or a generated one', () => {
      const sessions = store();
      expect(sessions.byUsername('bob', '777').session.tenantId).toBe('777');
      const carol = sessions.byUsername('carol').session;
      expect(carol.username).toBe('carol');
      expect(carol.tenantId).toMatch(/^\d+$/);
    });
  });

  describe('by token', () => {
    it('finds the known token and reports a tenant mismatch', () => {
      const sessions = store();
      const session = sessions.byToken('tok-1', '10').session;
      expect(sessions.byToken('tok-1', '10')).toEqual({ session, mismatch: false });
      expect(sessions.byToken('tok-1', '11')).toEqual({ session, mismatch: true });
    });

    it('lands on a known tenant session, which keeps its own token', () => {
      const sessions = store();
      const owner = sessions.byUsername('owner', '900').session;
      const found = sessions.byToken('other-token', '900').session;
      expect(found).toBe(owner);
      expect(found.token).toBe(owner.token);
      expect(sessions.existingToken('other-token')).toBeUndefined();
    });

    it('creates a session with this token and tenant', () => {
      const sessions = store();
      const session = sessions.byToken('fresh', '42').session;
      expect([session.token, session.tenantId]).toEqual(['fresh', '42']);
      expect(sessions.existingToken('fresh')).toBe(session);
    });
  });

  describe('by tenant', () => {
    it('returns the known tenant session and ignores a supplied token', () => {
      const sessions = store();
      const session = sessions.byTenant('123', 'tok-a');
      expect(sessions.byTenant('123', 'tok-b')).toBe(session);
      expect(session.token).toBe('tok-a');
      expect(sessions.existingToken('tok-b')).toBeUndefined();
    });

    it('creates a session with a generated token when none is supplied', () => {
      const session = store().byTenant('9');
      expect(session.token).toMatch(/^token_[0-9a-f-]{36}$/);
    });
  });

  it('existing token only: never creates', () => {
    const sessions = store();
    expect(sessions.existingToken('nope')).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  it('indexes sessions by user id', () => {
    const sessions = store();
    const session = sessions.byUsername('dave').session;
    expect(sessions.byUserId(session.userId)).toBe(session);
    expect(sessions.byUserId('0')).toBeUndefined();
  });

  it('finds by user id sessions made before and after the first such lookup, of every kind, until cleared', () => {
    const sessions = store();
    const before = [sessions.byUsername('erin').session, sessions.byToken('tok-1').session, sessions.byTenant('t-1')];
    expect(sessions.byUserId(before[0].userId)).toBe(before[0]);
    const after = [sessions.byUsername('frank').session, sessions.byToken('tok-2', 't-2').session, sessions.byTenant('t-3')];
    for (const session of [...before, ...after]) expect(sessions.byUserId(session.userId)).toBe(session);
    sessions.clear();
    expect(sessions.byUserId(before[0].userId)).toBeUndefined();
    expect(sessions.byUserId(after[0].userId)).toBeUndefined();
    const again = sessions.byUsername('erin').session;
    expect(sessions.byUserId(again.userId)).toBe(again);
  });

  it('never hands two sessions the same generated tenant, even when the random draw repeats', () => {
    const sessions = store();
    const draw = jest.spyOn(ids, 'tenantId').mockReturnValueOnce('111').mockReturnValueOnce('111').mockReturnValueOnce('222');
    try {
      const first = sessions.byUsername('gina').session;
      const second = sessions.byUsername('hank').session;
      expect([first.tenantId, second.tenantId]).toEqual(['111', '222']);
      expect(sessions.byTenant('111')).toBe(first);
      expect(sessions.size).toBe(2);
    } finally {
      draw.mockRestore();
    }
  });

  it('impersonation: victim session, expiry, new token index and impersonator map', () => {
    const sessions = store();
    const boss = sessions.byUsername('boss').session;
    now = 100;
    const victim = sessions.impersonate('victim', 30, boss.token, 'imp-1');
    expect(victim.username).toBe('victim');
    expect(victim.expires).toBe(130);
    expect(sessions.existingToken('imp-1')).toBe(victim);
    expect(victim.impersonators.get('imp-1')).toBe(boss);
    expect(sessions.isImpersonationToken('imp-1')).toBe(true);
    expect(sessions.isImpersonationToken(victim.token)).toBe(false);
    sessions.impersonate('victim', 10, 'unknown-token', 'imp-2');
    expect(victim.impersonators.get('imp-2')).toBeNull();
    expect(sessions.byUsername('victim').session).toBe(victim);
  });

  it('creating a session overwrites all four indexes', () => {
    const sessions = store();
    const first = sessions.byToken('shared', '1').session;
    const second = sessions.byTenant('1');
    expect(second).toBe(first);
    const other = sessions.byToken('t2', '2').session;
    expect(sessions.byTenant('2')).toBe(other);
  });

  it('clear drops everything', () => {
    const sessions = store();
    sessions.byUsername('x', '1');
    sessions.clear();
    expect(sessions.size).toBe(0);
    expect(sessions.existingTenant('1')).toBeUndefined();
  });
});
