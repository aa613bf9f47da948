'use strict';
// Drives one case with autocannon (in this, the driver process) and condenses the result.
const autocannon = require('autocannon');
const { percentile } = require('./stats');

/**
 * Runs `request` (an autocannon request: method, path, body, headers,
 * setupRequest) against `url` for `seconds`, at most `maxRequests` requests.
 * Latencies are collected from every response at sub-millisecond resolution
 * (autocannon's own histogram rounds to whole milliseconds).
 */
async function drive(url, request, { seconds, connections, maxRequests }) {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const options = {
    url,
    connections,
    duration: seconds,
    requests: [request],
    timeout: 10,
  };
  if (maxRequests) options.maxOverallRequests = Math.max(maxRequests, connections);
  // Our own clock: autocannon's `duration` is the configured one even when maxRequests ends the run early.
  const started = process.hrtime.bigint();
  let last = started;
  const instance = autocannon(options);
  instance.on('response', (_client, _status, _bytes, ms) => {
    last = process.hrtime.bigint();
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  const result = await instance;
  const sorted = latencies.subarray(0, count).sort();
  const elapsed = Number(last - started) / 1e9;
  return {
    requests: count,
    seconds: elapsed,
    rps: count / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors + result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats || {}).map(([code, { count: n }]) => [code, Number(n)])),
  };
}

module.exports = { drive };
