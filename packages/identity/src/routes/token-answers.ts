import type { Session } from '@mimic/core';

interface Answer {
  expires: string;
  /** Unset for a session seen once: see body(). */
  catalog?: string;
  text?: string;
  /** Made on the first repeat of this text. */
  bytes?: Buffer;
}

/**
 * The last `POST /tokens` answers, as bytes, per session. Clients
 * authenticate the same user over and over, and within one second the answer
 * is the same (the session's token, tenant and user never change; `expires`
 * moves with the wall clock's second; the catalog only when services or the
 * Host change), so a repeat costs two string comparisons instead of building,
 * measuring and encoding ~3 KB of JSON. Bounded: when full, the oldest goes.
 */
export class TokenAnswers {
  private readonly answers = new Map<Session, Answer>();

  constructor(private readonly limit = 128) {}

  /** The answer body for `session`, rebuilt with `render()` unless the cached one has this expiry and catalog. */
  body(session: Session, expires: string, catalog: string, render: () => string): string | Buffer {
    const cached = this.answers.get(session);
    if (cached?.text !== undefined && cached.expires === expires && cached.catalog === catalog) {
      return (cached.bytes ??= Buffer.from(cached.text));
    }
    const text = render();
    // The text is kept from a session's second answer on: kept for every new user
    // (a run that creates thousands), 3 KB each would outlive the young generation.
    this.remember(session, cached === undefined ? { expires } : { expires, catalog, text });
    return text;
  }

  private remember(session: Session, answer: Answer): void {
    if (this.answers.has(session)) this.answers.delete(session);
    else if (this.answers.size >= this.limit) this.answers.delete(this.answers.keys().next().value as Session);
    this.answers.set(session, answer);
  }

  get size(): number {
    return this.answers.size;
  }
}
