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
    return this.current(server, root, render).json;
  }

  /**
   * `{"server": <json>}` as UTF-8 bytes, the body of `GET /servers/<id>`.
   * Bytes, because a string body is measured (Buffer.byteLength) and encoded
   * again on every send; polling clients send this request over and over.
   */
  single(server: Server, root: string, render: () => unknown): Buffer {
    const entry = this.current(server, root, render);
    return (entry.single ??= Buffer.from(`{"server":${entry.json}}`));
  }

  /** The server's rendering for this revision and root, made with `render()` when there is none. */
  private current(server: Server, root: string, render: () => unknown): Rendering {
    const hit = this.entries.get(server);
    if (hit !== undefined && hit.revision === server.revision && hit.root === root) return hit;
    if (hit !== undefined) this.entries.delete(server);
    else if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as Server);
    const made: Rendering = { revision: server.revision, root, json: JSON.stringify(render()) };
    this.entries.set(server, made);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
