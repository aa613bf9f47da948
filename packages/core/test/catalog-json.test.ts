import fc from 'fast-check';
import { Catalog, type CatalogEntry } from '@mimic/core';

/** catalog.json() is a cached serialization: it must always equal JSON.stringify(catalog.build()). */
describe('Catalog.json', () => {
  const nova = { name: 'cloudServersOpenStack', type: 'compute', implName: 'NovaApi', regions: ['ORD', 'DFW', 'IAD'], prefix: 'v2' };
  const clb = { name: 'cloudLoadBalancers', type: 'rax:load-balancer', implName: 'LoadBalancerApi', regions: ['ORD'], prefix: 'v2' };
  const base = fc.constantFrom('http://127.0.0.1:8900/', 'http://localhost/', 'http://[::1]:9000/', 'http://mimic.example:1/');

  it('equals JSON.stringify(build()) for any tenant id and base, with or without external entries', () => {
    const catalog = new Catalog();
    catalog.register('p', nova);
    catalog.register('q', clb);
    let external: CatalogEntry[] = [];
    catalog.addExternalSource((tenantId) => external.map((e) => ({ ...e, endpoints: e.endpoints.map((p) => ({ ...p, tenantId })) })));
    fc.assert(
      // A few repeated tenants exercise the remembered last tenant of each base.
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('t1', 't2')), base, fc.boolean(), (tenantId, url, withExternal) => {
        external = withExternal
          ? [{ name: 'ext', type: 'x', endpoints: [{ region: 'R', tenantId: '', publicURL: 'http://ext/"q"', internalURL: 'i' }] }]
          : [];
        expect(catalog.json(tenantId, url)).toBe(JSON.stringify(catalog.build(tenantId, url)));
      }),
      { numRuns: 500 },
    );
  });

  it('follows services registered after it was first used, and works with none', () => {
    const catalog = new Catalog();
    expect(catalog.json('t', 'http://h/')).toBe('[]');
    catalog.register('p', nova);
    expect(JSON.parse(catalog.json('t', 'http://h/'))).toHaveLength(1);
    catalog.register('q', clb);
    expect(catalog.json('t', 'http://h/')).toBe(JSON.stringify(catalog.build('t', 'http://h/')));
    expect(JSON.parse(catalog.json('t', 'http://h/'))).toHaveLength(2);
  });

  it('stays exact when a descriptor contains the text used to mark the tenant id', () => {
    const catalog = new Catalog();
    catalog.register('p', { ...nova, regions: ['ORD', '\u0000tenant\u0000'] });
    expect(catalog.json('abc', 'http://h/')).toBe(JSON.stringify(catalog.build('abc', 'http://h/')));
  });
});
