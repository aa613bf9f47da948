import type { Clock, ScheduledCall } from '@mimic/core';
import { PrivateAddressPool, publicAddress } from './addresses';
import { Interner } from './interner';
import { ServerNumbers } from './server-numbers';
import type { CreateRequest } from './create-request';
import { DELETED, type Server, type ServerChanges } from './server';

type Stored = { -readonly [K in keyof Server]: Server[K] };

/** The filters of `GET /servers[/detail]` (compute.md §4), already parsed. */
export interface ListQuery {
  changesSince?: number;
  marker?: string;
  name?: string;
  limit?: number;
}

export type ListResult = { ok: true; servers: Server[] } | { ok: false; markerNotFound: string };

const NO_METADATA: Readonly<Record<string, string>> = Object.freeze({});

function isEmpty(record: object): boolean {
  for (const _key in record) return false;
  return true;
}

/**
 * One tenant+region's servers, in creation order (deleted ones included, for
 * `changes-since`), with O(1) lookup by id (an id names its position:
 * server-numbers.ts) and pending timed transitions.
 */
export class ServerStore {
  private readonly ordered: Server[] = [];
  private readonly numbers = new ServerNumbers();
  private readonly timers = new Map<string, ScheduledCall>();
  private readonly addresses = new PrivateAddressPool();

  constructor(
    private readonly tenantId: string,
    private readonly clock: Clock,
    /** Shared by every store of a Mimic instance. */
    private readonly refs: Interner = new Interner(),
  ) {}

  create(fields: CreateRequest, status: string): Server {
    const id = this.numbers.idAt(this.ordered.length);
    const now = this.clock.now();
    // Every field spelled out, in one order: one object shape for all servers.
    const server: Server = {
      id,
      name: fields.name,
      tenantId: this.tenantId,
      status,
      created: now,
      updated: now,
      flavorRef: this.refs.intern(fields.flavorRef),
      imageRef: this.refs.intern(fields.imageRef),
      // Most servers have none: share one frozen empty set (changes replace the object).
      metadata: isEmpty(fields.metadata) ? NO_METADATA : fields.metadata,
      revision: 0,
      keyName: this.refs.intern(fields.keyName),
      diskConfig: fields.diskConfig,
      privateIp: this.addresses.next(),
      publicIp: publicAddress(),
    };
    this.ordered.push(server);
    return server;
  }

  /** Any server with this id, deleted ones included. */
  get(id: string): Server | undefined {
    const position = this.position(id);
    return position === undefined ? undefined : this.ordered[position];
  }

  /** Where the server with this id sits in creation order, if it exists. */
  private position(id: string): number | undefined {
    const position = this.numbers.positionOf(id);
    return position !== undefined && position < this.ordered.length && this.ordered[position].id === id ? position : undefined;
  }

  /** A server that exists and is not deleted. */
  live(id: string): Server | undefined {
    const server = this.get(id);
    return server && server.status !== DELETED ? server : undefined;
  }

  get size(): number {
    return this.ordered.length;
  }

  /** The one way a stored server changes: applies `changes` and bumps its revision. */
  update(server: Server, changes: ServerChanges): void {
    const stored = server as Stored;
    Object.assign(stored, changes);
    stored.revision += 1;
  }

  /** An update that also bumps `updated` (status, name and metadata changes; compute.md §2). */
  touch(server: Server, changes: ServerChanges): void {
    this.update(server, changes);
    (server as Stored).updated = this.clock.now();
  }

  /** A status update: sets the status and bumps `updated`. */
  setStatus(server: Server, status: string): void {
    this.touch(server, { status });
  }

  /**
   * After `delay` seconds the server becomes `status` (a status update),
   * replacing any transition already pending. Deleting cancels it.
   */
  transition(server: Server, delay: number, status: string): void {
    this.cancelTransition(server);
    const call = this.clock.schedule(delay, () => {
      this.timers.delete(server.id);
      if (server.status !== DELETED) this.setStatus(server, status);
    });
    this.timers.set(server.id, call);
  }

  cancelTransition(server: Server): void {
    this.timers.get(server.id)?.cancel();
    this.timers.delete(server.id);
  }

  delete(server: Server): void {
    this.cancelTransition(server);
    this.setStatus(server, DELETED);
  }

  /**
   * compute.md §4: changes-since, then marker (deleted servers count), then
   * name, then drop DELETED unless changes-since, then limit. Without
   * changes-since a page costs O(limit) when the name filter is not sparse.
   */
  list(query: ListQuery): ListResult {
    const { changesSince, name, limit } = query;
    const inWindow = (server: Server) => changesSince === undefined || server.updated >= changesSince;
    let start = 0;
    if (query.marker !== undefined) {
      const position = this.position(query.marker);
      if (position === undefined || !inWindow(this.ordered[position])) return { ok: false, markerNotFound: query.marker };
      start = position + 1;
    }
    const servers: Server[] = [];
    const wanted = limit ?? Number.POSITIVE_INFINITY;
    for (let i = start; i < this.ordered.length && servers.length < wanted; i++) {
      const server = this.ordered[i];
      if (!inWindow(server)) continue;
      if (name !== undefined && !server.name.includes(name)) continue;
      if (changesSince === undefined && server.status === DELETED) continue;
      servers.push(server);
    }
    return { ok: true, servers };
  }
}
