import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable, Stream, pipeline } from 'node:stream';
import Koa, { type Context } from 'koa';
import compose from 'koa-compose';
import { isPromiseLike } from './promise-like';

const noNext = async () => undefined;
/** What a request answered synchronously resolves to (node:http ignores it; koa's type wants a promise). */
const ANSWERED: Promise<void> = Promise.resolve();

/** Statuses whose answer has no body (koa's `statuses.empty`). */
const EMPTY_STATUSES = new Set([204, 205, 304]);

/**
 * Koa with a leaner request cycle. Koa's own `callback()` attaches
 * on-finished listeners to every response only to report errors of streamed
 * bodies to `app.on('error')`; measured, that was about a seventh of the cost
 * of a request to a bare koa app (docs/performance.md). Mimic's bodies are
 * strings and objects, its errors are answered by core's error handler, so
 * here each request runs the middleware and then `respond` (koa's response
 * rules, below), and a stream body's failure goes to `app.emit('error')` from
 * the pipeline callback instead. Middleware, context, request and response
 * are koa's own.
 */
export class MimicKoa extends Koa {
  override callback(): ReturnType<Koa['callback']> {
    // One middleware (Mimic's pipeline, when the request log is off) is called as is: no compose, and no
    // promise when it finishes synchronously.
    const [only] = this.middleware;
    const run = this.middleware.length === 1 ? (ctx: Context) => only(ctx, noNext) : compose(this.middleware);
    if (!this.listenerCount('error')) this.on('error', this.onerror);
    return (req, res) => {
      // Mimic listens with node:http only.
      const ctx = this.createContext(req as IncomingMessage, res as ServerResponse);
      res.statusCode = 404;
      let running: unknown;
      try {
        running = run(ctx);
      } catch (error) {
        ctx.onerror(error as Error);
        return ANSWERED;
      }
      if (isPromiseLike(running)) {
        return (running as Promise<void>).then(
          () => answer(ctx),
          (error: Error) => ctx.onerror(error),
        );
      }
      answer(ctx);
      return ANSWERED;
    };
  }
}

/** `respond`, with a failure to write reported as koa reports it. */
function answer(ctx: Context): void {
  try {
    respond(ctx);
  } catch (error) {
    ctx.onerror(error as Error);
  }
}

/** Writes ctx's status, headers and body as koa's `respond` does. */
export function respond(ctx: Context): void {
  if (ctx.respond === false) return;
  const { res, response } = ctx;
  if (!response.writable) {
    res.end();
    return;
  }
  const status = response.status;
  if (EMPTY_STATUSES.has(status)) {
    // Koa would drop Content-Type here too; Mimic's empty answers still say JSON (core.md §1).
    ctx.response.remove('Content-Length');
    ctx.response.remove('Transfer-Encoding');
    res.end();
    return;
  }
  let body: unknown = response.body;
  if (ctx.req.method === 'HEAD') {
    if (!res.headersSent && !ctx.res.hasHeader('Content-Length')) {
      const { length } = ctx.response;
      if (Number.isInteger(length)) ctx.length = length;
    }
    res.end();
    return;
  }
  if (body === null || body === undefined) {
    if ((ctx.response as { _explicitNullBody?: boolean })._explicitNullBody) {
      ctx.response.remove('Content-Type');
      ctx.response.remove('Transfer-Encoding');
      ctx.length = 0;
      res.end();
      return;
    }
    // No body was set: the status text, as koa answers.
    const text = ctx.message || String(status);
    if (!res.headersSent) {
      ctx.type = 'text';
      ctx.length = Buffer.byteLength(text);
    }
    res.end(text);
    return;
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.end(body);
    return;
  }
  const stream = streamOf(body);
  if (stream) {
    pipeline(stream, res, (error) => {
      if (error && ctx.app.listenerCount('error')) ctx.onerror(error);
    });
    return;
  }
  body = JSON.stringify(body);
  if (!res.headersSent) ctx.length = Buffer.byteLength(body as string);
  res.end(body);
}

function streamOf(body: unknown): Readable | undefined {
  if (body instanceof Stream) return body as Readable;
  if (body instanceof Blob) return Readable.fromWeb(body.stream() as never);
  if (body instanceof ReadableStream) return Readable.fromWeb(body as never);
  if (body instanceof Response) return body.body ? Readable.fromWeb(body.body as never) : Readable.from([]);
  return undefined;
}
