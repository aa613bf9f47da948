import { respondEmpty, respondJson } from '@mimic/core';
import type { LoadBalancer } from '../model/load-balancer';
import {
  DEFAULT_ERROR_PAGE,
  parseConnectionThrottle,
  parseEnabled,
  parseErrorPage,
  parseSessionPersistence,
} from '../model/settings';
import { afterMutation, jsonBody, LB, mutableLoadBalancer, parsed, readableLoadBalancer, type ClbRuntime } from './context';

/** One stored setting of a load balancer, served as GET / PUT / DELETE under `/<id>/<path>`. */
interface Setting {
  path: string;
  /** The key of the JSON answer. */
  key: string;
  view(lb: LoadBalancer): unknown;
  set(lb: LoadBalancer, body: unknown): void;
  clear(lb: LoadBalancer): void;
}

const SETTINGS: readonly Setting[] = Object.freeze([
  {
    path: 'connectionthrottle',
    key: 'connectionThrottle',
    view: (lb) => ({ ...lb.connectionThrottle }),
    set: (lb, body) => (lb.connectionThrottle = parseConnectionThrottle(body)),
    clear: (lb) => delete lb.connectionThrottle,
  },
  {
    path: 'sessionpersistence',
    key: 'sessionPersistence',
    view: (lb) => ({ ...lb.sessionPersistence }),
    set: (lb, body) => (lb.sessionPersistence = parseSessionPersistence(body)),
    clear: (lb) => delete lb.sessionPersistence,
  },
  {
    path: 'connectionlogging',
    key: 'connectionLogging',
    view: (lb) => ({ ...lb.connectionLogging }),
    set: (lb, body) => (lb.connectionLogging = parseEnabled(body, 'connectionLogging')),
    clear: (lb) => (lb.connectionLogging = { enabled: false }),
  },
  {
    path: 'contentcaching',
    key: 'contentCaching',
    view: (lb) => ({ ...lb.contentCaching }),
    set: (lb, body) => (lb.contentCaching = parseEnabled(body, 'contentCaching')),
    clear: (lb) => (lb.contentCaching = { enabled: false }),
  },
  {
    // Real CLB spells this key in lower case; DELETE restores the default page.
    path: 'errorpage',
    key: 'errorpage',
    view: (lb) => ({ content: lb.errorPage ?? DEFAULT_ERROR_PAGE }),
    set: (lb, body) => (lb.errorPage = parseErrorPage(body)),
    clear: (lb) => delete lb.errorPage,
  },
]);

/**
 * Beyond the original: the settings pkgcloud and libcloud manage. Reads act
 * like node reads (DELETED → 410); writes need an ACTIVE load balancer and
 * then take the mutating refresh, as node changes do.
 */
export function mountSettingRoutes(rt: ClbRuntime): void {
  for (const setting of SETTINGS) {
    const path = `${LB}/${setting.path}`;
    rt.api.get(path, (k) => {
      respondJson(k, 200, { [setting.key]: setting.view(readableLoadBalancer(rt, k)) });
    });
    rt.api.put(path, (k) => {
      const body = jsonBody(k);
      const lb = mutableLoadBalancer(rt, k);
      parsed(() => setting.set(lb, body));
      afterMutation(rt, k, lb);
      respondEmpty(k, 202);
    });
    rt.api.delete(path, (k) => {
      const lb = mutableLoadBalancer(rt, k);
      setting.clear(lb);
      afterMutation(rt, k, lb);
      respondEmpty(k, 202);
    });
  }
}
