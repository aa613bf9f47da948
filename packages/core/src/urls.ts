import type { Context } from 'koa';
import { setBounded } from './bounded';
import { Catalog } from './catalog';

/** Builds the URLs clients see, from the caller's Host header (core.md §5). */
export interface UrlHelpers {
  /** `http://<host from Host header>[:<listen port>]/` */
  base(ctx: Context): string;
  /** `<base>mimicking/<serviceId>/<region>` for a service by catalog name. */
  serviceRoot(ctx: Context, serviceName: string, region: string): string;
}

const SAFE_HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)$/;

/** Distinct Host headers whose base URL is remembered. */
const BASE_CACHE_LIMIT = 64;

export function createUrlHelpers(catalog: Catalog, listen: { host: string; port: () => number }): UrlHelpers {
  const compute = (ctx: Context, port: number): string => {
    const hostname = ctx.hostname;
    const host = hostname && SAFE_HOST.test(hostname) ? hostname : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    return port === 80 ? `http://${host}/` : `http://${host}:${port}/`;
  };
  // Per raw Host header (plain HTTP/1, no proxy headers trusted): koa's hostname parsing and the check run once per host.
  const byHost = new Map<string, string>();
  let cachedPort = -1;
  const base = (ctx: Context): string => {
    const port = listen.port();
    const raw = ctx.req.headers.host;
    if (raw === undefined || ctx.app.proxy || ctx.req.httpVersionMajor >= 2) return compute(ctx, port);
    if (port !== cachedPort) {
      byHost.clear();
      cachedPort = port;
    }
    return byHost.get(raw) ?? setBounded(byHost, raw, compute(ctx, port), BASE_CACHE_LIMIT);
  };
  return {
    base,
    serviceRoot: (ctx, serviceName, region) => {
      const service = catalog.get(serviceName);
      if (!service) throw new Error(`no service named ${serviceName} in the catalog`);
      return Catalog.serviceRoot(base(ctx), service, region);
    },
  };
}
