import type { Context } from 'koa';
import bodyParser from 'koa-bodyparser';
import secureJson from 'secure-json-parse';
import { readDeclaredBody } from './declared-body';

/** Largest request body accepted; larger ones get a 413 (core issue: 1 MiB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The outcome of reading a request body as JSON. `empty` distinguishes a missing body from a malformed one. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; empty: boolean };

const PARSED = Symbol('mimic.json');

/**
 * Reads every request body as text, whatever its content type, so each
 * service can answer malformed JSON in its own documented shape. Oversized
 * bodies surface as a 413 error to the error handler. Returns undefined,
 * without a promise, when no body is announced (most GETs).
 *
 * A body with a declared length and no content coding (what clients send) is
 * read straight off the request (declared-body.ts); koa-bodyparser reads the
 * rest: chunked uploads and gzip/deflate/br bodies, with its limit and errors.
 * Both leave the text in `ctx.request.rawBody`.
 */
export function bodyReader(): (ctx: Context) => Promise<void> | undefined {
  const parser = bodyParser({
    enableTypes: ['text'],
    extendTypes: { text: ['*/*'] },
    textLimit: `${BODY_LIMIT_BYTES}b`,
    encoding: 'utf-8',
    // Only reading/decoding failures land here: keep a client status (413, 415,
    // 400 aborted); anything else, e.g. a broken gzip body, is the client's too.
    onerror: (error: Error & { status?: number }) => {
      if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) throw error;
      throw Object.assign(new Error('Request body could not be read or decoded'), { status: 400, expose: true, cause: error });
    },
  });
  const read = async () => undefined;
  return (ctx) => {
    const { headers } = ctx.req;
    const length = headers['content-length'];
    const chunked = headers['transfer-encoding'] !== undefined;
    if (length === undefined && !chunked) return undefined;
    const declared = Number(length);
    if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) {
      return Promise.reject(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', expose: true }));
    }
    if (!chunked && isIdentity(headers['content-encoding'])) {
      return readDeclaredBody(ctx.req).then((text) => {
        (ctx.request as { rawBody?: string }).rawBody = text;
      });
    }
    // Bodies without a content type, or with one koa-bodyparser's type check cannot parse (`json`, `*/*`), are
    // still read, as the declared-length path reads them: many scripts omit the header or get it wrong.
    if (!headers['content-type'] || ctx.request.is('*/*') === false) headers['content-type'] = 'application/octet-stream';
    return parser(ctx, read);
  };
}

/** No content coding, spelled as koa-bodyparser's inflation accepts it (any other spelling stays its 415). */
function isIdentity(coding: string | undefined): boolean {
  return coding === undefined || coding === '' || coding === 'identity';
}

/** The raw body text ('' when none). */
export function rawBody(ctx: Context): string {
  const raw = (ctx.request as { rawBody?: unknown }).rawBody;
  return typeof raw === 'string' ? raw : '';
}

/**
 * Parses the body as JSON once per request. `__proto__` and
 * `constructor.prototype` keys are stripped, so handlers can spread or
 * assign parsed objects safely.
 */
export function readJson(ctx: Context): JsonBody {
  const state = ctx.state as Record<symbol, JsonBody | undefined>;
  const cached = state[PARSED];
  if (cached) return cached;
  const text = rawBody(ctx);
  let result: JsonBody;
  if (text.trim() === '') {
    result = { ok: false, empty: true };
  } else {
    try {
      result = { ok: true, value: secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) };
    } catch {
      result = { ok: false, empty: false };
    }
  }
  state[PARSED] = result;
  return result;
}

/** The Content-Type koa derives from `ctx.type = 'application/json'`, set directly (the lookup shows in profiles). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends an empty body that still says JSON (core.md §1). */
export function respondEmpty(ctx: Context, status: number): void {
  respondJsonText(ctx, status, '');
}

/**
 * Sends `body` as JSON with `status`. Serialized here rather than handed to
 * koa as an object: koa's object path re-derives the type and length on the
 * way out, which showed in profiles of every JSON answer.
 */
export function respondJson(ctx: Context, status: number, body: unknown): void {
  respondJsonText(ctx, status, body === undefined ? 'null' : JSON.stringify(body));
}

/**
 * The answer of an injected failure (a behaviour's `fail`): `{"<type>":
 * {"message", "code"}}` with status `code`, or with `"type": "string"` the
 * bare message as text, the one answer that is not JSON (core.md §1).
 */
export function respondFailure(ctx: Context, failure: { code: number; type: string; message: string }): void {
  if (failure.type !== 'string') {
    respondJson(ctx, failure.code, { [failure.type]: { message: failure.message, code: failure.code } });
    return;
  }
  ctx.status = failure.code;
  ctx.type = 'text/plain';
  ctx.body = failure.message;
}

/** Sends JSON already serialized (a cached rendering), as text or as its UTF-8 bytes, with `status`. */
export function respondJsonText(ctx: Context, status: number, json: string | Buffer): void {
  ctx.response.status = status;
  ctx.response.set('Content-Type', JSON_CONTENT_TYPE);
  ctx.response.body = json;
}
