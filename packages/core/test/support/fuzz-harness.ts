import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Mimic } from '@mimic/core';

/** One route as koa sees it: method and @koa/router path template. */
export interface RouteInfo {
  method: string;
  /** e.g. `/mimicking/NovaApi-3fa91c/:region/v2/:tenantId/servers/:serverId` */
  template: string;
  /** Does a concrete path hit this route? */
  matches(path: string): boolean;
}

interface RouterLayer {
  path: string;
  methods: string[];
  match(path: string): boolean;
}

/**
 * Every route of an instance, in mount order, grouped by router: walks the
 * koa middleware for @koa/router dispatchers (each carries its router) and
 * their layers. Layers without methods are `router.use` middleware.
 */
export function routerGroups(mimic: Mimic): RouteInfo[][] {
  const groups: RouteInfo[][] = [];
  for (const router of mimic.app.routers) {
    const routes: RouteInfo[] = [];
    for (const layer of router.stack as unknown as RouterLayer[]) {
      for (const method of layer.methods) {
        if (method === 'HEAD') continue; // koa-router adds HEAD to every GET
        routes.push({ method, template: layer.path, matches: (path) => layer.match(path) });
      }
    }
    groups.push(routes);
  }
  return groups;
}

/** A request the fuzzer sends. Plain data, so fast-check can print and shrink it. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Body text, or bytes (hex) when it is not valid UTF-8; undefined sends no body. */
  body?: { text: string } | { hex: string };
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** How a request prints in a counterexample: method, path, headers and (a bounded view of) the body. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body;
  let shown = '(no body)';
  if (body && 'text' in body) {
    shown = body.text.length > 400 ? `${JSON.stringify(body.text.slice(0, 400))}… (${body.text.length} chars)` : JSON.stringify(body.text);
  } else if (body) {
    shown = `hex:${body.hex.length > 400 ? `${body.hex.slice(0, 400)}… (${body.hex.length / 2} bytes)` : body.hex}`;
  }
  // Bytes outside printable ASCII go out raw (Latin-1); show them escaped.
  const path = request.path.replace(/[^\x21-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${request.method} ${path} headers=${JSON.stringify(request.headers)} body=${shown}`;
}

/** Sends requests over one keep-alive connection pool; bytes go out exactly as given (invalid UTF-8 included). */
export function createSender(mimic: Mimic) {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  /** The last requests sent, for failures that an earlier request caused. */
  const recent: string[] = [];
  const send = (request: FuzzRequest): Promise<FuzzResponse> =>
    new Promise((resolve, reject) => {
      recent.push(describeRequest(request));
      if (recent.length > 6) recent.shift();
      const payload = request.body === undefined ? undefined : 'text' in request.body ? Buffer.from(request.body.text, 'utf8') : Buffer.from(request.body.hex, 'hex');
      const headers: Record<string, string | number> = { ...request.headers };
      if (payload) headers['content-length'] = payload.length;
      const req = httpRequest({ host: '127.0.0.1', port: mimic.port, method: request.method, path: request.path, headers, agent, timeout: 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
      req.on('error', reject);
      req.end(payload);
    });
  return { send, recent: () => recent.slice(0, -1), close: () => agent.destroy() };
}

/** Throws unless the answer is a 2xx/4xx whose body is JSON (or one of the documented non-JSON answers). */
export function checkAnswer(request: FuzzRequest, response: FuzzResponse): void {
  const fail = (why: string) => {
    throw new Error(`${why}\n  request:  ${describeRequest(request)}\n  response: ${response.status} ${String(response.headers['content-type'])} ${response.text.slice(0, 300)}`);
  };
  const pathOnly = request.path.split('?')[0];
  // The one documented redirect: identity's v1.1 mosso lookup answers 301 (identity.md).
  const redirect = response.status === 301 && /^\/identity\/v1\.1\/mosso\//.test(pathOnly);
  if (response.status >= 500 || response.status < 200 || (response.status >= 300 && response.status < 400 && !redirect)) fail(`status ${response.status} is not 2xx/4xx`);
  if (request.method === 'HEAD' || response.text === '') return;
  const type = String(response.headers['content-type'] ?? '');
  // Documented non-JSON answers: `GET /` (core.md §2) and the CLB atom feed and its XML errors (clb.md §7).
  if (/text\/plain/.test(type) && /^\/+$/.test(pathOnly)) return;
  if (/application\/atom\+xml/.test(type)) return;
  if (!/application\/json/.test(type)) fail(`content type ${type} is not JSON`);
  try {
    JSON.parse(response.text);
  } catch {
    fail('body is not JSON');
  }
}

/** Throws if a request managed to add anything to the shared prototypes. */
export function checkPrototypes(request: FuzzRequest): void {
  const leaked: string[] = [];
  for (const key in {}) leaked.push(`Object.prototype.${key}`);
  for (const key in []) leaked.push(`Array.prototype.${key}`);
  for (const name of ['mimicPolluted', 'polluted', 'isAdmin']) {
    if (Object.prototype.hasOwnProperty.call(Object.prototype, name)) leaked.push(`Object.prototype.${name}`);
  }
  if (leaked.length > 0) throw new Error(`prototype pollution (${leaked.join(', ')})\n  request: ${describeRequest(request)}`);
}

// ---------------------------------------------------------------- generators

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

/** Names every plugin or prototype might trip on. */
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'length', '', ' ', 'null', '0'];

const NASTY_SEGMENTS = [
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '..', '.', '%', '%25', '%ZZ', '%E0%A4%A', '%00', '%2F',
  '%C0%AF', '%FF%FE', '%F0%9F%92%A9', '-1', '0', '00', '1.5', '1e309', 'NaN', 'Infinity', '99999999999999999999999', 'null',
  'undefined', 'true', '[]', '{}', 'detail', 'x'.repeat(3000),
];

const QUERY_KEYS = ['limit', 'marker', 'name', 'changes-since', 'belongsTo', 'id', 'status', 'image', 'flavor', 'details', 'tenant_id', 'format', 'tenantId', 'type', 'enabled', '__proto__', 'constructor', 'limit[]', 'name[0]'];

/** A value that can go in a URL path segment: real ids, nasty constants, arbitrary text (encoded), raw Latin-1 bytes. */
export function segment(pool: readonly string[]): fc.Arbitrary<string> {
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fc.constantFrom(...NASTY_SEGMENTS), weight: 3 },
    { arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent), weight: 1 },
    // Raw bytes 0x80-0xff go out unescaped: invalid UTF-8 in the request line.
    { arbitrary: fc.array(fc.integer({ min: 0x21, max: 0xff }), { minLength: 1, maxLength: 12 }).map((codes) => String.fromCharCode(...codes).replace(/[/?#%]/g, '_')), weight: 1 },
    { arbitrary: fc.integer().map(String), weight: 1 },
  ];
  if (pool.length > 0) arbitraries.push({ arbitrary: fc.constantFrom(...pool).map(encodeURIComponent), weight: 6 });
  return fc.oneof(...arbitraries);
}

function query(pool: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 }).map(encodeURIComponent));
  const pair = fc.tuple(key, segment(pool)).map(([k, v]) => `${k}=${v}`);
  return fc.oneof(
    { arbitrary: fc.constant(''), weight: 4 },
    { arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`), weight: 4 },
    { arbitrary: fc.constantFrom('?', '?&&==&', '?limit', '?limit=-1', '?limit=1e400', '?marker=&limit=0', '?%=%', '?a=%E0%A4%A'), weight: 1 },
  );
}

