'use strict';
// The benchmark's load cases: what each one sends, and the target it is held to.
const { tenant, serverBody, createServers, createLoadBalancers, LB_BODY } = require('./fixtures');

const JSON_HEADERS = { 'content-type': 'application/json' };
const count = (n) => n.toLocaleString('en-US');

const post = (path, body) => ({ method: 'POST', path, headers: JSON_HEADERS, body: JSON.stringify(body) });
const get = (path) => ({ method: 'GET', path });

/**
 * Each case: `id`, `title`, an optional `target`, `server` ('logged' = the
 * instance with request logging on; 'fresh' = a Mimic started for this case
 * in this round, for cases that create state with every request; otherwise
 * the main one) and `prepare(stage, round)`,
 * which sets up what the case needs and resolves to `{request, maxRequests?}`
 * (an autocannon request, with `setupRequest` when every request differs).
 * Targets: `{bare: r}` = at least r × the bare node:http req/s of the same run;
 * `{sameAs: id, within: f}` = req/s no more than f below case `id`'s.
 */
function loadCases(sizes) {
  const { small, medium, large } = sizes;
  const listCase = (kind, tenantKey, size) => ({
    id: `list-${kind}-${tenantKey}`,
    title: `GET /servers${kind === 'detail' ? '/detail' : ''}?limit=100, tenant of ${count(size)}`,
    target: tenantKey === 'large' ? { sameAs: `list-${kind}-small`, within: 0.2 } : undefined,
    prepare: async (stage) => ({ request: get(`${stage.tenants[tenantKey].nova}/servers${kind === 'detail' ? '/detail' : ''}?limit=100`) }),
  });

  return [
    {
      id: 'root',
      title: 'GET /',
      target: { bare: 0.7 },
      prepare: async () => ({ request: get('/') }),
    },
    {
      // Same request against a second instance that keeps the CLI's default
      // log level, so every request prints a pretty line (to /dev/null here).
      id: 'root-logged',
      title: "GET /, with the CLI's default request log (info, pretty)",
      server: 'logged',
      prepare: async () => ({ request: get('/') }),
    },
    {
      id: 'auth-one',
      title: 'POST /identity/v2.0/tokens, one user',
      target: { bare: 0.25 },
      prepare: async () => ({
        request: post('/identity/v2.0/tokens', { auth: { passwordCredentials: { username: 'bench-auth', password: 'bench' } } }),
      }),
    },
    {
      id: 'auth-new',
      title: 'POST /identity/v2.0/tokens, a new user per request',
      target: { bare: 0.25 },
      server: 'fresh',
      prepare: async (stage, round) => {
        let n = 0;
        return {
          request: {
            ...post('/identity/v2.0/tokens', {}),
            setupRequest: (req) => {
              const username = `bench-new-${round}-${n++}`;
              return { ...req, body: JSON.stringify({ auth: { passwordCredentials: { username, password: 'bench' } } }) };
            },
          },
        };
      },
    },
    {
      id: 'server-get',
      title: `GET /servers/<id>, tenant of ${count(large)}`,
      target: { bare: 0.5 },
      prepare: async (stage) => ({ request: get(`${stage.tenants.large.nova}/servers/${stage.tenants.large.ids[0]}`) }),
    },
    {
      id: 'server-create',
      title: 'POST /servers, empty tenant',
      target: { bare: 0.35 },
      server: 'fresh',
      prepare: async (stage, round) => {
        const fresh = await tenant(stage.client, `bench-create-${round}`);
        return { request: post(`${fresh.nova}/servers`, serverBody('bench-created')) };
      },
    },
    {
      id: 'server-create-large',
      title: `POST /servers, tenant of ${count(large)}`,
      target: { sameAs: 'server-create', within: 0.2 },
      server: 'fresh',
      prepare: async (stage, round) => {
        // A fresh instance has no stage: it gets its own tenant of `large` servers first.
        let owner = stage.tenants.large;
        if (owner === undefined) {
          owner = await tenant(stage.client, `bench-create-large-${round}`);
          await createServers(stage.client, owner, large);
          stage.tenants.large = owner;
        }
        return { request: post(`${owner.nova}/servers`, serverBody('bench-created')) };
      },
    },
    listCase('brief', 'small', small),
    listCase('brief', 'medium', medium),
    listCase('brief', 'large', large),
    listCase('detail', 'small', small),
    listCase('detail', 'medium', medium),
    listCase('detail', 'large', large),
    {
      id: 'list-all-medium',
      title: `GET /servers (all ${count(medium)})`,
      prepare: async (stage) => ({ request: get(`${stage.tenants.medium.nova}/servers`) }),
    },
    {
      id: 'lb-create',
      title: 'POST /loadbalancers',
      server: 'fresh',
      prepare: async (stage, round) => {
        // A region holds at most 99,999 load balancers (clb.md), fewer than a run creates: spread over tenants.
        const paths = [];
        for (let t = 0; t < LB_CREATE_TENANTS; t++) paths.push(`${(await tenant(stage.client, `bench-lb-create-${round}-${t}`)).clb}/loadbalancers`);
        let n = 0;
        return { request: { ...post(paths[0], LB_BODY), setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) } };
      },
    },
    {
      id: 'node-add',
      title: 'POST /loadbalancers/<id>/nodes, one node',
      server: 'fresh',
      prepare: async (stage, round) => nodeAddRequest(stage, round, sizes.nodeLoadBalancers),
    },
  ];
}

const LBS_PER_TENANT = 100;
const LB_CREATE_TENANTS = 8;
const NODES_PER_LB = 25;

/**
 * Adding nodes: at most 25 per load balancer and no duplicate address:port,
 * so requests go round-robin over many fresh load balancers, each with a new
 * address, and the run is capped below 25 per load balancer.
 */
async function nodeAddRequest(stage, round, loadBalancers) {
  const paths = [];
  for (let t = 0; paths.length < loadBalancers; t++) {
    const owner = await tenant(stage.client, `bench-nodes-${round}-${t}`);
    const ids = await createLoadBalancers(stage.client, owner, Math.min(LBS_PER_TENANT, loadBalancers - paths.length));
    for (const id of ids) paths.push(`${owner.clb}/loadbalancers/${id}/nodes`);
  }
  let n = 0;
  return {
    maxRequests: paths.length * (NODES_PER_LB - 1),
    request: {
      ...post(paths[0], {}),
      setupRequest: (req) => {
        const k = n++;
        const address = `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
        return { ...req, path: paths[k % paths.length], body: JSON.stringify({ nodes: [{ address, port: 80, condition: 'ENABLED' }] }) };
      },
    },
  };
}

module.exports = { loadCases };
