import { respondJson } from '@mimic/core';
import type { ComputeRuntime } from './context';

/** compute.md §11: fixed; the counts do not follow real usage. */
const LIMITS = Object.freeze({
  limits: Object.freeze({
    absolute: Object.freeze({
      maxServerMeta: 40,
      maxPersonality: 5,
      totalPrivateNetworksUsed: 0,
      maxImageMeta: 40,
      maxPersonalitySize: 1000,
      maxSecurityGroupRules: -1,
      maxTotalKeypairs: 100,
      totalCoresUsed: 5,
      totalRAMUsed: 2560,
      totalInstancesUsed: 5,
      maxSecurityGroups: -1,
      totalFloatingIpsUsed: 0,
      maxTotalCores: -1,
      totalSecurityGroupsUsed: 0,
      maxTotalPrivateNetworks: 3,
      maxTotalFloatingIps: -1,
      maxTotalInstances: 200,
      maxTotalRAMSize: 256000,
    }),
  }),
});

export function mountLimitRoutes(rt: ComputeRuntime): void {
  rt.nova.get('/v2/:tenantId/limits', (k) => respondJson(k, 200, LIMITS));
}