/** A path for `template`: parameters get generated values, optional groups come and go, sometimes a stray suffix. */
export function pathFor(template: string, known: Record<string, fc.Arbitrary<string>>, pool: readonly string[]): fc.Arbitrary<string> {
  const groupCount = (template.match(/\{/g) ?? []).length;
  const names = [...template.matchAll(/[:*]([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
  const values = names.map((name) => fc.oneof({ arbitrary: known[name] ?? segment(pool), weight: 4 }, { arbitrary: segment(pool), weight: 1 }));
  const suffix = fc.oneof(
    { arbitrary: fc.constant(''), weight: 8 },
    { arbitrary: fc.constant('/'), weight: 1 },
    { arbitrary: segment(pool).map((s) => `/${s}`), weight: 1 },
  );
  return fc
    .tuple(fc.tuple(...values), fc.array(fc.boolean(), { minLength: groupCount, maxLength: groupCount }), suffix, query(pool))
    .map(([params, groups, tail, q]) => {
      let groupIndex = 0;
      let path = template.replace(/\{([^{}]*)\}/g, (_all, inner: string) => (groups[groupIndex++] ? inner : ''));
      let paramIndex = 0;
      path = path.replace(/[:*][A-Za-z_$][\w$]*/g, () => params[paramIndex++] ?? 'x').replace(/\\(.)/g, '$1');
      return `${path}${tail}${q}`;
    });
}

/** JSON values shaped like API bodies: domain keys (`vocabulary`), nasty keys, every JSON type, some nesting. */
export function jsonValue(vocabulary: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...vocabulary), weight: 6 }, { arbitrary: fc.constantFrom(...NASTY_KEYS), weight: 1 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
  const leaf = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', 'ACTIVE', 'HTTP', 'ENABLED', 'ORD', 'x'.repeat(70_000), '\ud800', '\u0000', '1', '-1', 'true', 'null'),
    fc.integer(),
    fc.constantFrom(0, -0, -1, 1.5, 2 ** 53 + 2, 1e308, -1e308, 1e-320, 4e10, 65536),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }).map(ownKeys),
    ),
  })).value;
}

