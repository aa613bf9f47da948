import type { Context } from 'koa';
import { Catalog } from './catalog';

/** Builds the URLs clients see, from the caller's Host header (core.md §5). */
export interface UrlHelpers {
  /** `http://<host from Host header>[:<listen port>]/` */
  base(ctx: Context): string;
  /** `<base>mimicking/<serviceId>/<region>` for a service by catalog name. */
  serviceRoot(ctx: Context, serviceName: string, region: string): string;
}

const SAFE_HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)$/;

export function createUrlHelpers(catalog: Catalog, listen: { host: string; port: () => number }): UrlHelpers {
  const base = (ctx: Context): string => {
    const hostname = ctx.hostname;
    const host = hostname && SAFE_HOST.test(hostname) ? hostname : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    const port = listen.port();
    return port === 80 ? `http://${host}/` : `http://${host}:${port}/`;
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
