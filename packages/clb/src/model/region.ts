import { behaviorsOf } from '../behaviors';
import { flat } from './errors';
import { refresh, type RefreshKind } from './lifecycle';
import { freshId, lookupIn, type LbCreateInput, type LoadBalancer } from './load-balancer';
import type { MetadataInput, MetadataItem } from './metadata';
import { createdSummary, recordFeed, type LbNode, type NodeInput } from './node';

/** Load-balancer ids are drawn from [0, 99999) (clb.md §3), so a region holds at most that many. */
export const LB_ID_BOUND = 99999;
export const NODE_ID_BOUND = 999999;
export const METADATA_ID_BOUND = 999;
export const NODE_LIMIT = 25;

export type RandomInt = (min: number, max: number) => number;

/**
 * One tenant's load balancers in one region: a Map by id (O(1) lookups,
 * creation order for listing). Every read goes through `settle`, which
 * applies the lazy status machine and drops load balancers whose time is up.
 */
export class LoadBalancerRegion {
  private readonly byId = new Map<number, LoadBalancer>();

  constructor(private readonly random: RandomInt) {}

  get size(): number {
    return this.byId.size;
  }

  /** The stored record, without refreshing it (the control plane reads it as is). */
  peek(id: number): LoadBalancer | undefined {
    return this.byId.get(id);
  }

  /** The record refreshed to `now`; undefined when unknown or when the refresh removed it. */
  find(id: number, now: number): LoadBalancer | undefined {
    const lb = this.byId.get(id);
    return lb && this.settle(lb, now, 'read') ? lb : undefined;
  }

  /** Every live load balancer in creation order, refreshed; removed ones are left out. Linear in the region's size. */
  list(now: number): LoadBalancer[] {
    const live: LoadBalancer[] = [];
    for (const lb of this.byId.values()) if (this.settle(lb, now, 'read')) live.push(lb);
    return live;
  }

  /** Applies the status machine to the stored record; false when the load balancer is now gone. */
  settle(lb: LoadBalancer, now: number, kind: RefreshKind): boolean {
    const next = refresh(lb, lb.behaviors, now, kind);
    if (!next) {
      this.byId.delete(lb.id);
      return false;
    }
    lb.status = next.status;
    lb.updated = next.updated;
    return true;
  }

  remove(id: number): void {
    this.byId.delete(id);
  }

  create(input: LbCreateInput, now: number): LoadBalancer {
    if (this.byId.size >= LB_ID_BOUND) throw flat(413, `Load balancers must not exceed ${LB_ID_BOUND} per region.`);
    if (input.nodes.length > NODE_LIMIT) throw flat(413, `Nodes must not exceed ${NODE_LIMIT} per load balancer.`);
    const id = freshId(LB_ID_BOUND, (n) => this.byId.has(n), this.random);
    const metadata = new Map<string, MetadataItem>();
    const lb: LoadBalancer = {
      id,
      name: input.name,
      protocol: input.protocol,
      port: input.port ?? 80,
      algorithm: input.algorithm || 'RANDOM',
      timeout: input.timeout ?? 30,
      httpsRedirect: input.httpsRedirect ?? false,
      halfClosed: input.halfClosed ?? false,
      connectionLogging: input.connectionLogging ?? { enabled: false },
      contentCaching: { enabled: false },
      accessList: new Map(),
      healthMonitor: {},
      status: 'ACTIVE',
      created: now,
      updated: now,
      metadata,
      behaviors: { errorState: false },
      nodes: new Map(),
    };
    this.addMetadata(lb, input.metadata);
    lb.status = lb.behaviors.building !== undefined ? 'BUILD' : 'ACTIVE';
    // Nodes given at creation are ONLINE and get no "created" feed entry (clb.md §3).
    this.addNodes(lb, input.nodes, { status: 'ONLINE' });
    this.byId.set(id, lb);
    return lb;
  }

  /**
   * Adds nodes after the duplicate and limit checks (clb.md §6); the whole
   * batch is rejected on any failure. A client-chosen id already in use is a
   * validation error (ids stay unique within the load balancer).
   */
  addNodes(lb: LoadBalancer, inputs: NodeInput[], options: { status: 'ONLINE' | 'OFFLINE'; feedAt?: number }): LbNode[] {
    const existing = new Set<string>();
    for (const node of lb.nodes.values()) existing.add(`${node.address}\u0000${node.port}`);
    if (inputs.some((n) => existing.has(`${n.address}\u0000${n.port}`))) {
      throw flat(413, 'Duplicate nodes detected. One or more nodes already configured on load balancer.');
    }
    if (lb.nodes.size + inputs.length > NODE_LIMIT) throw flat(413, `Nodes must not exceed ${NODE_LIMIT} per load balancer.`);
    const chosen = new Set<number>();
    for (const input of inputs) {
      if (input.id === undefined) continue;
      if (lb.nodes.has(input.id) || chosen.has(input.id)) {
        throw flat(400, `Node id ${input.id} is already in use on this load balancer.`);
      }
      chosen.add(input.id);
    }
    const added: LbNode[] = [];
    for (const input of inputs) {
      const id = input.id ?? freshId(NODE_ID_BOUND, (n) => lb.nodes.has(n) || chosen.has(n), this.random);
      const node: LbNode = { ...input, id, status: options.status, feed: [] };
      if (options.feedAt !== undefined) recordFeed(node, createdSummary(node), options.feedAt);
      lb.nodes.set(id, node);
      added.push(node);
    }
    return added;
  }

  /** Adds metadata items (keys must be new) and re-reads the behaviours. */
  addMetadata(lb: LoadBalancer, items: MetadataInput[]): MetadataItem[] {
    const added: MetadataItem[] = [];
    const taken = new Set([...lb.metadata.values()].map((item) => item.id));
    for (const { key, value } of items) {
      const id = freshId(METADATA_ID_BOUND, (n) => taken.has(n), this.random);
      taken.add(id);
      const item = { id, key, value };
      lb.metadata.set(key, item);
      added.push(item);
    }
    lb.behaviors = behaviorsOf(lookupIn(lb.metadata.values()));
    return added;
  }

  removeMetadata(lb: LoadBalancer, ids: ReadonlySet<number>): void {
    for (const [key, item] of lb.metadata) if (ids.has(item.id)) lb.metadata.delete(key);
    lb.behaviors = behaviorsOf(lookupIn(lb.metadata.values()));
  }
}
