import { isFalsy, pythonInt } from './model/delay';

/**
 * CLB's misbehaviour is driven by load-balancer metadata (clb.md §4), not by a
 * behaviour registry: these keys, read from the stored metadata, feed the
 * lazy status machine in model/lifecycle.ts.
 */
export const BEHAVIOR_KEYS = Object.freeze({
  building: 'lb_building',
  pendingUpdate: 'lb_pending_update',
  pendingDelete: 'lb_pending_delete',
  errorState: 'lb_error_state',
} as const);

/** The `loadbalancers` section of `GET /mimic/v1.0/presets` (core.md §6; the run-together words are original). */
export const CLB_PRESETS = Object.freeze({
  lb_building: 'On create load balancer, keeps the load balancer in building state for given seconds',
  lb_error_state: 'Puts the LB in error state, and such an LB can onlybe deleted',
  lb_pending_update:
    'Changes the load balancer to PENDING-UPDATEstate for the given number of seconds, any actionother than delete is performed on the server',
  lb_pending_delete: 'Changes the load balancer to PENDING-DELETEstate for the given seconds, when deleted',
});

/** Delays in seconds, `undefined` when the key is absent ("present" is all that matters for the error state). */
export interface LbBehaviors {
  building?: number;
  pendingUpdate?: number;
  pendingDelete?: number;
  errorState: boolean;
}

export const DEFAULT_DELAY = 10;

/** Reads the behaviours from a key→value view of the metadata; `problems` collects unusable delays. */
export function behaviorsOf(lookup: (key: string) => { found: boolean; value: unknown }, problems: string[] = []): LbBehaviors {
  const delay = (key: string, fallbackWhenFalsy: boolean): number | undefined => {
    const entry = lookup(key);
    if (!entry.found) return undefined;
    if (fallbackWhenFalsy && isFalsy(entry.value)) return DEFAULT_DELAY;
    const seconds = pythonInt(entry.value);
    if (seconds === undefined) {
      problems.push(`Metadata value of '${key}' must be a whole number of seconds.`);
      return DEFAULT_DELAY;
    }
    return seconds;
  };
  return {
    building: delay(BEHAVIOR_KEYS.building, true),
    pendingUpdate: delay(BEHAVIOR_KEYS.pendingUpdate, false),
    pendingDelete: delay(BEHAVIOR_KEYS.pendingDelete, true),
    errorState: lookup(BEHAVIOR_KEYS.errorState).found,
  };
}
