'use strict';
// Setting the stage over HTTP, as a client would: tenants, servers, load balancers.
const { forEachBounded } = require('./client');

const POPULATE_CONCURRENCY = 32;

/** Authenticates `username`; returns its tenant and the paths of its Nova and CLB endpoints (ORD). */
async function tenant(client, username) {
  const auth = { auth: { passwordCredentials: { username, password: 'bench' } } };
  const { json } = await client.expect([200], 'POST', '/identity/v2.0/tokens', auth);
  const access = json.access;
  const endpointPath = (name) => {
    const entry = access.serviceCatalog.find((e) => e.name === name);
    if (!entry) return undefined;
    const endpoint = entry.endpoints.find((e) => e.region === 'ORD') ?? entry.endpoints[0];
    return new URL(endpoint.publicURL).pathname;
  };
  return {
    username,
    tenantId: access.token.tenant.id,
    token: access.token.id,
    nova: endpointPath('cloudServersOpenStack'),
    clb: endpointPath('cloudLoadBalancers'),
  };
}

function serverBody(name, metadata) {
  const server = { name, imageRef: 'bench-image', flavorRef: 'bench-flavor' };
  if (metadata) server.metadata = metadata;
  return { server };
}

/** Creates `count` servers in the tenant; returns the ids of the first few. */
async function createServers(client, tenantInfo, count, { metadata, keep = 10 } = {}) {
  const ids = [];
  await forEachBounded(count, POPULATE_CONCURRENCY, async (i) => {
    const { json } = await client.expect([202], 'POST', `${tenantInfo.nova}/servers`, serverBody(`bench-${i}`, metadata));
    if (ids.length < keep) ids.push(json.server.id);
  });
  return ids;
}

const LB_BODY = { loadBalancer: { name: 'bench-lb', protocol: 'HTTP', port: 80, virtualIps: [{ type: 'PUBLIC' }] } };

/** Creates `count` load balancers in the tenant; returns their distinct ids (random ids may collide). */
async function createLoadBalancers(client, tenantInfo, count) {
  const ids = new Set();
  await forEachBounded(count, POPULATE_CONCURRENCY, async () => {
    const { json } = await client.expect([202], 'POST', `${tenantInfo.clb}/loadbalancers`, LB_BODY);
    ids.add(json.loadBalancer.id);
  });
  return [...ids];
}

module.exports = { tenant, serverBody, createServers, createLoadBalancers, LB_BODY };
