import type { Mimic } from './mimic';

/** A response as tests want it: status, headers, raw text and parsed JSON (undefined when not JSON). */
export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestRequest {
  body?: unknown;
  /** Send this exact text instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * The one HTTP helper every package's tests use against a real Mimic over
 * loopback: `client.get('/path')`, `client.post('/path', {body})`.
 */
export function testClient(target: Pick<Mimic, 'url'> | string) {
  const base = (typeof target === 'string' ? target : target.url).replace(/\/$/, '');
  const send = async (method: string, path: string, request: TestRequest = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...request.headers };
    let body: string | undefined = request.raw;
    if (body === undefined && request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    const url = /^https?:/.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    base,
    request: send,
    get: (path: string, request?: TestRequest) => send('GET', path, request),
    post: (path: string, request?: TestRequest) => send('POST', path, request),
    put: (path: string, request?: TestRequest) => send('PUT', path, request),
    patch: (path: string, request?: TestRequest) => send('PATCH', path, request),
    delete: (path: string, request?: TestRequest) => send('DELETE', path, request),
  };
}

export type TestClient = ReturnType<typeof testClient>;
