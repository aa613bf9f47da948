import { formatIpv4, PrivateAddressPool, publicAddress } from '../src/model/addresses';

describe('PrivateAddressPool', () => {
  it('hands out every 10.180.a.b address once before moving to 10.181', () => {
    const pool = new PrivateAddressPool();
    const seen = new Set<string>();
    for (let i = 0; i < 255 * 255; i++) {
      const address = formatIpv4(pool.next());
      const [ten, block, a, b] = address.split('.').map(Number);
      expect([ten, block]).toEqual([10, 180]);
      expect(a).toBeLessThanOrEqual(254);
      expect(b).toBeLessThanOrEqual(254);
      seen.add(address);
    }
    expect(seen.size).toBe(255 * 255);
    expect(formatIpv4(pool.next())).toMatch(/^10\.181\.\d+\.\d+$/);
  });

  it('formats addresses as dotted quads; public ones are 198.101.241.c', () => {
    expect(formatIpv4(0x0ab40117)).toBe('10.180.1.23');
    expect(formatIpv4(0xc665f1fe)).toBe('198.101.241.254');
    expect(formatIpv4(0xc665f1fe | 0)).toBe('198.101.241.254');
    for (let i = 0; i < 50; i++) expect(formatIpv4(publicAddress())).toMatch(/^198\.101\.241\.(\d{1,3})$/);
  });
});
