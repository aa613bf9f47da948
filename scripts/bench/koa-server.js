'use strict';
// Ceilings for any koa application, answering the bare server's fixed JSON body:
// `plain` = koa with a single middleware; `router` = koa with one @koa/router route
// shaped like Mimic's (`/mimicking/<service>/:region/v2/:tenantId/servers/:serverId`);
// `body` = koa reading a POST body with koa-bodyparser as Mimic does (text of any type)
// and parsing it as JSON, answering 202.
// Mimic is a koa + @koa/router + koa-bodyparser application, so these rows show how much
// of the gap to bare node:http is the frameworks' own.
const http = require('node:http');
const Router = require('@koa/router');
const Koa = require('koa');
const bodyParser = require('koa-bodyparser');

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
} else if (mode === 'body') {
  app.use(bodyParser({ enableTypes: ['text'], extendTypes: { text: ['*/*'] } }));
  app.use((ctx) => {
    JSON.parse(ctx.request.body);
    answer(ctx);
    ctx.status = 202;
  });
} else {
  app.use(answer);
}
const server = http.createServer(app.callback());
server.keepAliveTimeout = 5_000;
server.listen(Number(port), host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
