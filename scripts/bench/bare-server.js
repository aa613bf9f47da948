'use strict';
// The machine's practical limit: a bare node:http server answering every request with a fixed small JSON body.
// Run as its own process (like Mimic) so both compete for the CPU on equal terms with the load generator.
const http = require('node:http');

const body = Buffer.from(JSON.stringify({ status: 'ok', service: 'bare node:http' }));
const port = Number(process.argv[2]);
const host = process.argv[3] || '127.0.0.1';

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(port, host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
