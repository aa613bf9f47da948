import { HttpError } from '@mimic/core';
import type { Context } from 'koa';

/**
 * `limit` / `marker` on the image and flavor lists (novaclient sends them when
 * paging): items after the marker, at most `limit` of them. Absent → all.
 */
export function page<T extends { id: string }>(k: Context, items: readonly T[]): T[] {
  const { marker, limit } = k.query;
  let start = 0;
  if (marker !== undefined) {
    const index = typeof marker === 'string' ? items.findIndex((item) => item.id === marker) : -1;
    if (index < 0) throw new HttpError(400, `marker [${String(marker)}] not found`);
    start = index + 1;
  }
  let end = items.length;
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^\s*\+?\d+\s*$/.test(limit)) throw new HttpError(400, 'limit param must be an integer');
    end = Math.min(end, start + Number(limit));
  }
  return items.slice(start, end);
}
