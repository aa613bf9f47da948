import { ids } from './ids';

/**
 * Behaviour injection (core.md §7). An event has a default behaviour, named
 * behaviour factories and named criterion factories. Registrations are kept
 * in order; the earliest whose criteria all match wins. `sequence` exists for
 * every event and cycles through its items on each match.
 */

/** Raised by factories for bad parameters or criteria; becomes a 400. */
export class BehaviorError extends Error {
  override name = 'BehaviorError';
}

/** Turns a behaviour's `parameters` into a behaviour value, or throws BehaviorError. */
export type BehaviorFactory<B> = (parameters: Record<string, unknown>) => B;
/** Turns a criterion's value into a predicate over the event's attributes, or throws BehaviorError. */
export type CriterionFactory<A> = (value: unknown) => (attributes: A) => boolean;

export interface BehaviorEvent<A, B> {
  /** Event name as used in the URL, e.g. `creation` or `auth`. */
  readonly name: string;
  readonly defaultBehavior: B;
  readonly behaviors: Readonly<Record<string, BehaviorFactory<B>>>;
  readonly criteria: Readonly<Record<string, CriterionFactory<A>>>;
}

interface Registration<A, B> {
  id: string;
  matches: (attributes: A) => boolean;
  pick: () => B;
}

export class BehaviorRegistry<A, B> {
  private readonly registrations: Registration<A, B>[] = [];

  constructor(readonly event: BehaviorEvent<A, B>) {}

  /** Validates and registers `{name, parameters, criteria}`; returns the new id. Throws BehaviorError. */
  register(body: unknown): string {
    if (!isObject(body)) throw new BehaviorError('Request body must be a JSON object');
    const { name, parameters, criteria } = body;
    if (typeof name !== 'string') throw new BehaviorError("'name' is required and must be a string");
    if (!Array.isArray(criteria)) throw new BehaviorError("'criteria' is required and must be a list");
    if (name !== 'sequence' && !isObject(parameters)) {
      throw new BehaviorError("'parameters' is required and must be an object");
    }
    const pick = this.buildPicker(name, parameters);
    const predicates = criteria.flatMap((criterion) => this.buildCriteria(criterion));
    const id = ids.uuid();
    this.registrations.push({ id, pick, matches: (attrs) => predicates.every((p) => p(attrs)) });
    return id;
  }

  /** Removes a registration; false when the id is unknown. */
  remove(id: string): boolean {
    const index = this.registrations.findIndex((r) => r.id === id);
    if (index < 0) return false;
    this.registrations.splice(index, 1);
    return true;
  }

  /** The behaviour for these attributes: earliest match, else the default. */
  select(attributes: A): B {
    for (const registration of this.registrations) {
      if (registration.matches(attributes)) return registration.pick();
    }
    return this.event.defaultBehavior;
  }

  get size(): number {
    return this.registrations.length;
  }

  private buildPicker(name: string, parameters: unknown): () => B {
    if (name === 'sequence') {
      if (!isObject(parameters) || !Array.isArray(parameters.behaviors) || parameters.behaviors.length === 0) {
        throw new BehaviorError("'sequence' needs parameters.behaviors, a non-empty list");
      }
      const items = parameters.behaviors.map((item) => {
        if (!isObject(item) || typeof item.name !== 'string') {
          throw new BehaviorError('each sequence item needs a name');
        }
        if (item.name === 'default') return this.event.defaultBehavior;
        if (item.name === 'sequence') throw new BehaviorError('a sequence cannot contain a sequence');
        if (!isObject(item.parameters)) throw new BehaviorError(`sequence item '${item.name}' needs parameters`);
        return this.factory(item.name)(item.parameters);
      });
      let next = 0;
      return () => {
        const behavior = items[next];
        next = (next + 1) % items.length;
        return behavior;
      };
    }
    const behavior = this.factory(name)(parameters as Record<string, unknown>);
    return () => behavior;
  }

  private factory(name: string): BehaviorFactory<B> {
    const factory = Object.hasOwn(this.event.behaviors, name) ? this.event.behaviors[name] : undefined;
    if (!factory) {
      const known = ['sequence', ...Object.keys(this.event.behaviors)].join(', ');
      throw new BehaviorError(`Unknown behavior '${name}' for event '${this.event.name}'; known: ${known}`);
    }
    return factory;
  }

  private buildCriteria(criterion: unknown): Array<(attributes: A) => boolean> {
    if (!isObject(criterion)) throw new BehaviorError('each criterion must be an object');
    return Object.entries(criterion).map(([key, value]) => {
      const factory = Object.hasOwn(this.event.criteria, key) ? this.event.criteria[key] : undefined;
      if (!factory) {
        const known = Object.keys(this.event.criteria).join(', ');
        throw new BehaviorError(`Unknown criterion '${key}' for event '${this.event.name}'; known: ${known}`);
      }
      return factory(value);
    });
  }
}

/**
 * Compiles a pattern the way the original's `re.match` does: anchored at the
 * start only. Throws BehaviorError for an invalid pattern.
 */
export function startAnchoredRegex(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})`);
    } catch {
      throw new BehaviorError(`Invalid regular expression: ${pattern}`);
    }
  }
}

/** Criterion on a string attribute: the value is a start-anchored regex; a missing or null attribute never matches. */
export function regexCriterion<A>(attribute: (attributes: A) => unknown): CriterionFactory<A> {
  return (value) => {
    if (typeof value !== 'string') throw new BehaviorError('criterion value must be a string (a regular expression)');
    const regex = startAnchoredRegex(value);
    return (attributes) => {
      const actual = attribute(attributes);
      return typeof actual === 'string' && regex.test(actual);
    };
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
