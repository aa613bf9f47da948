import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { BODY_LIMIT_BYTES, createMimic, testClient, type Mimic } from '@mimic/core';
import { openSocket, parseResponse, rawUpload, whenClosed } from './support/raw-http';

const MiB = 1024 * 1024;

/**
 * Sends `size` bytes with node:http's own client and resolves with its answer
 * or its error. The client stops uploading once it has a complete answer, so
 * "done" is the end of the response.
 */
function httpUpload(port: number, size: number, chunked: boolean, keepAlive: boolean): Promise<{ status?: number; body: string; error?: string }> {
  const agent = keepAlive ? new Agent({ keepAlive: true }) : false;
  return new Promise<{ status?: number; body: string; error?: string }>((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = size;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/mimic/v1.1/tick', headers, agent });
    let status: number | undefined;
    let body = '';
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status, body, error: error.code ?? error.message }));
    req.on('response', (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (piece: string) => (body += piece));
      // Give a reset racing the answer the chance to surface as an error first.
      res.on('end', () => setTimeout(() => resolve({ status, body }), 50));
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let left = size;
    const pump = () => {
      while (left > 0 && !req.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  }).finally(() => {
    if (agent) agent.destroy();
  });
}

describe('request body limit', () => {
  let mimic: Mimic;
  beforeAll(async () => {
    mimic = await createMimic({ plugins: [] });
  });
  afterAll(() => mimic.close());

  for (const chunked of [false, true]) {
    for (const mib of [8, 12]) {
      const framing = chunked ? 'chunked' : 'declared-length';
      it(`a ${framing} ${mib} MiB upload gets the whole 413 JSON, no reset, and the connection stays usable`, async () => {
        const result = await rawUpload({ port: mimic.port, path: '/mimic/v1.1/tick', size: mib * MiB, chunked, followUp: true });
        expect(result.error).toBeUndefined();
        expect(result.bytesSent).toBe(mib * MiB);
        expect(result.complete).toBe(true);
        expect(result.status).toBe(413);
        expect(result.headers['content-type']).toMatch(/application\/json/);
        expect(JSON.parse(result.body)).toEqual({ overLimit: { code: 413, message: expect.stringContaining('1 MiB') } });
        // The same keep-alive connection then serves the next request.
        expect(result.followUp).toMatchObject({ status: 200, complete: true });
        expect((await testClient(mimic).get('/mimic/v1.0/health')).status).toBe(200);
      });

      for (const keepAlive of [false, true]) {
        it(`a ${framing} ${mib} MiB upload through node:http's client (${keepAlive ? 'keep-alive' : 'Connection: close'}) gets the 413 without EPIPE/ECONNRESET`, async () => {
          const result = await httpUpload(mimic.port, mib * MiB, chunked, keepAlive);
          expect(result.error).toBeUndefined();
          expect(result.status).toBe(413);
          expect(JSON.parse(result.body).overLimit.code).toBe(413);
          expect((await testClient(mimic).get('/')).status).toBe(200);
        });
      }
    }

    it(`a ${chunked ? 'chunked' : 'declared-length'} 12 MiB upload with "Connection: close" gets the 413, then the server closes only after the upload`, async () => {
      const result = await rawUpload({ port: mimic.port, path: '/mimic/v1.1/tick', size: 12 * MiB, chunked, headers: { Connection: 'close' } });
      expect(result.error).toBeUndefined();
      expect(result.bytesSent).toBe(12 * MiB);
      expect(result.status).toBe(413);
      expect(result.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(result.body).overLimit.code).toBe(413);
    });

    it(`a ${chunked ? 'chunked' : 'declared-length'} upload is answered before it ends: the body is never buffered whole`, async () => {
      // The client stops after 2 MiB and waits for the answer: a server that buffered 12 MiB first would never answer.
      const result = await rawUpload({ port: mimic.port, path: '/mimic/v1.1/tick', size: 12 * MiB, chunked, pauseAfter: 2 * MiB });
      expect(result.answeredAfter).toBeDefined();
      expect(result.answeredAfter!).toBeLessThanOrEqual(2 * MiB);
      expect(result.status).toBe(413);
      expect(result.error).toBeUndefined();
      expect(result.bytesSent).toBe(12 * MiB);
    });
  }

  it('a body just under the limit is still read (declared and chunked)', async () => {
    const filler = 'x'.repeat(BODY_LIMIT_BYTES - 100);
    const body = JSON.stringify({ amount: 0, filler });
    const res = await testClient(mimic).post('/mimic/v1.1/tick', { raw: body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    const chunked = await rawUpload({ port: mimic.port, path: '/mimic/v1.0/reset', size: BODY_LIMIT_BYTES - 1, chunked: true });
    // 1 MiB - 1 of "xxx…" is read and rejected as not JSON, which proves it was read, not cut off.
    expect(chunked.status).toBe(400);
  });
});

describe('slow and idle clients', () => {
  let mimic: Mimic;
  const timeouts = { headers: 300, request: 600, keepAlive: 300, checkInterval: 50 };
  beforeAll(async () => {
    mimic = await createMimic({ plugins: [], timeouts });
  });
  afterAll(() => mimic.close());

  it('a client that trickles its headers forever is cut off with a 408 JSON', async () => {
    const socket = await openSocket(mimic.port);
    const closed = whenClosed(socket);
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: a\r\n'), 40);
    try {
      const answer = parseResponse(Buffer.from(await closed));
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body).badRequest.code).toBe(408);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a client that never finishes its body is cut off with a 408 JSON', async () => {
    const socket = await openSocket(mimic.port);
    const closed = whenClosed(socket);
    socket.write('POST /mimic/v1.1/tick HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"amount"');
    const trickle = setInterval(() => socket.writable && socket.write(' '), 40);
    try {
      const answer = parseResponse(Buffer.from(await closed));
      expect(answer.status).toBe(408);
      expect(answer.headers['content-type']).toMatch(/application\/json/);
    } finally {
      clearInterval(trickle);
    }
    expect((await testClient(mimic).get('/mimic/v1.0/health')).status).toBe(200);
  });

  it('200 connections that never send a byte do not stop the server and are closed', async () => {
    const sockets: Socket[] = await Promise.all(Array.from({ length: 200 }, () => openSocket(mimic.port)));
    const closed = Promise.all(sockets.map(whenClosed));
    const health = await testClient(mimic).get('/mimic/v1.0/health');
    expect(health.status).toBe(200);
    await closed;
    expect(sockets.every((socket) => socket.destroyed)).toBe(true);
    expect((await testClient(mimic).get('/')).status).toBe(200);
  });

  it('200 idle keep-alive connections are closed after the keep-alive timeout', async () => {
    const sockets: Socket[] = await Promise.all(Array.from({ length: 200 }, () => openSocket(mimic.port)));
    const answers = sockets.map(whenClosed);
    for (const socket of sockets) socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const texts = await Promise.all(answers);
    // Each got its answer first, then the server closed the idle connection.
    expect(texts.every((text) => parseResponse(Buffer.from(text)).status === 200)).toBe(true);
    expect((await testClient(mimic).get('/mimic/v1.0/health')).status).toBe(200);
  });
});

describe('connection cap', () => {
  it('connections beyond maxConnections are refused and the server recovers once they close', async () => {
    const mimic = await createMimic({ plugins: [], maxConnections: 20 });
    try {
      let dropped = 0;
      mimic.server.on('drop', () => dropped++);
      const held = await Promise.all(Array.from({ length: 20 }, () => openSocket(mimic.port)));
      const extra = await openSocket(mimic.port).catch(() => undefined);
      if (extra) {
        extra.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        // The server closes it without an answer.
        expect(parseResponse(Buffer.from(await whenClosed(extra))).status).toBeUndefined();
      }
      expect(dropped).toBe(1);
      for (const socket of held) socket.destroy();
      let status = 0;
      // The server sees the closes asynchronously: retry until a slot is free.
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = await testClient(mimic)
          .get('/mimic/v1.0/health')
          .then((res) => res.status)
          .catch(() => 0);
      }
      expect(status).toBe(200);
    } finally {
      await mimic.close();
    }
  });

  it('defaults: 1024 connections, and Node checks timeouts every second', async () => {
    const mimic = await createMimic({ plugins: [] });
    try {
      expect(mimic.server.maxConnections).toBe(1024);
      expect(mimic.server.headersTimeout).toBe(10_000);
      expect(mimic.server.requestTimeout).toBe(30_000);
      expect(mimic.server.keepAliveTimeout).toBe(5_000);
    } finally {
      await mimic.close();
    }
  });
});

