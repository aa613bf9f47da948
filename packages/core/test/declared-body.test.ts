import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { createMimic, definePlugin, rawBody, respondJson, type Mimic } from '@mimic/core';

/** Answers the body text exactly as core read it. */
const echo = definePlugin({
  name: 'body-echo',
  core: '^0.1.0',
  setup(ctx) {
    ctx.router.post('/echo', (k) => respondJson(k, 200, { text: rawBody(k) }));
  },
});

/** POSTs `bytes` to /echo with a declared length (core's own reader) or chunked (koa-bodyparser); resolves with the echoed text. */
function send(port: number, bytes: Buffer, framing: 'declared' | 'chunked', pieces = 1, contentType: string | undefined = 'application/json'): Promise<{ status: number; text: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (contentType !== undefined) headers['content-type'] = contentType;
    if (framing === 'declared') headers['content-length'] = bytes.length;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/echo', headers, agent: false }, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (piece: string) => (answer += piece));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: JSON.parse(answer).text }));
    });
    req.on('error', reject);
    const size = Math.ceil(bytes.length / pieces) || 1;
    for (let at = 0; at < bytes.length; at += size) req.write(bytes.subarray(at, at + size));
    req.end();
  });
}

describe('reading a body with a declared length', () => {
  let mimic: Mimic;
  beforeAll(async () => {
    mimic = await createMimic({ plugins: [echo] });
  });
  afterAll(() => mimic.close());

  const cases: Array<[string, Buffer]> = [
    ['empty', Buffer.alloc(0)],
    ['ASCII JSON', Buffer.from('{"server": {"name": "a"}}')],
    ['multi-byte UTF-8', Buffer.from('{"name": "Zürich — 東京 😀"}')],
    ['a leading byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')])],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])],
    ['a truncated multi-byte sequence at the end', Buffer.from([0x22, 0xe6, 0x9d])],
  ];

  it.each(cases)('%s reads as koa-bodyparser reads it', async (_name, bytes) => {
    const declared = await send(mimic.port, bytes, 'declared');
    const chunked = await send(mimic.port, bytes, 'chunked');
    expect(declared.status).toBe(200);
    expect(chunked.status).toBe(200);
    expect(declared.text).toBe(chunked.text);
  });

  it.each([['no'], ['json'], ['*/*'], ['application/json, text/plain'], ['text/plain; charset=latin1']])('a body with %s content type is read, whatever its framing', async (type) => {
    const bytes = Buffer.from('{"server": {"name": "ü"}}');
    const contentType = type === 'no' ? undefined : type;
    for (const framing of ['declared', 'chunked'] as const) {
      expect(await send(mimic.port, bytes, framing, 1, contentType)).toEqual({ status: 200, text: '{"server": {"name": "ü"}}' });
    }
  });

  it('a body that arrives in many pieces is read whole, multi-byte characters split across them', async () => {
    const bytes = Buffer.from(`{"name": "${'ü東😀'.repeat(3000)}"}`);
    const declared = await send(mimic.port, bytes, 'declared', 97);
    expect(declared.text).toBe(bytes.toString('utf8'));
  });

  it('any bytes read the same through both readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (array) => {
        const bytes = Buffer.from(array);
        const [declared, chunked] = await Promise.all([send(mimic.port, bytes, 'declared'), send(mimic.port, bytes, 'chunked')]);
        expect(declared.text).toBe(chunked.text);
      }),
      { numRuns: 150 },
    );
  });

  it('a client that leaves mid-body does not stop the server', async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(mimic.port, '127.0.0.1', () => {
          socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"half":');
          setTimeout(() => socket.destroy(), 5);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    }
    const after = await send(mimic.port, Buffer.from('{"still": "here"}'), 'declared');
    expect(after).toEqual({ status: 200, text: '{"still": "here"}' });
  });
});
