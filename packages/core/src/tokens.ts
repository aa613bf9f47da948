import type { InjectionToken } from 'tsyringe';
import type { Catalog } from './catalog';
import type { Clock } from './clock';
import type { MimicLogger } from './logger';
import type { SessionStore } from './sessions';

/** Injection tokens registered in every Mimic instance's child container. */
export const CLOCK: InjectionToken<Clock> = Symbol('mimic.clock');
export const SESSIONS: InjectionToken<SessionStore> = Symbol('mimic.sessions');
export const CATALOG: InjectionToken<Catalog> = Symbol('mimic.catalog');
export const LOGGER: InjectionToken<MimicLogger> = Symbol('mimic.logger');
