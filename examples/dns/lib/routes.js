'use strict';
const { formatIsoMicro, ids, readJson, respondJson } = require('@mimic/core');
const { dnsError, MAX_ITEMS } = require('./model');

/** Cloud DNS writes times as `2011-06-24T01:23:15.000+0000`; derived from the virtual clock. */
function dnsTime(seconds) {
  return `${formatIsoMicro(seconds).slice(0, 23)}+0000`;
}

function domainSummary(domain) {
  const { records: _records, ...summary } = domain;
  return summary;
}

function domainDetail(domain) {
  const records = [...domain.records.values()];
  return { ...domainSummary(domain), recordsList: { records, totalEntries: records.length } };
}

/** `?limit` (1..100, default 100) and `?offset` (>= 0) as Cloud DNS pages lists. */
function paging(query) {
  const read = (key, fallback, min, max) => {
    const raw = query[key];
    if (raw === undefined) return fallback;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) throw dnsError(400, 'Bad Request', `${key} must be an integer from ${min} to ${max}`);
    return n;
  };
  return { limit: read('limit', MAX_ITEMS, 1, MAX_ITEMS), offset: read('offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

/** Takes `limit` items after skipping `offset`, without copying the whole collection. */
function page(values, { limit, offset }) {
  const items = [];
  let index = 0;
  for (const value of values) {
    if (index++ < offset) continue;
    if (items.length === limit) break;
    items.push(value);
  }
  return items;
}

/** The JSON body, or Cloud DNS's 400 for anything that is not JSON. */
function bodyOf(k) {
  const body = readJson(k);
  if (!body.ok) throw dnsError(400, 'Bad Request', body.empty ? 'A JSON request body is required' : 'Invalid JSON request body');
  return body.value;
}

/**
 * Registers the Cloud DNS v1.0 routes on the plugin's service router.
 * @param {import('@mimic/core').PluginContext} ctx
 * @param {(tenantId: string) => import('./model').DnsAccount} accountOf
 */
function mountDnsRoutes(ctx, accountOf) {
  const router = ctx.service('cloudDNS');
  const now = () => dnsTime(ctx.clock.now());

  // The real API answers writes with an asynchronous job; Mimic finishes it at once and keeps it for GET /status.
  const finishJob = (k, verb, response) => {
    const { tenantId, region } = k.params;
    const jobId = ids.uuid();
    const root = `${ctx.urls.serviceRoot(k, 'cloudDNS', region)}/v1.0/${tenantId}`;
    const job = {
      jobId,
      status: 'COMPLETED',
      verb,
      requestUrl: `${root}${k.path.slice(k.path.indexOf(`/v1.0/${tenantId}`) + `/v1.0/${tenantId}`.length)}`,
      callbackUrl: `${root}/status/${jobId}`,
      ...(response === undefined ? {} : { response }),
    };
    accountOf(tenantId).recordJob(job);
    respondJson(k, 202, job);
  };

  router.get('/v1.0/:tenantId/domains', (k) => {
    const account = accountOf(k.params.tenantId);
    const paged = paging(k.query);
    const name = k.query.name;
    if (name !== undefined) {
      if (typeof name !== 'string') throw dnsError(400, 'Bad Request', 'name must be given once');
      const found = account.domainByName(name);
      respondJson(k, 200, { domains: found ? [domainSummary(found)] : [], totalEntries: found ? 1 : 0 });
      return;
    }
    const domains = page(account.domains.values(), paged).map(domainSummary);
    respondJson(k, 200, { domains, totalEntries: account.domains.size });
  });

  router.post('/v1.0/:tenantId/domains', (k) => {
    const created = accountOf(k.params.tenantId).createDomains(bodyOf(k), now());
    finishJob(k, 'POST', { domains: created.map(domainDetail) });
  });

  router.get('/v1.0/:tenantId/domains/:domainId', (k) => {
    const domain = accountOf(k.params.tenantId).domain(k.params.domainId);
    respondJson(k, 200, k.query.showRecords === 'false' ? domainSummary(domain) : domainDetail(domain));
  });

  router.delete('/v1.0/:tenantId/domains/:domainId', (k) => {
    accountOf(k.params.tenantId).deleteDomain(k.params.domainId);
    finishJob(k, 'DELETE');
  });

  router.get('/v1.0/:tenantId/domains/:domainId/records', (k) => {
    const domain = accountOf(k.params.tenantId).domain(k.params.domainId);
    const records = page(domain.records.values(), paging(k.query));
    respondJson(k, 200, { records, totalEntries: domain.records.size });
  });

  router.post('/v1.0/:tenantId/domains/:domainId/records', (k) => {
    const account = accountOf(k.params.tenantId);
    const domain = account.domain(k.params.domainId);
    const records = account.addRecords(domain, bodyOf(k), now());
    finishJob(k, 'POST', { records });
  });

  router.get('/v1.0/:tenantId/domains/:domainId/records/:recordId', (k) => {
    const account = accountOf(k.params.tenantId);
    respondJson(k, 200, account.record(account.domain(k.params.domainId), k.params.recordId));
  });

  router.delete('/v1.0/:tenantId/domains/:domainId/records/:recordId', (k) => {
    const account = accountOf(k.params.tenantId);
    account.deleteRecord(account.domain(k.params.domainId), k.params.recordId, now());
    finishJob(k, 'DELETE');
  });

  router.get('/v1.0/:tenantId/status/:jobId', (k) => {
    const job = accountOf(k.params.tenantId).job(k.params.jobId);
    // As in the real API, the job's result is shown only with ?showDetails=true.
    if (k.query.showDetails === 'true') respondJson(k, 200, job);
    else {
      const { response: _response, ...summary } = job;
      respondJson(k, 200, summary);
    }
  });
}

module.exports = { mountDnsRoutes, dnsTime };
