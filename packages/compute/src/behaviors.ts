import { BehaviorError, isObject, regexCriterion, startAnchoredRegex, type BehaviorEvent } from '@mimic/core';

/** What a create request does (compute.md §3). */
export type CreationBehavior =
  | { kind: 'default' }
  | { kind: 'fail' | 'false-negative'; code: number; type: string; message: string }
  | { kind: 'build'; duration: number }
  | { kind: 'error' }
  | { kind: 'active-then-error'; duration: number };

/** Attributes the creation criteria look at. */
export interface CreationAttributes {
  tenant_id: string;
  server_name: unknown;
  metadata: Record<string, unknown>;
}

const DEFAULT_FAILURE_MESSAGE = 'The server has either erred or is incapable of performing the requested operation';

/** `fail` / `false-negative` parameters: code (500), type (computeFault), message. */
export function failureParameters(parameters: Record<string, unknown>): { code: number; type: string; message: string } {
  const { code = 500, type = 'computeFault', message = DEFAULT_FAILURE_MESSAGE } = parameters;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 200 || code > 599) {
    throw new BehaviorError("'code' must be an HTTP status between 200 and 599");
  }
  if (typeof type !== 'string' || type === '') throw new BehaviorError("'type' must be a non-empty string");
  if (typeof message !== 'string') throw new BehaviorError("'message' must be a string");
  return { code, type, message };
}

/** Seconds from a number or a numeric string (the seed README sends `"server_building": 120`). */
export function seconds(value: unknown, what: string): number {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed < 0) throw new BehaviorError(`'${what}' must be a non-negative number of seconds`);
  return parsed;
}

export const creationEvent: BehaviorEvent<CreationAttributes, CreationBehavior> = Object.freeze({
  name: 'creation',
  defaultBehavior: Object.freeze({ kind: 'default' }),
  behaviors: Object.freeze({
    fail: (p: Record<string, unknown>): CreationBehavior => ({ kind: 'fail', ...failureParameters(p) }),
    'false-negative': (p: Record<string, unknown>): CreationBehavior => ({ kind: 'false-negative', ...failureParameters(p) }),
    build: (p: Record<string, unknown>): CreationBehavior => {
      if (p.duration === undefined) throw new BehaviorError("'build' needs parameters.duration");
      return { kind: 'build', duration: seconds(p.duration, 'duration') };
    },
    error: (): CreationBehavior => ({ kind: 'error' }),
    'active-then-error': (p: Record<string, unknown>): CreationBehavior => {
      if (p.duration === undefined) throw new BehaviorError("'active-then-error' needs parameters.duration");
      return { kind: 'active-then-error', duration: seconds(p.duration, 'duration') };
    },
  }),
  criteria: Object.freeze({
    server_name: regexCriterion<CreationAttributes>((a) => a.server_name),
    // {"key": "valueRegex"}: every key must match; a missing key matches as "".
    metadata: (value: unknown) => {
      if (!isObject(value)) throw new BehaviorError('the metadata criterion must be an object of key → regex');
      const patterns = Object.entries(value).map(([key, pattern]) => {
        if (typeof pattern !== 'string') throw new BehaviorError(`metadata criterion '${key}' must be a string`);
        return [key, startAnchoredRegex(pattern)] as const;
      });
      return (attributes: CreationAttributes) =>
        patterns.every(([key, regex]) => {
          const actual = Object.hasOwn(attributes.metadata, key) ? attributes.metadata[key] : '';
          return regex.test(typeof actual === 'string' ? actual : String(actual));
        });
    },
  }),
});

/**
 * Metadata keys that pick a behaviour before the registry (compute.md §3):
 * `create_server_failure`, then `server_building`, then `server_error`.
 * Throws BehaviorError for a malformed value.
 */
export function metadataBehavior(metadata: Record<string, unknown>): CreationBehavior | undefined {
  if (Object.hasOwn(metadata, 'create_server_failure')) {
    const raw = metadata.create_server_failure;
    let parameters: unknown = raw;
    if (typeof raw === 'string') {
      try {
        parameters = JSON.parse(raw);
      } catch {
        throw new BehaviorError('create_server_failure must be a JSON object such as {"message": "boom", "code": 500}');
      }
    }
    if (!isObject(parameters)) throw new BehaviorError('create_server_failure must be a JSON object such as {"message": "boom", "code": 500}');
    return { kind: 'fail', ...failureParameters(parameters) };
  }
  if (Object.hasOwn(metadata, 'server_building')) {
    return { kind: 'build', duration: seconds(metadata.server_building, 'server_building') };
  }
  if (Object.hasOwn(metadata, 'server_error')) return { kind: 'error' };
  return undefined;
}

/** `delete_server_failure` = `{"code": C, "times": N}` (a JSON string, or an object). Undefined when absent or spent. */
export function deleteFailure(metadata: Record<string, unknown>): { code: number; times: number; settings: Record<string, unknown> } | undefined {
  if (!Object.hasOwn(metadata, 'delete_server_failure')) return undefined;
  let value: unknown = metadata.delete_server_failure;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!isObject(value)) return undefined;
  const times = typeof value.times === 'number' ? Math.floor(value.times) : 0;
  const code = typeof value.code === 'number' && Number.isInteger(value.code) && value.code >= 400 && value.code <= 599 ? value.code : 500;
  return times > 0 ? { code, times, settings: value } : undefined;
}

/**
 * The countdown written back into `delete_server_failure`: the settings as
 * given, `times` one lower, in the spacing of Python's json.dumps (the
 * original's), which tests comparing the metadata string expect.
 */
export function remainingDeleteFailure(failure: { times: number; settings: Record<string, unknown> }): string {
  const settings = { ...failure.settings, times: failure.times - 1 };
  return `{${Object.entries(settings).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}
