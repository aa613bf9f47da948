import type { Session } from '@mimic/core';
import { TokenAnswers } from '../src/routes/token-answers';
import { passwordAuth, start, type Harness } from './helpers';

const session = (token: string) => ({ token }) as Session;

describe('TokenAnswers', () => {
  it('reuses an answer from the second request on, while expiry and catalog stay the same', () => {
    const answers = new TokenAnswers();
    const s = session('a');
    let renders = 0;
    const render = () => `{"n":${++renders}}`;
    expect(answers.body(s, 'e1', '[c]', render)).toBe('{"n":1}'); // first sighting: rendered, not kept
    expect(answers.body(s, 'e1', '[c]', render)).toBe('{"n":2}'); // seen before: rendered and kept
    const kept = answers.body(s, 'e1', '[c]', render);
    expect(Buffer.isBuffer(kept) && kept.toString()).toBe('{"n":2}');
    expect(answers.body(s, 'e1', '[c]', render)).toBe(kept);
    expect(answers.body(s, 'e2', '[c]', render)).toBe('{"n":3}'); // the next second
    expect(answers.body(s, 'e2', '[other]', render)).toBe('{"n":4}'); // the catalog changed
    expect(renders).toBe(4);
  });

  it('keeps at most `limit` sessions, dropping the oldest', () => {
    const answers = new TokenAnswers(2);
    const sessions = ['a', 'b', 'c'].map(session);
    for (const s of sessions) answers.body(s, 'e', '[c]', () => s.token);
    expect(answers.size).toBe(2);
    let renders = 0;
    answers.body(sessions[0], 'e', '[c]', () => `${++renders}`);
    answers.body(sessions[0], 'e', '[c]', () => `${++renders}`);
    expect(renders).toBe(2); // 'a' had been dropped: seen anew, then kept
  });
});

describe('repeated POST /tokens answers follow the catalog', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.mimic.close());

  it('an endpoint template enabled between two answers appears in the next one', async () => {
    const auth = async () => (await h.client.post('/identity/v2.0/tokens', { body: passwordAuth('repeater') })).json.access;
    const first = await auth();
    for (let i = 0; i < 3; i++) expect(await auth()).toEqual(first);
    const admin = { headers: { 'x-auth-token': 'any' } };
    expect((await h.client.post('/identity/v2.0/services', { body: { name: 'cloudFiles', type: 'object-store', id: 'files' }, ...admin })).status).toBe(201);
    const template = { id: 'tpl-1', region: 'ORD', type: 'object-store', name: 'cloudFiles', enabled: true, publicURL: 'https://files.example/v1' };
    expect((await h.client.post('/identity/v2.0/OS-KSCATALOG/endpointTemplates', { body: template, ...admin })).status).toBe(201);
    const after = await auth();
    expect(after.token.id).toBe(first.token.id);
    expect(after.serviceCatalog.map((entry: { name: string }) => entry.name)).toContain('cloudFiles');
    expect(first.serviceCatalog.map((entry: { name: string }) => entry.name)).not.toContain('cloudFiles');
  });
});
