import type Router from '@koa/router';
import type { DependencyContainer } from 'tsyringe';
import type { Catalog, ServiceDescriptor } from './catalog';
import type { Clock } from './clock';
import type { MimicLogger } from './logger';
import type { PluginState } from './plugin-state';
import type { ServiceGuard } from './guards';
import type { SessionStore } from './sessions';
import type { UrlHelpers } from './urls';
import { validateDescriptor } from './validate';

/**
 * A Mimic plugin: an inert descriptor. Core validates it at start, registers
 * its catalog entries (fixing their service ids), then calls `setup` once per
 * Mimic instance with a context scoped to that instance and plugin.
 */
export interface MimicPlugin {
  /** Unique plugin name, e.g. `@mimic/compute`. */
  readonly name: string;
  /** semver range of @mimic/core this plugin was written against, e.g. `^0.1.0`. */
  readonly core: string;
  /** Catalog entries, in the order they appear in the catalog. */
  readonly services?: readonly ServiceDescriptor[];
  /** Top-level keys merged into `GET /mimic/v1.0/presets` (e.g. `{servers: {...}}`). */
  readonly presets?: Readonly<Record<string, unknown>>;
  /** Registers routes, behaviour registries and hooks. Runs once per Mimic instance. */
  setup(context: PluginContext): void;
}

/** Everything a plugin may use; it never imports another plugin. */
export interface PluginContext {
  /** This plugin's name. */
  readonly plugin: string;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  /** Per-tenant and per-tenant+region state owned by this plugin. */
  readonly state: PluginState;
  /** The instance's catalog (all plugins' entries; identity builds `serviceCatalog` from it). */
  readonly catalog: Catalog;
  /** Router for root paths (identity lives at `/identity`, control APIs at `/mimic/...`). */
  readonly router: Router;
  /**
   * Router for one of this plugin's services, mounted at
   * `/mimicking/<serviceId>/:region`; register paths such as `/v2/:tenantId/servers`.
   */
  service(name: string): Router;
  /** Presets merged from every plugin, as served by `GET /mimic/v1.0/presets`. */
  presets(): Readonly<Record<string, unknown>>;
  readonly urls: UrlHelpers;
  /** Guards run before every service route of every plugin (identity's strict mode). */
  addServiceGuard(guard: ServiceGuard): void;
  /** Runs on `POST /mimic/v1.0/reset`, after sessions are dropped: drop plugin-level state here. */
  onReset(hook: () => void): void;
  /** Real time in epoch seconds, for the one field the reference ties to it (token expiry). */
  wallClockSeconds(): number;
  /** This Mimic instance's tsyringe child container. */
  readonly container: DependencyContainer;
  readonly logger: MimicLogger;
}

/** Declares a plugin. Validates the shape at once, so mistakes surface where the plugin is written. */
export function definePlugin<P extends MimicPlugin>(descriptor: P): Readonly<P> {
  validateDescriptor(descriptor);
  return Object.freeze({ ...descriptor });
}
