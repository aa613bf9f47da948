'use strict';
// A small keep-alive JSON client for setting the stage (authenticating, populating tenants); never used for timing load.
const http = require('node:http');

function createClient(baseUrl, { maxSockets = 32 } = {}) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {};
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, text, json });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });

  /** Like request, but throws unless the status is one of `expected`. */
  const expect = async (expected, method, path, body) => {
    const response = await request(method, path, body);
    if (!expected.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}, expected ${expected.join('/')}: ${response.text.slice(0, 300)}`);
    }
    return response;
  };

  return { request, expect, close: () => agent.destroy() };
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
async function forEachBounded(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

module.exports = { createClient, forEachBounded };
