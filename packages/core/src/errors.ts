/**
 * OpenStack-style error bodies: `{"<kind>": {"message": ..., "code": ...}}`.
 * Throwing an `HttpError` from any handler produces that body.
 */
const KIND_BY_STATUS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  422: 'unprocessableEntity',
  500: 'computeFault',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export function errorKind(status: number): string {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'computeFault' : 'badRequest');
}

/** `{"<kind>": {"message", "code"}}`; kind defaults from the status. */
export function wrappedError(status: number, message: string, kind = errorKind(status)): Record<string, unknown> {
  return { [kind]: { message, code: status } };
}

/** An error that becomes a JSON response with `status` and `body` (a wrapped error by default). */
export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: { body?: unknown; kind?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.body = options.body !== undefined ? options.body : wrappedError(status, message, options.kind);
    this.headers = options.headers ?? {};
  }
}
