import { HttpError } from '@mimic/core';
import type { Context } from 'koa';

/**
 * `limit` / `marker` on the image and flavor lists (novaclient sends them when
 * paging): items after the marker, at most `limit` of them. Absent → all.
 */
export function page<T extends { id: string }>(k: Context, items: readonly T[]): { items: T[]; limit?: number } {
  const { marker, limit } = k.query;
  let start = 0;
  if (marker !== undefined) {
    const index = typeof marker === 'string' ? items.findIndex((item) => item.id === marker) : -1;
    if (index < 0) throw new HttpError(400, `marker [${String(marker)}] not found`);
    start = index + 1;
  }
  if (limit === undefined) return { items: items.slice(start) };
  if (typeof limit !== 'string' || !/^\s*\+?\d+\s*$/.test(limit)) throw new HttpError(400, 'limit param must be an integer');
  const size = Number(limit);
  return { items: items.slice(start, start + size), limit: size };
}

/**
 * The body of `GET /<collection>[/detail]` for one page: the rendered items
 * and, when the page is full, `<collection>_links` with the next page, as
 * real Nova sends (link-following pagers such as gophercloud's stop without it).
 */
export function pagedList<T extends { id: string }>(
  k: Context,
  where: { root: string; collection: 'images' | 'flavors'; detail: boolean },
  items: readonly T[],
  render: (item: T) => unknown,
): Record<string, unknown> {
  const { items: shown, limit } = page(k, items);
  const body: Record<string, unknown> = { [where.collection]: shown.map(render) };
  if (limit !== undefined && limit > 0 && shown.length === limit) {
    const query = new URLSearchParams({ limit: String(limit), marker: shown[shown.length - 1].id });
    const href = `${where.root}/v2/${k.params.tenantId}/${where.collection}${where.detail ? '/detail' : ''}?${query}`;
    body[`${where.collection}_links`] = [{ href, rel: 'next' }];
  }
  return body;
}
