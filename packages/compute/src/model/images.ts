import { ids, type PluginContext } from '@mimic/core';
import { IMAGES, type ImageSpec } from './image-data';
import { INVALID_FLAVOR_REFS, INVALID_IMAGE_REFS } from './presets';

/** An image as listed: a canned one (with its instance id and size) or a tenant's snapshot. */
export interface Image {
  readonly id: string;
  readonly spec: ImageSpec;
  readonly size: number;
  /** Set on snapshots made by createImage. */
  readonly snapshotOf?: { id: string; links: unknown[] };
}

/** What the server routes need from the image catalog (see routes/context.ts). */
export interface ImageCatalog {
  /** True for an id in `invalid_image_ref` or ending in `Z` (GET and create answer 400). */
  isInvalidImageRef(id: string): boolean;
  /** True for an id in `invalid_flavor_ref` (GET and create answer 400). */
  isInvalidFlavorRef(id: string): boolean;
  /** createImage: adds a snapshot of `sourceImageRef` to the tenant's store (every region); returns its id. */
  addSnapshot(tenantId: string, sourceImageRef: string, name: string, server: { id: string; links: unknown[] }): string;
  /** The tenant's list for a region: canned images (OnMetal only in IAD), then snapshots. */
  list(tenantId: string, region: string): Image[];
  /** A canned image (any region) or one of the tenant's snapshots. */
  find(tenantId: string, id: string): Image | undefined;
  /** A plausible ACTIVE image for an unknown id (the seed README: never 404). */
  plausible(id: string): Image;
}

/** Per-tenant part of the store: the Arch image's id and the snapshots. */
interface TenantImages {
  archId: string;
  snapshots: Map<string, Image>;
}

const SIZE_MIN = 250_000;
const SIZE_MAX = 80_000_000_000;
const FALLBACK = IMAGES.find((image) => image.name.startsWith('Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)'))!;

/** Canned ids and sizes are fixed per Mimic instance; snapshots and Arch's id per tenant. */
export function createImageCatalog(ctx: PluginContext): ImageCatalog {
  const canned = IMAGES.filter((spec) => !spec.perTenant).map((spec): Image => ({ id: ids.uuid(), spec, size: ids.int(SIZE_MIN, SIZE_MAX) }));
  const cannedById = new Map(canned.map((image) => [image.id, image]));
  const arch = IMAGES.find((spec) => spec.perTenant)!;
  const archSize = ids.int(SIZE_MIN, SIZE_MAX);
  const tenantImages = (tenantId: string) =>
    ctx.state.tenant<TenantImages>(tenantId, 'images', () => ({ archId: ids.uuid(), snapshots: new Map() }));
  const archOf = (tenantId: string): Image => ({ id: tenantImages(tenantId).archId, spec: arch, size: archSize });

  const catalog: ImageCatalog = {
    isInvalidImageRef: (id) => INVALID_IMAGE_REFS.includes(id) || id.endsWith('Z'),
    isInvalidFlavorRef: (id) => INVALID_FLAVOR_REFS.includes(id),
    list(tenantId, region) {
      const listed = canned.filter((image) => !image.spec.onMetal || region === 'IAD');
      return [...listed, archOf(tenantId), ...tenantImages(tenantId).snapshots.values()];
    },
    find(tenantId, id) {
      const mine = tenantImages(tenantId);
      if (id === mine.archId) return archOf(tenantId);
      return cannedById.get(id) ?? mine.snapshots.get(id);
    },
    plausible: (id) => ({ id, spec: { ...FALLBACK, name: `Image ${id}` }, size: SIZE_MIN }),
    addSnapshot(tenantId, sourceImageRef, name, server) {
      const source = catalog.find(tenantId, sourceImageRef) ?? catalog.plausible(sourceImageRef);
      const snapshot: Image = { id: ids.uuid(), spec: { ...source.spec, name, defaultShow: false }, size: source.size, snapshotOf: server };
      tenantImages(tenantId).snapshots.set(snapshot.id, snapshot);
      return snapshot.id;
    },
  };
  return catalog;
}

/** Links of compute.md §9, with the original's double slash in the alternate link fixed. */
export function imageLinks(root: string, tenantId: string, id: string): unknown[] {
  return [
    { href: `${root}/v2/${tenantId}/images/${id}`, rel: 'self' },
    { href: `${root}/${tenantId}/images/${id}`, rel: 'bookmark' },
    { href: `${root}/images/${id}`, type: 'application/vnd.openstack.image', rel: 'alternate' },
  ];
}

const CANNED_TIMESTAMP = '1972-01-01_15-59-11';

function imageMetadata(image: Image): Record<string, string> {
  const { spec } = image;
  return {
    flavor_classes: spec.flavorClasses,
    image_type: image.snapshotOf ? 'snapshot' : 'base',
    os_type: spec.osType,
    'org.openstack__1__os_distro': spec.distro,
    vm_mode: spec.vmMode,
    auto_disk_config: spec.autoDiskConfig,
  };
}

/** `/images/detail` entry: canned images carry the fixed timestamps; snapshots name their server. */
export function imageDetail(root: string, tenantId: string, image: Image): Record<string, unknown> {
  const common = {
    id: image.id,
    links: imageLinks(root, tenantId, image.id),
    name: image.spec.name,
    minRam: image.spec.minRam,
    minDisk: image.spec.minDisk,
    'OS-EXT-IMG-SIZE:size': image.size,
    'com.rackspace__1__ui_default_show': image.spec.defaultShow,
    metadata: imageMetadata(image),
  };
  if (image.snapshotOf) return { ...common, status: 'ACTIVE', server: image.snapshotOf };
  return { ...common, created: CANNED_TIMESTAMP, updated: CANNED_TIMESTAMP, progress: 100, status: 'ACTIVE' };
}

export function imageBrief(root: string, tenantId: string, image: Image): Record<string, unknown> {
  return { id: image.id, links: imageLinks(root, tenantId, image.id), name: image.spec.name };
}