/** fc.dictionary assigns keys, so `__proto__` would set the prototype; rebuild through JSON.parse to get own keys. */
function ownKeys(record: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(record).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`);
  return JSON.parse(`{${entries.join(',')}}`) as Record<string, unknown>;
}

/** A change to a known-good body: replace, delete or add at some position in its tree. */
type Mutation = { at: number; op: 'replace' | 'delete' | 'add'; key: string; value: unknown };

/** Applies mutations to a deep copy of `seed` (positions wrap round the list of nodes). */
export function mutate(seed: unknown, mutations: readonly Mutation[]): unknown {
  let root = JSON.parse(JSON.stringify(seed)) as unknown;
  for (const mutation of mutations) {
    const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number } | null> = [null];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((child, i) => (slots.push({ parent: node, key: i }), walk(child)));
      else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) slots.push({ parent: node as Record<string, unknown>, key: k }), walk(child);
    };
    walk(root);
    const slot = slots[mutation.at % slots.length];
    if (slot === null) {
      if (mutation.op === 'replace') root = mutation.value;
      else if (mutation.op === 'add' && root !== null && typeof root === 'object' && !Array.isArray(root)) Object.defineProperty(root, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    const { parent, key } = slot;
    const target = (parent as Record<string | number, unknown>)[key];
    if (mutation.op === 'replace') (parent as Record<string | number, unknown>)[key] = mutation.value;
    else if (mutation.op === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete (parent as Record<string, unknown>)[key as string];
    else if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
    else if (Array.isArray(target)) target.push(mutation.value);
  }
  return root;
}

const POLLUTER = '{"__proto__":{"mimicPolluted":true},"constructor":{"prototype":{"mimicPolluted":true}}}';

/** Request bodies: none, generated JSON, mutated known-good bodies, deep nesting, huge, invalid UTF-8, not JSON at all. */
export function body(seeds: readonly unknown[], vocabulary: readonly string[]): fc.Arbitrary<FuzzRequest['body']> {
  const text = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((t) => ({ text: t }));
  const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const), key: fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...NASTY_KEYS)), value: jsonValue(vocabulary) });
  const choices: Array<fc.WeightedArbitrary<FuzzRequest['body']>> = [
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: text(jsonValue(vocabulary).map((v) => JSON.stringify(v) ?? 'null')), weight: 4 },
    { arbitrary: text(fc.constantFrom('', ' ', 'null', 'true', '0', '[]', '{}', '""', '{', '{"a":', '\ufeff{}', 'NaN', '[1,]', "{'a':1}", '<xml/>', 'a=1&b=2', POLLUTER)), weight: 2 },
    { arbitrary: text(fc.string({ maxLength: 60 })), weight: 1 },
    // Deep nesting, inside an object key that handlers may look at.
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom(...vocabulary), fc.boolean()).map(([depth, key, arrays]) => ({ text: `{${JSON.stringify(key)}:${arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)}}` })), weight: 1 },
    // Invalid UTF-8 bytes inside a JSON string.
    { arbitrary: fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom('ff', 'c0af', 'eda080', 'fe', '80', 'f8888080')).map(([key, bad]) => ({ hex: `${Buffer.from(`{${JSON.stringify(key)}:"a`).toString('hex')}${bad}${Buffer.from('b"}').toString('hex')}` })), weight: 1 },
  ];
  if (seeds.length > 0) {
    const seed = fc.constantFrom(...seeds);
    choices.push(
      { arbitrary: fc.tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([s, m]) => ({ text: JSON.stringify(mutate(s, m)) ?? 'null' })), weight: 8 },
      { arbitrary: seed.map((s) => ({ text: JSON.stringify(s).replace(/^\{/, `${POLLUTER.slice(0, -1)},`) })), weight: 1 },
      { arbitrary: fc.tuple(seed, fc.constantFrom(1000, 900_000, 1_100_000)).map(([s, n]) => ({ text: JSON.stringify(s).replace(/"([^"]*)"/, `"${'x'.repeat(n)}"`) })), weight: 1 },
    );
  }
  return fc.oneof(...choices);
}

const CONTENT_TYPES = [
  'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/json; charset=utf-16', '*/*', '',
];

/** Headers: content types (and none), a token, odd content encodings. */
export function headers(tokens: readonly string[]): fc.Arbitrary<Record<string, string>> {
  return fc
    .record({
      type: fc.constantFrom(...CONTENT_TYPES),
      token: fc.option(fc.oneof(fc.constantFrom(...(tokens.length > 0 ? tokens : ['t'])), fc.string({ maxLength: 10 }).map(encodeURIComponent)), { freq: 2 }),
      encoding: fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'bogus'), { freq: 12 }),
    })
    .map(({ type, token, encoding }) => {
      const result: Record<string, string> = {};
      if (type) result['content-type'] = type;
      if (token !== null) result['x-auth-token'] = token;
      if (encoding !== null) result['content-encoding'] = encoding;
      return result;
    });
}

export interface FuzzTarget {
  routes: readonly RouteInfo[];
  /** Generators for well-known parameter names (region, tenant). */
  known: Record<string, fc.Arbitrary<string>>;
  /** Real ids of state made before fuzzing. */
  pool: readonly string[];
  /** Known-good requests: method, concrete path, body. */
  seeds: ReadonlyArray<{ method: string; path: string; body: unknown }>;
  vocabulary: readonly string[];
  tokens: readonly string[];
}

/** The request generator: a route, usually its own method, a generated path, headers and a body (known-good bodies of the same route preferred). */
export function requests(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const allSeeds = target.seeds.map((s) => s.body);
  return fc.constantFrom(...target.routes).chain((route) => {
    const own = target.seeds.filter((s) => s.method === route.method && route.matches(s.path)).map((s) => s.body);
    const bodies = own.length > 0 ? fc.oneof({ arbitrary: body(own, target.vocabulary), weight: 3 }, { arbitrary: body(allSeeds, target.vocabulary), weight: 1 }) : body(allSeeds, target.vocabulary);
    return fc
      .record({
        method: fc.oneof({ arbitrary: fc.constant(route.method), weight: 8 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
        path: pathFor(route.template, target.known, target.pool),
        headers: headers(target.tokens),
        body: bodies,
      })
      .map((request) => {
        const clean: FuzzRequest = { method: request.method, path: request.path, headers: request.headers };
        if (request.body !== undefined) clean.body = request.body;
        return Object.assign(clean, { [fc.toStringMethod]: () => describeRequest(clean) });
      });
  });
}

/** Keys of every object in `values` (deep): the domain vocabulary for generated bodies. */
export function keysOf(values: readonly unknown[]): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) keys.add(k), walk(v);
  };
  values.forEach(walk);
  return [...keys];
}
