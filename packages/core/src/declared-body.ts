import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body whose length the headers declare and whose bytes are
 * not content-coded, as UTF-8 text. Node's HTTP parser stops at the declared
 * length, so no limit is needed beyond the caller's check of the header.
 *
 * Same results as koa-bodyparser's reading of such a body (co-body and
 * raw-body; tested side by side in test/declared-body.test.ts): invalid UTF-8
 * becomes U+FFFD, a leading byte-order mark is dropped, and a client that
 * goes away mid-body is a 400 `request.aborted`. It exists because that
 * stack (type checks, a decoder and three promises per request) cost about
 * a fifth of a small POST (docs/performance.md).
 */
export function readDeclaredBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    req.on('data', (chunk: Buffer) => {
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    req.once('end', () => {
      const bytes = more ? Buffer.concat(more) : first;
      resolve(bytes === undefined ? '' : decodeUtf8(bytes));
    });
    // After the body ended, these are no-ops: the promise is settled.
    req.once('error', () => reject(aborted()));
    req.once('close', () => {
      if (!req.complete) reject(aborted());
    });
  });
}

const BOM = 0xfeff;

function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** raw-body's error for a request that ended before its body. */
function aborted(): Error {
  return Object.assign(new Error('request aborted'), { status: 400, statusCode: 400, type: 'request.aborted', expose: true, code: 'ECONNABORTED' });
}
