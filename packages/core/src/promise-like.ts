/** Whether a middleware's result is something to wait for (a promise or thenable), not a synchronous finish. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}
