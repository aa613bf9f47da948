import { HttpError, isObject, readJson, respondEmpty, respondJson } from '@mimic/core';
import type { Context } from 'koa';
import { KeypairStore } from '../model/keypairs';
import type { ComputeRuntime } from './context';

const KEYPAIRS = '/v2/:tenantId/os-keypairs';

/** `os-keypairs` (compute.md §11), plus GET of one keypair (novaclient calls it). */
export function mountKeypairRoutes(rt: ComputeRuntime): void {
  const store = (k: Context) =>
    rt.ctx.state.region(String(k.params.tenantId), String(k.params.region), 'keypairs', () => new KeypairStore());
  const notFound = (name: string) => new HttpError(404, `Keypair ${name} not found`);

  rt.nova.get(KEYPAIRS, (k) => respondJson(k, 200, { keypairs: store(k).list().map((keypair) => ({ keypair })) }));

  rt.nova.post(KEYPAIRS, (k) => {
    const body = readJson(k);
    if (!body.ok || !isObject(body.value) || !isObject(body.value.keypair)) throw new HttpError(400, 'Malformed request body');
    const { name, public_key: publicKey } = body.value.keypair;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 255) {
      throw new HttpError(400, 'Keypair name must be a non-empty string of at most 255 characters');
    }
    if (publicKey !== undefined && publicKey !== null && typeof publicKey !== 'string') {
      throw new HttpError(400, 'public_key must be a string');
    }
    const added = store(k).add(name, publicKey ?? undefined);
    if (!added) throw new HttpError(409, `Key pair '${name}' already exists.`, { kind: 'conflictingRequest' });
    respondJson(k, 200, { keypair: added.privateKey ? { ...added.keypair, private_key: added.privateKey } : added.keypair });
  });

  rt.nova.get(`${KEYPAIRS}/:name`, (k) => {
    const keypair = store(k).get(String(k.params.name));
    if (!keypair) throw notFound(String(k.params.name));
    respondJson(k, 200, { keypair });
  });

  rt.nova.delete(`${KEYPAIRS}/:name`, (k) => {
    if (!store(k).remove(String(k.params.name))) throw notFound(String(k.params.name));
    respondEmpty(k, 202);
  });
}
