import { ids } from '@mimic/core';

export interface Keypair {
  readonly name: string;
  readonly public_key: string;
  readonly fingerprint: string;
  readonly user_id: string;
}

const FINGERPRINT = 'aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa:aa';

/** One tenant+region's keypairs, in creation order, names unique (compute.md §11). */
export class KeypairStore {
  private readonly byName = new Map<string, Keypair>();

  list(): Keypair[] {
    return [...this.byName.values()];
  }

  get(name: string): Keypair | undefined {
    return this.byName.get(name);
  }

  /** Adds a keypair; undefined when the name is taken. Without a public key, a fake pair is generated (as Nova does). */
  add(name: string, publicKey: string | undefined): { keypair: Keypair; privateKey?: string } | undefined {
    if (this.byName.has(name)) return undefined;
    const generated = publicKey === undefined;
    const keypair: Keypair = {
      name,
      public_key: publicKey ?? `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${ids.hex(64)} mimic-generated`,
      fingerprint: FINGERPRINT,
      user_id: 'fake',
    };
    this.byName.set(name, keypair);
    if (!generated) return { keypair };
    return { keypair, privateKey: `-----BEGIN RSA PRIVATE KEY-----\n${ids.hex(64)}\n-----END RSA PRIVATE KEY-----\n` };
  }

  remove(name: string): boolean {
    return this.byName.delete(name);
  }
}
