import { request } from 'node:http';
import { Interner } from '../src/model/interner';
import { RenderCache } from '../src/routes/render-cache';
import type { Server } from '../src/model/server';
import { createServer, startCompute, type ComputeHarness } from './support';

const server = (id: string, revision = 0) => ({ id, revision }) as unknown as Server;

describe('RenderCache', () => {
  it('renders once per server revision and URL root', () => {
    const cache = new RenderCache();
    const s = server('a');
    let renders = 0;
    const render = () => ({ n: ++renders });
    expect(cache.json(s, 'http://h/x', render)).toBe('{"n":1}');
    expect(cache.json(s, 'http://h/x', render)).toBe('{"n":1}');
    expect(cache.json(s, 'http://other/x', render)).toBe('{"n":2}');
    (s as { revision: number }).revision = 1;
    expect(cache.json(s, 'http://other/x', render)).toBe('{"n":3}');
    expect(cache.size).toBe(1);
  });

  it('keeps at most `limit` renderings, dropping the oldest', () => {
    const cache = new RenderCache(3);
    const servers = ['a', 'b', 'c', 'd'].map((id) => server(id));
    let renders = 0;
    for (const s of servers) cache.json(s, 'r', () => ++renders);
    expect(cache.size).toBe(3);
    cache.json(servers[0], 'r', () => ++renders);
    expect(renders).toBe(5); // 'a' was evicted and rendered again
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('cached server details follow every change (GET after each)', () => {
  let h: ComputeHarness;
  let id: string;
  const detail = async () => (await h.client.get(`${h.novaUrl()}/servers/${id}`)).json.server;
  const detailListed = async () => (await h.client.get(`${h.novaUrl()}/servers/detail`)).json.servers.find((s: { id: string }) => s.id === id);
  const action = (body: unknown) => h.client.post(`${h.novaUrl()}/servers/${id}/action`, { body });

  beforeEach(async () => {
    h = await startCompute();
    id = await createServer(h, { metadata: { a: '1' } });
    await detail(); // cached from here on
  });
  afterEach(() => h.mimic.close());

  it('rename, metadata, resize, reboot, timed transition, rebuild, attributes and delete', async () => {
    await h.client.put(`${h.novaUrl()}/servers/${id}`, { body: { server: { name: 'renamed' } } });
    expect((await detail()).name).toBe('renamed');
    await h.client.put(`${h.novaUrl()}/servers/${id}/metadata/b`, { body: { meta: { b: '2' } } });
    expect((await detail()).metadata).toEqual({ a: '1', b: '2' });
    expect((await detailListed()).metadata).toEqual({ a: '1', b: '2' });
    await action({ resize: { flavorRef: '3' } });
    expect(await detail()).toMatchObject({ status: 'VERIFY_RESIZE', flavor: { id: '3' } });
    await action({ revertResize: null });
    expect(await detail()).toMatchObject({ status: 'ACTIVE', flavor: { id: '2' } });
    await action({ reboot: { type: 'HARD' } });
    expect((await detail()).status).toBe('HARD_REBOOT');
    await h.tick(6);
    expect((await detail()).status).toBe('ACTIVE');
    expect((await detail()).updated).toBe('1970-01-01T00:00:06.000000Z');
    await action({ rebuild: { imageRef: 'image-2' } });
    expect((await detail()).image.id).toBe('image-2');
    await h.client.post(`${h.controlUrl()}/attributes`, { body: { status: { [id]: 'ERROR' } } });
    expect((await detail()).status).toBe('ERROR');
    expect((await detailListed()).status).toBe('ERROR');
    await h.client.delete(`${h.novaUrl()}/servers/${id}`);
    expect((await h.client.get(`${h.novaUrl()}/servers/${id}`)).status).toBe(404);
  });

  it('the same server seen through another Host gets links for that host', async () => {
    // fetch will not send another Host; node:http will.
    const text = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${h.novaUrl()}/servers/${id}`, h.mimic.url);
      const req = request(url, { headers: { host: 'mimic.example:9000' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
      });
      req.on('error', reject).end();
    });
    expect(JSON.parse(text).server.links[0].href).toMatch(/^http:\/\/mimic\.example:\d+\//);
    expect((await detail()).links[0].href).not.toMatch(/mimic\.example/);
  });
});

describe('Interner', () => {
  it('answers the first copy of equal strings, and stays within its limit', () => {
    const interner = new Interner(2);
    const first = ['image-', '1'].join('');
    expect(interner.intern(['image-', '1'].join(''))).toBe(interner.intern(first));
    expect(interner.intern(null)).toBeNull();
    interner.intern('b');
    interner.intern('c');
    expect(interner.size).toBeLessThanOrEqual(2);
  });
});
