'use strict';
// Ceilings for any koa application, answering the bare server's fixed JSON body:
// `plain` = koa with a single middleware; `router` = koa with one @koa/router route
// shaped like Mimic's (`/mimicking/<service>/:region/v2/:tenantId/servers/:serverId`).
// Mimic is a koa + @koa/router application, so these rows show how much of the gap to
// bare node:http is the framework's own.
const http = require('node:http');
const Router = require('@koa/router');
const Koa = require('koa');

const [port, host = '127.0.0.1', mode = 'plain'] = process.argv.slice(2);
const body = JSON.stringify({ status: 'ok', service: `bare koa (${mode})` });
const answer = (ctx) => {
  ctx.type = 'application/json';
  ctx.body = body;
};

const app = new Koa();
if (mode === 'router') {
  const router = new Router({ prefix: '/mimicking/NovaApi-bench/:region' });
  router.get('/v2/:tenantId/servers/:serverId', answer);
  app.use(router.routes());
  app.use(router.allowedMethods());
} else {
  app.use(answer);
}
const server = http.createServer(app.callback());
server.keepAliveTimeout = 5_000;
server.listen(Number(port), host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
