import { DEFAULT_DELAY, type LbBehaviors } from '../behaviors';

/** Seconds a DELETED load balancer stays visible before it is removed (clb.md §4). */
export const DELETED_LINGER = 3600;

/** The part of a load balancer the status machine reads and writes. */
export interface Lifecycle {
  readonly status: string;
  /** Clock seconds of `updated.time`. */
  readonly updated: number;
}

/**
 * - `read`: time-driven transitions only (every request's first step).
 * - `mutation`: after a successful change (node add/delete, and this project's
 *   other writes): an ACTIVE load balancer enters PENDING-UPDATE or ERROR.
 * - `delete`: as `mutation`, and `lb_pending_delete` applies too.
 */
export type RefreshKind = 'read' | 'mutation' | 'delete';

/**
 * The lazy status machine (clb.md §4), a pure function of the stored
 * lifecycle, the behaviours and `now`. Time-driven steps are chained, so the
 * answer does not depend on when the load balancer was last observed:
 * PENDING-DELETE ends N s after the delete, and DELETED lasts 3600 s from
 * then. `undefined` means the load balancer is gone.
 */
export function refresh(current: Lifecycle, behaviors: LbBehaviors, now: number, kind: RefreshKind): Lifecycle | undefined {
  let { status, updated } = current;
  for (;;) {
    if (status === 'BUILD') {
      if (now < updated + (behaviors.building ?? DEFAULT_DELAY)) break;
      status = 'ACTIVE';
    } else if (status === 'PENDING-UPDATE') {
      if (behaviors.pendingUpdate === undefined || now < updated + behaviors.pendingUpdate) break;
      status = 'ACTIVE';
    } else if (status === 'PENDING-DELETE') {
      const delay = behaviors.pendingDelete ?? DEFAULT_DELAY;
      if (now < updated + delay) break;
      status = 'DELETED';
      updated += delay;
    } else if (status === 'DELETED') {
      if (now < updated + DELETED_LINGER) break;
      return undefined;
    } else {
      break;
    }
  }
  if (kind !== 'read' && status === 'ACTIVE') {
    if (behaviors.pendingUpdate !== undefined) status = 'PENDING-UPDATE';
    if (kind === 'delete' && behaviors.pendingDelete !== undefined) status = 'PENDING-DELETE';
    if (behaviors.errorState) status = 'ERROR';
    updated = now;
  }
  return { status, updated };
}

/** Statuses the control plane may set (clb.md §8; underscores, stored literally). */
export const CONTROL_STATUSES = ['ACTIVE', 'ERROR', 'PENDING_DELETE', 'PENDING_UPDATE'] as const;
