'use strict';
const { definePlugin } = require('@mimic/core');
const { DnsAccount } = require('./model');
const { mountDnsRoutes } = require('./routes');

/**
 * A minimal Rackspace Cloud DNS v1.0: domains, records and asynchronous-job
 * status, per tenant. It uses only @mimic/core's public API.
 *
 * @param {{ regions?: string[] }} [options]
 * @returns {import('@mimic/core').MimicPlugin}
 */
function dns(options = {}) {
  const regions = options.regions ?? ['ORD'];
  return definePlugin({
    name: 'mimic-plugin-dns',
    core: '^0.1.0',
    services: [{ name: 'cloudDNS', type: 'rax:dns', implName: 'DNSApi', regions, prefix: 'v1.0' }],
    presets: { dns: { max_domains_per_list: 100, record_types: ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV'] } },
    setup(ctx) {
      // Ids are unique across tenants of this instance, like the real service's; counters live here, not at module level.
      const counters = { domain: 1_000_000, record: 1_000_000 };
      // DNS is global: one account per tenant, whatever region the URL names. Reset drops it with the session.
      const accountOf = (/** @type {string} */ tenantId) => ctx.state.tenant(tenantId, 'dns', () => new DnsAccount(tenantId, counters));
      mountDnsRoutes(ctx, accountOf);
    },
  });
}

module.exports = { dns };
