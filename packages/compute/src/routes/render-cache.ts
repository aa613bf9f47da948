import type { Server } from '../model/server';

interface Rendering {
  revision: number;
  root: string;
  json: string;
  /** `{"server": json}` as UTF-8 bytes, made on the first `GET /servers/<id>` of this revision. */
  single?: Buffer;
}

/**
 * The JSON of recently rendered server details, reused while the server's
 * revision and the URL root it was rendered for stay the same. Clients poll
 * `GET /servers/<id>` while they wait for ACTIVE, and serializing the detail
 * was most of that request's CPU (docs/performance.md). Bounded: when full,
 * the oldest rendering goes.
 */
export class RenderCache {
  private readonly entries = new Map<Server, Rendering>();

  constructor(private readonly limit = 1024) {}

  /** `render()`'s result as JSON text, from the cache when still current. */
  json(server: Server, root: string, render: () => unknown): string {
    const hit = this.entries.get(server);
    if (hit !== undefined && hit.revision === server.revision && hit.root === root) return hit.json;
    const json = JSON.stringify(render());
    if (hit !== undefined) this.entries.delete(server);
    else if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as Server);
    this.entries.set(server, { revision: server.revision, root, json });
    return json;
  }

  /**
   * `{"server": <json>}` as UTF-8 bytes, the body of `GET /servers/<id>`.
   * Bytes, because a string body is measured (Buffer.byteLength) and encoded
   * again on every send; polling clients send this request over and over.
   */
  single(server: Server, root: string, render: () => unknown): Buffer {
    const json = this.json(server, root, render);
    const entry = this.entries.get(server)!;
    return (entry.single ??= Buffer.from(`{"server":${json}}`));
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
