import { getWithHost, start, type Harness } from './helpers';

describe('GET /identity/v2.0', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());

  it.each(['/identity/v2.0', '/identity/v2.0/'])('%s answers the version document with a self link on the caller host', async (path) => {
    const res = await h.client.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.json).toEqual({
      version: {
        status: 'stable',
        updated: '2014-04-17T00:00:00Z',
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v2.0+json' }],
        id: 'v2.0',
        links: [
          { href: `http://127.0.0.1:${h.mimic.port}/identity/v2.0`, rel: 'self' },
          { href: 'http://docs.openstack.org/', type: 'text/html', rel: 'describedby' },
        ],
      },
    });
  });

  it('builds the self link from the Host header', async () => {
    const res = await getWithHost(h.mimic, '/identity/v2.0', 'example.test:1234');
    expect(res.json.version.links[0].href).toBe(`http://example.test:${h.mimic.port}/identity/v2.0`);
  });
});
