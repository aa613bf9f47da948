import { HttpError } from '@mimic/core';

/** CLB's error bodies (clb.md, top): mostly flat `{"message", "code"}`. */
export function flat(status: number, message: string): HttpError {
  return new HttpError(status, message, { body: { message, code: status } });
}

export const lbNotFound = (): HttpError => flat(404, 'Load balancer not found');
export const nodeNotFound = (): HttpError => flat(404, 'Node not found');
export const badJson = (): HttpError => flat(400, 'Invalid JSON request body');
export const gone = (): HttpError => flat(410, 'The loadbalancer is marked as deleted.');

export function immutable(lbId: number, status: string): HttpError {
  return flat(422, `Load Balancer '${lbId}' has a status of '${status}' and is considered immutable.`);
}

/** The body does not have the expected structure or types. */
export function schemaError(): HttpError {
  return new HttpError(400, 'JSON does not match the expected schema', {
    body: { message: ['JSON does not match the expected schema'] },
  });
}

/** Well-formed input that breaks a rule; every message found is listed. */
export function validationError(messages: readonly string[]): HttpError {
  return new HttpError(400, 'Validation Failure', {
    body: {
      validationErrors: { messages: [...messages] },
      message: 'Validation Failure',
      code: 400,
      details: 'The object is not valid',
    },
  });
}

/** Thrown by the input parsers in this folder; routes turn it into the matching HttpError. */
export class InputError extends Error {
  constructor(
    readonly kind: 'schema' | 'validation',
    readonly messages: readonly string[] = [],
  ) {
    super(kind);
  }

  toHttp(): HttpError {
    return this.kind === 'schema' ? schemaError() : validationError(this.messages);
  }
}

/** Collects validation messages and throws them together. */
export function failIfAny(messages: readonly string[]): void {
  if (messages.length > 0) throw new InputError('validation', messages);
}

export const schema = (): never => {
  throw new InputError('schema');
};
