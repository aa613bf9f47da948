import Router from '@koa/router';
import { readJson, respondJson } from './body';
import type { Clock } from './clock';
import { isObject } from './behaviors';
import { wrappedError } from './errors';

/** 9999-12-31T23:59:59Z in seconds. */
const LAST_SHOWABLE_SECOND = 253_402_300_799;

export const WELCOME = 'To get started with Mimic, POST an authentication request to:\n\n/identity/v2.0/tokens\n';

const WELCOME_BYTES = Buffer.from(WELCOME);

export interface ControlPlaneDeps {
  clock: Clock;
  presets: () => Readonly<Record<string, unknown>>;
  reset: (options: { clock: boolean }) => void;
  health: () => Record<string, unknown>;
}

/** `GET /`, tick, presets, and (beyond the original) reset and health. */
export function controlPlaneRouter(deps: ControlPlaneDeps): Router {
  const router = new Router();
  router.get('/', (ctx) => {
    ctx.response.set('Content-Type', 'text/plain; charset=utf-8');
    // Bytes made once: a string body is measured and encoded again on every request.
    ctx.response.body = WELCOME_BYTES;
  });
  router.post('/mimic/v1.1/tick', (ctx) => {
    const body = readJson(ctx);
    if (!body.ok || !isObject(body.value)) {
      respondJson(ctx, 400, wrappedError(400, 'Request body must be a JSON object such as {"amount": 1.5}'));
      return;
    }
    const amount = body.value.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      respondJson(ctx, 400, wrappedError(400, "'amount' must be a non-negative number of seconds; time never runs backwards"));
      return;
    }
    // Timestamps are formatted as 4-digit-year ISO dates: a clock past 9999 could not be shown (it used to 500 for good).
    if (deps.clock.now() + amount > LAST_SHOWABLE_SECOND) {
      respondJson(ctx, 400, wrappedError(400, "'amount' would move the clock past 9999-12-31T23:59:59Z"));
      return;
    }
    const now = deps.clock.tick(amount);
    respondJson(ctx, 200, { advanced: amount, now: deps.clock.iso(now) });
  });
  router.get('/mimic/v1.0/presets', (ctx) => {
    respondJson(ctx, 200, deps.presets());
  });
  router.post('/mimic/v1.0/reset', (ctx) => {
    const body = readJson(ctx);
    let resetClock = false;
    if (body.ok) {
      if (!isObject(body.value) || (body.value.clock !== undefined && typeof body.value.clock !== 'boolean')) {
        respondJson(ctx, 400, wrappedError(400, 'Request body must be empty or {"clock": true|false}'));
        return;
      }
      resetClock = body.value.clock === true;
    } else if (!body.empty) {
      respondJson(ctx, 400, wrappedError(400, 'Invalid JSON request body'));
      return;
    }
    deps.reset({ clock: resetClock });
    respondJson(ctx, 200, { reset: true, clock: resetClock, now: deps.clock.iso() });
  });
  router.get('/mimic/v1.0/health', (ctx) => {
    respondJson(ctx, 200, deps.health());
  });
  return router;
}
