import { BehaviorError, BehaviorRegistry, regexCriterion, startAnchoredRegex, type BehaviorEvent } from '@mimic/core';

type Attrs = { name?: string | null; tenant?: string };
type Outcome = string;

const event: BehaviorEvent<Attrs, Outcome> = {
  name: 'creation',
  defaultBehavior: 'default',
  behaviors: {
    fail: (p) => {
      if (typeof p.code !== 'number') throw new BehaviorError('fail needs a numeric code');
      return `fail:${p.code}`;
    },
    slow: () => 'slow',
  },
  criteria: {
    name: regexCriterion((a) => a.name),
    tenant: regexCriterion((a) => a.tenant),
  },
};

describe('BehaviorRegistry (core.md §7)', () => {
  it('answers the default when nothing is registered or nothing matches', () => {
    const registry = new BehaviorRegistry(event);
    expect(registry.select({ name: 'x' })).toBe('default');
    registry.register({ name: 'slow', parameters: {}, criteria: [{ name: 'web' }] });
    expect(registry.select({ name: 'db' })).toBe('default');
  });

  it('anchors regex criteria at the start only, like re.match', () => {
    const registry = new BehaviorRegistry(event);
    registry.register({ name: 'slow', parameters: {}, criteria: [{ name: 'fail' }] });
    expect(registry.select({ name: 'failme' })).toBe('slow');
    expect(registry.select({ name: 'nofail' })).toBe('default');
    expect(startAnchoredRegex('a.c').test('abcd')).toBe(true);
    expect(startAnchoredRegex('a|b').test('xb')).toBe(false);
  });

  it('ANDs criteria across objects and keys; [] matches everything', () => {
    const registry = new BehaviorRegistry(event);
    registry.register({ name: 'slow', parameters: {}, criteria: [{ name: 'web' }, { tenant: '12' }] });
    expect(registry.select({ name: 'web1', tenant: '99' })).toBe('default');
    expect(registry.select({ name: 'web1', tenant: '123' })).toBe('slow');
    const all = new BehaviorRegistry(event);
    all.register({ name: 'slow', parameters: {}, criteria: [] });
    expect(all.select({})).toBe('slow');
  });

  it('a criterion on a missing or null attribute fails', () => {
    const registry = new BehaviorRegistry(event);
    registry.register({ name: 'slow', parameters: {}, criteria: [{ name: '.*' }] });
    expect(registry.select({})).toBe('default');
    expect(registry.select({ name: null })).toBe('default');
  });

  it('the earliest registered match wins', () => {
    const registry = new BehaviorRegistry(event);
    registry.register({ name: 'fail', parameters: { code: 1 }, criteria: [{ name: 'a' }] });
    registry.register({ name: 'fail', parameters: { code: 2 }, criteria: [] });
    expect(registry.select({ name: 'abc' })).toBe('fail:1');
    expect(registry.select({ name: 'zzz' })).toBe('fail:2');
  });

  it('sequence runs the next item on each match and wraps round', () => {
    const registry = new BehaviorRegistry(event);
    registry.register({
      name: 'sequence',
      parameters: { behaviors: [{ name: 'fail', parameters: { code: 7 } }, { name: 'default' }, { name: 'slow', parameters: {} }] },
      criteria: [],
    });
    expect([1, 2, 3, 4, 5].map(() => registry.select({}))).toEqual(['fail:7', 'default', 'slow', 'fail:7', 'default']);
  });

  it('remove drops a registration; unknown ids answer false', () => {
    const registry = new BehaviorRegistry(event);
    const id = registry.register({ name: 'slow', parameters: {}, criteria: [] });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(registry.remove('nope')).toBe(false);
    expect(registry.remove(id)).toBe(true);
    expect(registry.select({})).toBe('default');
  });

  it.each([
    ['not an object', []],
    ['missing name', { parameters: {}, criteria: [] }],
    ['missing parameters', { name: 'slow', criteria: [] }],
    ['missing criteria', { name: 'slow', parameters: {} }],
    ['unknown behaviour', { name: 'explode', parameters: {}, criteria: [] }],
    ['unknown criterion', { name: 'slow', parameters: {}, criteria: [{ colour: 'red' }] }],
    ['criterion not a string', { name: 'slow', parameters: {}, criteria: [{ name: 5 }] }],
    ['invalid regex', { name: 'slow', parameters: {}, criteria: [{ name: '(' }] }],
    ['factory rejects parameters', { name: 'fail', parameters: {}, criteria: [] }],
    ['sequence without behaviours', { name: 'sequence', parameters: {}, criteria: [] }],
    ['sequence item without parameters', { name: 'sequence', parameters: { behaviors: [{ name: 'slow' }] }, criteria: [] }],
    ['__proto__ as a behaviour name', { name: '__proto__', parameters: {}, criteria: [] }],
  ])('rejects %s with a BehaviorError', (_label, body) => {
    const registry = new BehaviorRegistry(event);
    expect(() => registry.register(body)).toThrow(BehaviorError);
    expect(registry.size).toBe(0);
  });
});
