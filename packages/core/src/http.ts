import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context, Middleware } from 'koa';
import type { MimicLogger } from './logger';
import { JSON_CONTENT_TYPE, respondJson } from './body';
import { HttpError, wrappedError } from './errors';

/**
 * The one koa middleware every request goes through after the optional
 * request log: read the body, dispatch to the routes, answer 404 when nothing
 * answered, and turn every error into JSON. One frame instead of four keeps
 * the per-request cost down, and a request whose body is already read (none
 * announced) and whose handlers finish synchronously runs without a promise
 * (docs/performance.md).
 */
export function requestPipeline(logger: MimicLogger, readBody: (ctx: Context) => Promise<void> | undefined, dispatch: Middleware): Middleware {
  const end = () => undefined;
  const finish = (ctx: Context) => {
    if (ctx.response.status === 404 && ctx.response.body === undefined) answerNotFound(ctx);
  };
  const route = (ctx: Context): Promise<void> | undefined => {
    const routed = dispatch(ctx, end as never) as Promise<void> | undefined;
    if (routed === undefined) {
      finish(ctx);
      return undefined;
    }
    return routed.then(() => finish(ctx));
  };
  return (ctx) => {
    try {
      const reading = readBody(ctx);
      const done = reading === undefined ? route(ctx) : reading.then(() => route(ctx));
      return done?.catch((caught: Error) => answerError(ctx, caught, logger));
    } catch (caught) {
      answerError(ctx, caught as Error, logger);
      return undefined;
    }
  };
}

/**
 * Turns an error into a JSON answer. Client-caused errors (HttpError,
 * body-parser and router errors with status < 500) keep their status; anything
 * else is a bug: 500 JSON and a logged stack.
 */
export function answerError(ctx: Context, caught: Error, logger: MimicLogger): void {
  const error = caught as Error & { status?: number; statusCode?: number; headers?: Record<string, string>; type?: string };
  if (error instanceof HttpError) {
    ctx.set(error.headers);
    ctx.status = error.status;
    ctx.set('Content-Type', JSON_CONTENT_TYPE);
    ctx.body = error.body === null ? 'null' : (error.body as object);
    return;
  }
  const status = error.status ?? error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // 413, 415 and undecodable bodies leave upload bytes unread.
    discardRestOfBody(ctx);
    if (error.headers) ctx.set(error.headers);
    respondJson(ctx, status, wrappedError(status, clientMessage(status, error)));
    return;
  }
  logger.error({ err: error, method: ctx.method, path: ctx.path }, 'unhandled error');
  respondJson(ctx, 500, wrappedError(500, 'The server has either erred or is incapable of performing the requested operation'));
}

function clientMessage(status: number, error: Error & { type?: string }): string {
  if (status === 413) return 'Request body is larger than the 1 MiB limit';
  if (status === 405) return 'Method not allowed on this resource';
  if (status === 415) return 'Unsupported request body encoding';
  if (error.type === 'request.aborted') return 'Request aborted';
  return error.message || 'Bad request';
}

/**
 * After a 413 (or a body that failed to decode) the client may still be
 * uploading. Keep reading (and dropping) the rest so it can finish and read
 * the answer, instead of a reset.
 */
function discardRestOfBody(ctx: Context): void {
  const req = ctx.req;
  if (req.readableEnded || req.destroyed) return;
  // A failed decoder (gzip, br) was fed by a pipe that now blocks on it.
  req.unpipe();
  // This request is answered: a later timeout must not write a second response on the socket.
  const socket = req.socket as Duplex & { [ANSWERED]?: boolean };
  socket[ANSWERED] = true;
  // Node closes a `Connection: close` socket as soon as the answer is sent, and
  // closing with unread upload bytes resets the connection before the client
  // reads the 413. Keep it open until the upload is drained, then close it
  // (a lingering close; the request timeout bounds how long that takes).
  const closeAfterDrain = !ctx.res.shouldKeepAlive;
  ctx.res.shouldKeepAlive = true;
  req.once('end', () => {
    socket[ANSWERED] = false;
    if (closeAfterDrain) socket.end();
  });
  req.removeAllListeners('data');
  req.on('data', () => undefined);
  req.resume();
}

const ANSWERED = Symbol('mimic.answered');

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time'],
  HPE_HEADER_OVERFLOW: [431, 'Request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Chunk extensions are too large'],
};

/**
 * The server's `clientError` handler (malformed HTTP, header or request
 * timeouts): answers in JSON like every other response, unless a response
 * is already on its way, then closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  const answered = (socket as Duplex & { [ANSWERED]?: boolean })[ANSWERED] === true;
  if (error.code === 'ECONNRESET' || !socket.writable || answered || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Malformed HTTP request'];
  // An answer to HEAD must not carry a body (the client would read it as garbage).
  const raw = (error as Error & { rawPacket?: Buffer }).rawPacket;
  const head = raw !== undefined && raw.subarray(0, 5).toString('latin1') === 'HEAD ';
  const body = JSON.stringify(wrappedError(status, message));
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${head ? '' : body}`, () => socket.destroy());
}

/** An unknown route: 404 JSON. */
export function answerNotFound(ctx: Context): void {
  respondJson(ctx, 404, wrappedError(404, `The resource could not be found: ${ctx.method} ${ctx.path}`));
}

/** One log line per request: method, path, status, milliseconds. */
export function requestLog(logger: MimicLogger): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 100) / 100 }, 'request');
    }
  };
}
