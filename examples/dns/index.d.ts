import type { MimicPlugin } from '@mimic/core';

export interface DnsOptions {
  /** Regions listed in the catalog; the real Cloud DNS is global, Mimic's catalog needs one. Default ["ORD"]. */
  regions?: string[];
}

/** A minimal Rackspace Cloud DNS v1.0 for Mimic. */
export declare function dns(options?: DnsOptions): MimicPlugin;
export declare const plugin: typeof dns;
