import { jsonEscape, jsonQuote } from '@mimic/core';
import { formatIpv4 } from './addresses';

/**
 * A Nova server as Mimic stores it: plain data, read-only outside the store.
 * Every change goes through ServerStore#update, which bumps `revision` (what
 * cached renderings key on). Timers for timed transitions live in the store.
 */
export interface Server {
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  readonly status: string;
  /** Clock seconds. */
  readonly created: number;
  readonly updated: number;
  readonly flavorRef: string;
  readonly imageRef: string;
  /** Flavor before a resize, until it is confirmed or reverted. */
  readonly previousFlavorRef?: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** Bumped by every change. */
  readonly revision: number;
  readonly keyName: string | null;
  readonly diskConfig: 'AUTO' | 'MANUAL';
  /** IPv4 addresses as 32-bit integers (formatIpv4; see publicAddress): a number costs a server no string of its own. */
  readonly privateIp: number;
  readonly publicIp: number;
}

/** Constants of compute.md §2. */
export const SERVER_CONSTANTS = Object.freeze({
  userId: '170454',
  hostId: '33ccb6c82f3625748b6f2338f54d8e9df07cc583251e001355569056',
  accessIPv4: '198.101.241.238',
  accessIPv6: '2001:4800:780e:0510:d87b:9cbc:ff04:513a',
});

export const DELETED = 'DELETED';

/** What a route may change on a stored server (ServerStore#update). */
export type ServerChanges = Partial<Pick<Server, 'name' | 'status' | 'flavorRef' | 'imageRef' | 'previousFlavorRef' | 'metadata'>>;

/** Renders links and JSON; `root` is `{pfx}` = `<base>mimicking/<NovaApi-id>/<region>`. */
export function serverLinks(root: string, server: Pick<Server, 'id' | 'tenantId'>): Array<{ href: string; rel: string }> {
  return [
    { href: `${root}/v2/${server.tenantId}/servers/${server.id}`, rel: 'self' },
    { href: `${root}/${server.tenantId}/servers/${server.id}`, rel: 'bookmark' },
  ];
}

export function serverAddresses(server: Server): Record<string, Array<{ addr: string; version: number }>> {
  return {
    private: [{ addr: formatIpv4(server.privateIp), version: 4 }],
    public: [
      { addr: formatIpv4(server.publicIp), version: 4 },
      { addr: SERVER_CONSTANTS.accessIPv6, version: 6 },
    ],
  };
}

/** The 202 body of `POST /servers` (compute.md §3). */
export function createdServer(root: string, server: Server, adminPass: string): { server: Record<string, unknown> } {
  return { server: { 'OS-DCF:diskConfig': server.diskConfig, id: server.id, links: serverLinks(root, server), adminPass } };
}

/** `JSON.stringify(createdServer(...))`, written as text: the hottest answer of a create-heavy test run. */
export function createdServerJson(root: string, server: Server, adminPass: string): string {
  const base = jsonEscape(root);
  const path = `${jsonEscape(server.tenantId)}/servers/${jsonEscape(server.id)}`;
  return (
    `{"server":{"OS-DCF:diskConfig":${jsonQuote(server.diskConfig)},"id":${jsonQuote(server.id)},` +
    `"links":[{"href":"${base}/v2/${path}","rel":"self"},{"href":"${base}/${path}","rel":"bookmark"}],` +
    `"adminPass":${jsonQuote(adminPass)}}}`
  );
}

/** `GET /servers` entry. */
export function briefServer(root: string, server: Server): Record<string, unknown> {
  return { name: server.name, links: serverLinks(root, server), id: server.id };
}

/** `GET /servers/<id>` body (compute.md §2), with the original's bookmark bug fixed (the image link carries the imageRef). */
export function detailServer(root: string, server: Server, iso: (seconds: number) => string): Record<string, unknown> {
  const { tenantId } = server;
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: tenantId,
    user_id: SERVER_CONSTANTS.userId,
    hostId: SERVER_CONSTANTS.hostId,
    progress: 100,
    accessIPv4: SERVER_CONSTANTS.accessIPv4,
    accessIPv6: SERVER_CONSTANTS.accessIPv6,
    'OS-DCF:diskConfig': server.diskConfig,
    'OS-EXT-STS:power_state': 1,
    'OS-EXT-STS:task_state': null,
    'OS-EXT-STS:vm_state': server.status,
    addresses: serverAddresses(server),
    created: iso(server.created),
    updated: iso(server.updated),
    flavor: { id: server.flavorRef, links: [{ href: `${root}/${tenantId}/flavors/${server.flavorRef}`, rel: 'bookmark' }] },
    image: { id: server.imageRef, links: [{ href: `${root}/${tenantId}/images/${server.imageRef}`, rel: 'bookmark' }] },
    links: serverLinks(root, server),
    key_name: server.keyName,
    metadata: server.metadata,
  };
}
