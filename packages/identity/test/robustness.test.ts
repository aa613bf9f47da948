import fc from 'fast-check';
import { start, type Harness } from './helpers';

/** No request to identity may produce a 5xx or leave the server unable to answer. */
describe('identity never answers 5xx to client input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());

  const credentialKeys = ['passwordCredentials', 'RAX-KSKEY:apiKeyCredentials', 'token', 'tenantId', 'tenantName', 'username', 'password', 'apiKey', 'id'];
  // JSON shaped like auth bodies, with every field type mixed in.
  const authish = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...credentialKeys, 'auth', 'RAX-AUTH:impersonation', 'user', 'expire-in-seconds'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  const posts = [
    '/identity/v2.0/tokens',
    '/identity/v2.0/RAX-AUTH/impersonation-tokens',
    '/identity/v2.0/services',
    '/identity/v2.0/OS-KSCATALOG/endpointTemplates',
    '/identity/v2.0/tenants/1/OS-KSCATALOG/endpoints',
    '/mimic/v1.1/IdentityControlAPI/behaviors/auth',
  ];

  it('random JSON bodies on every POST endpoint answer < 500 with JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), fc.oneof(authish, fc.record({ auth: authish })), async (path, body) => {
        const res = await h.client.post(path, { body, headers: { 'x-auth-token': 't' } });
        expect(res.status).toBeLessThan(500);
        if (res.text !== '') expect(res.json).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('random text bodies answer < 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), fc.string(), async (path, raw) => {
        const res = await h.client.post(path, { raw, headers: { 'x-auth-token': 't', 'content-type': 'application/json' } });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('random path segments and query values answer < 500', async () => {
    const segment = fc.string({ minLength: 1 }).map((s) => encodeURIComponent(s));
    await fc.assert(
      fc.asyncProperty(segment, segment, async (a, b) => {
        for (const path of [
          `/identity/v2.0/tokens/${a}?belongsTo=${b}`,
          `/identity/v2.0/tokens/${a}/endpoints`,
          `/identity/v2.0/users?name=${a}`,
          `/identity/v1.1/mosso/${a}`,
          `/identity/v2.0/users/${a}/OS-KSADM/credentials/${b}`,
        ]) {
          const res = await h.client.get(path);
          expect(res.status).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('malformed percent-encoding, repeated query parameters and odd headers answer < 500', async () => {
    const paths = [
      '/identity/v2.0/tokens/%E0%A4%A',
      '/identity/v2.0/tokens/%/endpoints',
      '/identity/v1.1/mosso/%ZZ',
      '/identity/v2.0/users?name=a&name=b',
      '/identity/v2.0/tokens/t?belongsTo=1&belongsTo=2',
      '/identity/v2.0/users/%C0/OS-KSADM/credentials',
    ];
    for (const path of paths) expect((await h.client.get(path)).status).toBeLessThan(500);
    expect((await h.client.get('/identity/v2.0/users?name=a&name=b')).json.user.username).toBe('a');
    expect((await h.client.get('/identity/v2.0/OS-KSCATALOG/endpointTemplates', { headers: { 'x-auth-token': 't', serviceid: '' } })).status).toBe(404);
  });

  it('wrong methods answer 405 JSON and the server still answers', async () => {
    const res = await h.client.get('/identity/v2.0/tokens');
    expect(res.status).toBe(405);
    expect(res.json.badMethod.code).toBe(405);
    expect((await h.client.put('/identity/v2.0/RAX-AUTH/impersonation-tokens')).status).toBe(405);
    expect((await h.client.get('/identity/v2.0')).status).toBe(200);
  });
});
