import { FLAVORS, type FlavorSpec } from './flavor-data';

/** Static data, never written: a read-only index of the canned flavors. */
const BY_ID: ReadonlyMap<string, FlavorSpec> = new Map(FLAVORS.map((flavor) => [flavor.id, flavor]));

/** Flavors listed in a region: OnMetal only in IAD. */
export function listedFlavors(region: string): readonly FlavorSpec[] {
  return region === 'IAD' ? FLAVORS : FLAVORS.filter((flavor) => !flavor.onMetal);
}

/** A canned flavor (any region), or a plausible one for an unknown id (the seed README: never 404). */
export function findFlavor(id: string): FlavorSpec {
  return (
    BY_ID.get(id) ?? { id, name: `Flavor ${id}`, ram: 1024, vcpus: 1, rxtx: 200, disk: 20, flavorClass: 'general1', policy: 'general_flavor' }
  );
}

export function extraSpecs(flavor: FlavorSpec): Record<string, string> {
  const specs: Record<string, string> = { class: flavor.flavorClass, policy_class: flavor.policy };
  if (flavor.onMetal) specs.quota_resources = 'instances=onmetal-compute-v1-instances,ram=onmetal-compute-v1-ram';
  return specs;
}

function flavorLinks(root: string, tenantId: string, id: string): unknown[] {
  return [
    { href: `${root}/v2/${tenantId}/flavors/${id}`, rel: 'self' },
    { href: `${root}/${tenantId}/flavors/${id}`, rel: 'bookmark' },
  ];
}

export function flavorBrief(root: string, tenantId: string, flavor: FlavorSpec): Record<string, unknown> {
  return { id: flavor.id, links: flavorLinks(root, tenantId, flavor.id), name: flavor.name };
}

/** compute.md §10 detail. */
export function flavorDetail(root: string, tenantId: string, flavor: FlavorSpec): Record<string, unknown> {
  return {
    id: flavor.id,
    name: flavor.name,
    links: flavorLinks(root, tenantId, flavor.id),
    ram: flavor.ram,
    vcpus: flavor.vcpus,
    rxtx_factor: flavor.rxtx,
    disk: flavor.disk,
    swap: '',
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-WITH-EXT-SPECS:extra_specs': extraSpecs(flavor),
  };
}
