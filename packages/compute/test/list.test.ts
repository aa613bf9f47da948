import { createServer, startCompute, type ComputeHarness } from './support';

describe('listing (compute.md §4)', () => {
  let h: ComputeHarness;
  let ids: string[];
  beforeEach(async () => {
    h = await startCompute();
    ids = [];
    for (const name of ['alpha', 'beta', 'alphabet', 'gamma', 'ALPHA']) {
      ids.push(await createServer(h, { name }));
      await h.tick(1);
    }
  });
  afterEach(() => h.mimic.close());

  const get = (query: string, detail = false) => h.client.get(`${h.novaUrl()}/servers${detail ? '/detail' : ''}${query}`);
  const names = (res: { json: { servers: Array<{ name: string }> } }) => res.json.servers.map((s) => s.name);

  it('lists in creation order: brief entries have exactly name, links, id', async () => {
    const res = await get('');
    expect(names(res)).toEqual(['alpha', 'beta', 'alphabet', 'gamma', 'ALPHA']);
    expect(Object.keys(res.json.servers[0]).sort()).toEqual(['id', 'links', 'name']);
    expect(res.json.servers_links).toBeUndefined();
  });

  it('detail entries are full servers', async () => {
    const res = await get('', true);
    expect(res.json.servers[0].status).toBe('ACTIVE');
    expect(res.json.servers[0].addresses).toBeDefined();
  });

  it('name is a case-sensitive substring, not a regex', async () => {
    expect(names(await get('?name=alpha'))).toEqual(['alpha', 'alphabet']);
    expect(names(await get('?name=a.p'))).toEqual([]);
    expect(names(await get('?name=PH'))).toEqual(['ALPHA']);
  });

  it('limit pages with a next link; following it gives the rest', async () => {
    const first = await get('?limit=2');
    expect(names(first)).toEqual(['alpha', 'beta']);
    expect(first.json.servers_links).toEqual([{ href: `${h.pfx()}/v2/123456/servers?limit=2&marker=${ids[1]}`, rel: 'next' }]);
    const second = await h.client.get(first.json.servers_links[0].href);
    expect(names(second)).toEqual(['alphabet', 'gamma']);
    const third = await h.client.get(second.json.servers_links[0].href);
    expect(names(third)).toEqual(['ALPHA']);
    expect(third.json.servers_links).toBeUndefined();
  });

  it('the next link keeps a name filter and the detail path', async () => {
    const res = await get('?limit=1&name=alpha', true);
    expect(res.json.servers_links[0].href).toBe(`${h.pfx()}/v2/123456/servers/detail?limit=1&marker=${ids[0]}&name=alpha`);
  });

  it('limit=0 gives no servers and no link; a marker alone gives everything after it', async () => {
    expect((await get('?limit=0')).json).toEqual({ servers: [] });
    const after = await get(`?marker=${ids[2]}`);
    expect(names(after)).toEqual(['gamma', 'ALPHA']);
    expect(after.json.servers_links).toBeUndefined();
  });

  it('the marker does not have to match the name filter', async () => {
    expect(names(await get(`?marker=${ids[1]}&name=alpha`))).toEqual(['alphabet']);
  });

  it.each(['a', '0.1', '', '1e3'])('limit=%p → 400 limit param must be an integer', async (limit) => {
    const res = await get(`?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ badRequest: { message: 'limit param must be an integer', code: 400 } });
  });

  it('a negative limit → 400 limit param must be positive; " 2 " is fine', async () => {
    expect((await get('?limit=-1')).json).toEqual({ badRequest: { message: 'limit param must be positive', code: 400 } });
    expect(names(await get('?limit=%202%20'))).toEqual(['alpha', 'beta']);
  });

  it('an unknown marker → 400, reported before an invalid limit', async () => {
    const res = await get('?marker=nope&limit=abc');
    expect(res.json).toEqual({ badRequest: { message: 'marker [nope] not found', code: 400 } });
  });

  it('unknown query parameters are ignored', async () => {
    expect(names(await get('?cache-busting=1&status=ACTIVE&flavor=2'))).toHaveLength(5);
  });

  describe('deleted servers', () => {
    beforeEach(async () => {
      await h.client.delete(`${h.novaUrl()}/servers/${ids[1]}`);
    });

    it('leave the lists but still work as a marker', async () => {
      expect(names(await get(''))).toEqual(['alpha', 'alphabet', 'gamma', 'ALPHA']);
      expect(names(await get(`?marker=${ids[1]}`))).toEqual(['alphabet', 'gamma', 'ALPHA']);
    });

    it('pagination across a deleted server neither repeats nor skips', async () => {
      const first = await get('?limit=2');
      expect(names(first)).toEqual(['alpha', 'alphabet']);
      const second = await h.client.get(first.json.servers_links[0].href);
      expect(names(second)).toEqual(['gamma', 'ALPHA']);
    });

    it('changes-since keeps servers updated at or after the time, DELETED included', async () => {
      // created at 0..4 s; the delete happened at 5 s
      const res = await get('?changes-since=1970-01-01T00:00:03Z', true);
      expect(res.json.servers.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
        ['beta', 'DELETED'],
        ['gamma', 'ACTIVE'],
        ['ALPHA', 'ACTIVE'],
      ]);
    });

    it('changes-since accepts an offset and is ignored on the brief list', async () => {
      expect((await get('?changes-since=1970-01-01T01:00:04%2B01:00', true)).json.servers).toHaveLength(2);
      expect(names(await get('?changes-since=2030-01-01T00:00:00Z'))).toHaveLength(4);
    });

    it('an unparseable changes-since → 400', async () => {
      const res = await get('?changes-since=yesterday', true);
      expect(res.status).toBe(400);
      expect(res.json.badRequest.code).toBe(400);
    });
  });
});
