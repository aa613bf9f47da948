import { createMimic, type Mimic } from '@mimic/core';
import { identity } from '@mimic/identity';
import { compute } from '@mimic/compute';
import { clb } from '@mimic/clb';
// pkgcloud ships no types; the tests use the small surface they call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkgcloud = require('pkgcloud');

/** Mimic with every bundled plugin, as `mimic` starts it. */
export function startMimic(): Promise<Mimic> {
  return createMimic({ plugins: [identity(), compute(), clb()] });
}

/** The auth URL pkgcloud wants: it appends `/v2.0/tokens` itself. */
export function authUrl(mimic: Mimic): string {
  return `${mimic.url}identity`;
}

export function rackspaceClient(kind: 'compute' | 'loadbalancer', mimic: Mimic, username: string): any {
  return pkgcloud[kind].createClient({ provider: 'rackspace', username, apiKey: 'any-key', authUrl: authUrl(mimic), region: 'ORD' });
}

export function openstackClient(mimic: Mimic, username: string): any {
  return pkgcloud.compute.createClient({
    provider: 'openstack',
    username,
    password: 'any-password',
    authUrl: authUrl(mimic),
    region: 'ORD',
    tenantName: `${username}-tenant`,
  });
}

/** Calls a pkgcloud method with a node-style callback and resolves with its result. */
export function call<T = any>(client: any, method: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    client[method](...args, (error: Error | null, result: T) => (error ? reject(error) : resolve(result)));
  });
}

/** Calls a pkgcloud method that is expected to fail and resolves with its error. */
export async function failure(client: any, method: string, ...args: unknown[]): Promise<any> {
  try {
    await call(client, method, ...args);
  } catch (error) {
    return error;
  }
  throw new Error(`${method} was expected to fail`);
}
