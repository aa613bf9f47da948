/**
 * PLACEHOLDER — the images/flavors helper replaces this file. The interface
 * below is what the server routes rely on; keep these members.
 */
export interface ImageCatalog {
  /** True for an id in `invalid_image_ref` or ending in `Z` (GET and create answer 400). */
  isInvalidImageRef(id: string): boolean;
  /** True for an id in `invalid_flavor_ref` (GET and create answer 400). */
  isInvalidFlavorRef(id: string): boolean;
  /**
   * createImage: adds a snapshot of `sourceImageRef` (canned, snapshot, or unknown id) to the tenant's image
   * store, visible in every region; returns the new image id.
   */
  addSnapshot(tenantId: string, sourceImageRef: string, name: string, server: { id: string; links: unknown[] }): string;
}
