import fc from 'fast-check';
import type { Session } from '@mimic/core';
import { accessFor, tokenAnswerJson } from '../src/model/access';

const session = (username: string, token: string, tenantId: string, userId: string): Session =>
  ({ username, token, tenantId, userId, expires: 0, impersonators: new Map(), pluginState: new Map() }) as Session;

describe('tokenAnswerJson', () => {
  it('is JSON.stringify of the access document with the catalog last, for any session values', () => {
    const catalog = fc.constantFrom('[]', '[{"name":"cloudServersOpenStack","type":"compute","endpoints":[]}]');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string(), fc.string(), fc.string(), catalog, (username, token, tenantId, userId, expires, catalogJson) => {
        const s = session(username, token, tenantId, userId);
        const expected = JSON.stringify({ access: { ...accessFor(s, expires), serviceCatalog: JSON.parse(catalogJson) } });
        expect(tokenAnswerJson(s, expires, catalogJson)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