describe('malformed requests', () => {
  let mimic: Mimic;
  beforeAll(async () => {
    mimic = await createMimic({ plugins: [] });
  });
  afterAll(() => mimic.close());

  /** Writes `bytes` on a fresh socket and returns everything the server sent before closing (or within 1 s). */
  const exchange = async (bytes: string | Buffer): Promise<string> => {
    const socket = await openSocket(mimic.port);
    const closed = whenClosed(socket);
    socket.write(bytes);
    const timer = setTimeout(() => socket.destroy(), 1000);
    const text = await closed;
    clearTimeout(timer);
    return text;
  };

  it('a request line HTTP cannot parse answers 400 JSON and closes', async () => {
    const answer = parseResponse(Buffer.from(await exchange('GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n')));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(answer.body).badRequest.code).toBe(400);
  });

  it('the same answer to HEAD carries no body', async () => {
    const text = await exchange(Buffer.from('HEAD /mimic/v1.0/health?x=\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text.endsWith('\r\n\r\n')).toBe(true);
  });

  it('a body that claims gzip but is not answers 400 JSON, and the connection goes on', async () => {
    const result = await rawUpload({ port: mimic.port, path: '/mimic/v1.1/tick', size: 200 * 1024, headers: { 'Content-Encoding': 'gzip' }, followUp: true });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).badRequest.code).toBe(400);
    expect(result.followUp).toMatchObject({ status: 200, complete: true });
  });

  it('an unknown content encoding answers 415 JSON', async () => {
    const res = await testClient(mimic).post('/mimic/v1.1/tick', { raw: '{"amount": 1}', headers: { 'content-type': 'application/json', 'content-encoding': 'bogus' } });
    expect(res.status).toBe(415);
    expect(res.json.badMediaType.code).toBe(415);
  });

  it('a tick past year 9999 answers 400 and leaves the clock usable', async () => {
    const client = testClient(mimic);
    const res = await client.post('/mimic/v1.1/tick', { body: { amount: 1e308 } });
    expect(res.status).toBe(400);
    expect(res.json.badRequest.message).toMatch(/9999/);
    const health = await client.get('/mimic/v1.0/health');
    expect(health.status).toBe(200);
    expect(health.json.now).toBe('1970-01-01T00:00:00.000000Z');
  });
});
