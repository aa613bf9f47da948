import type { Context } from 'koa';
import { pathId, type ClbRuntime } from './context';

const ATOM = 'application/atom+xml';
const NS = 'http://docs.openstack.org/loadbalancers/api/v1.0';

function itemNotFound(message: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><itemNotFound xmlns="${NS}" code="404"><message>${message}</message></itemNotFound>`;
}

const GONE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><message xmlns="${NS}" code="410">The loadbalancer is marked as deleted.</message>`;

function respondAtom(k: Context, status: number, body: string): void {
  k.status = status;
  k.type = ATOM;
  k.body = body;
}

/**
 * `GET .../nodes/<nid>.atom` (clb.md §7): every outcome is atom+xml, entries
 * oldest first, no whitespace and no escaping (as the original).
 */
export function mountNodeFeed(rt: ClbRuntime, nodePath: string): void {
  rt.api.get(nodePath, (k, next) => {
    const raw = String(k.params.nodeId);
    if (!raw.endsWith('.atom')) return next();
    const lbId = pathId(k.params.lbId);
    const lb = lbId === undefined ? undefined : rt.region(k).find(lbId, rt.now());
    if (!lb) return respondAtom(k, 404, itemNotFound('Load balancer not found'));
    if (lb.status === 'DELETED') return respondAtom(k, 410, GONE);
    const nodeId = pathId(raw.slice(0, -'.atom'.length));
    const node = nodeId === undefined ? undefined : lb.nodes.get(nodeId);
    if (!node) return respondAtom(k, 404, itemNotFound('Node not found'));
    const entries = node.feed.map((e) => `<entry><summary>${e.summary}</summary><updated>${rt.iso(e.at)}</updated></entry>`);
    respondAtom(k, 200, `<feed xmlns="http://www.w3.org/2005/Atom">${entries.join('')}</feed>`);
  });
}

