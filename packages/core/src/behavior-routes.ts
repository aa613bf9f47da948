import type Router from '@koa/router';
import type { Context } from 'koa';
import { BehaviorError, BehaviorRegistry } from './behaviors';
import { readJson, respondEmpty, respondJson } from './body';
import { wrappedError } from './errors';

/**
 * Mounts the register / delete handlers of core.md §7 for one event:
 * `POST <path>` → 201 `{"id"}`, `DELETE <path>/:behaviorId` → 204;
 * bad input → 400 and an unknown id → 404, both with JSON bodies.
 * `resolve` finds the registry for the request (global, or per tenant+region).
 */
export function mountBehaviorRoutes<A, B>(
  router: Router,
  path: string,
  resolve: (ctx: Context) => BehaviorRegistry<A, B>,
): void {
  router.post(path, (ctx) => {
    const body = readJson(ctx);
    if (!body.ok) {
      respondJson(ctx, 400, wrappedError(400, 'Invalid JSON request body'));
      return;
    }
    try {
      const id = resolve(ctx).register(body.value);
      respondJson(ctx, 201, { id });
    } catch (error) {
      if (!(error instanceof BehaviorError)) throw error;
      respondJson(ctx, 400, wrappedError(400, error.message));
    }
  });
  router.delete(`${path}/:behaviorId`, (ctx) => {
    const id = String(ctx.params.behaviorId);
    if (!resolve(ctx).remove(id)) {
      respondJson(ctx, 404, wrappedError(404, `No behavior with id ${id}`));
      return;
    }
    respondEmpty(ctx, 204);
  });
}
