import 'reflect-metadata';
import Router from '@koa/router';
import type Koa from 'koa';
import { container as rootContainer } from 'tsyringe';
import { bodyReader } from './body';
import { Catalog, type RegisteredService } from './catalog';
import { Clock, wallClockSeconds, type ClockOptions } from './clock';
import { controlPlaneRouter } from './control-plane';
import { serviceTarget, type ServiceGuard } from './guards';
import { createDispatcher } from './dispatch';
import { requestLog, requestPipeline } from './http';
import { MimicKoa } from './koa-app';
import { defaultLogger, type MimicLogger } from './logger';
import type { MimicPlugin, PluginContext } from './plugin';
import { createPluginState } from './plugin-state';
import { SessionStore } from './sessions';
import { CATALOG, CLOCK, LOGGER, SESSIONS } from './tokens';
import { createUrlHelpers } from './urls';
import { validatePlugins } from './validate';

export interface MimicAppOptions {
  plugins: readonly MimicPlugin[];
  /** A ready clock, or options for a new one. */
  clock?: Clock | ClockOptions;
  logger?: MimicLogger;
  /** Log one line per request through `logger.info`. */
  logRequests?: boolean;
  /** Host used in URLs when the request has no usable Host header. */
  host?: string;
  /** The port Mimic listens on, used in catalog URLs (read lazily: known only after listen). */
  port?: () => number;
}

export interface MimicApp {
  readonly koa: Koa;
  readonly clock: Clock;
  readonly catalog: Catalog;
  readonly sessions: SessionStore;
  /** Every router in dispatch order: the control plane, then each plugin's root router and service routers (for tools listing routes). */
  readonly routers: readonly Router[];
  reset(options?: { clock?: boolean }): void;
}

/**
 * Assembles one Mimic instance: its own child container, clock, sessions and
 * catalog, the control plane, then every plugin in install order.
 */
export function createMimicApp(options: MimicAppOptions): MimicApp {
  validatePlugins(options.plugins);
  const logger = options.logger ?? defaultLogger;
  const clock = options.clock instanceof Clock ? options.clock : new Clock(options.clock);
  const sessions = new SessionStore(() => clock.now());
  const catalog = new Catalog();
  const container = rootContainer.createChildContainer();
  container.registerInstance(CLOCK, clock);
  container.registerInstance(SESSIONS, sessions);
  container.registerInstance(CATALOG, catalog);
  container.registerInstance(LOGGER, logger);

  const urls = createUrlHelpers(catalog, { host: options.host ?? '127.0.0.1', port: options.port ?? (() => 80) });
  const guards: ServiceGuard[] = [];
  // A service router gets its guard layer only once a guard exists: until then
  // requests skip that layer's matching and parameter work.
  const serviceRouters: Array<[Router, RegisteredService]> = [];
  const guardService = (router: Router, service: RegisteredService) => {
    router.use(async (ctx, next) => {
      const target = serviceTarget(ctx.path, service);
      for (const guard of guards) await guard(ctx, target);
      await next();
    });
    // Guards run before the service's own middleware and routes, as if registered first.
    router.stack.unshift(router.stack.pop()!);
  };
  const addServiceGuard = (guard: ServiceGuard) => {
    if (guards.length === 0) for (const [router, service] of serviceRouters) guardService(router, service);
    guards.push(guard);
  };
  const resetHooks: Array<() => void> = [];
  const presets: Record<string, unknown> = {};
  for (const plugin of options.plugins) Object.assign(presets, plugin.presets ?? {});
  Object.freeze(presets);

  const reset = (opts: { clock?: boolean } = {}) => {
    sessions.clear();
    if (opts.clock) clock.resetTime();
    else clock.clearScheduled();
    for (const hook of resetHooks) hook();
  };

  const koa = new MimicKoa();
  koa.silent = true;
  const control = controlPlaneRouter({
    clock,
    presets: () => presets,
    reset,
    health: () => ({ status: 'ok', now: clock.iso(), plugins: options.plugins.map((p) => p.name), sessions: sessions.size }),
  });
  const routers: Router[] = [control];

  for (const plugin of options.plugins) {
    const services = new Map<string, Router>();
    for (const descriptor of plugin.services ?? []) {
      const service = catalog.register(plugin.name, descriptor);
      const router = new Router({ prefix: `/mimicking/${service.id}/:region` });
      serviceRouters.push([router, service]);
      if (guards.length > 0) guardService(router, service);
      services.set(service.name, router);
    }
    const root = new Router();
    const context: PluginContext = {
      plugin: plugin.name,
      clock,
      sessions,
      state: createPluginState(plugin.name, sessions),
      catalog,
      router: root,
      service: (name) => {
        const router = services.get(name);
        if (!router) throw new Error(`Plugin "${plugin.name}" has no service "${name}"; declare it in services first.`);
        return router;
      },
      presets: () => presets,
      urls,
      addServiceGuard,
      onReset: (hook) => resetHooks.push(hook),
      wallClockSeconds,
      container,
      logger,
    };
    plugin.setup(context);
    routers.push(root, ...services.values());
  }

  if (options.logRequests) koa.use(requestLog(logger));
  koa.use(requestPipeline(logger, bodyReader(), createDispatcher(routers)));
  return { koa, clock, catalog, sessions, routers, reset };
}
