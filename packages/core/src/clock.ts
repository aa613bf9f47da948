import { formatIsoMicro } from './timestamps';

/** A scheduled callback; `cancel()` is idempotent. */
export interface ScheduledCall {
  readonly due: number;
  cancel(): void;
}

export interface ClockOptions {
  /** `virtual` (default) moves only on tick; `realtime` follows the wall clock plus tick offsets. */
  mode?: 'virtual' | 'realtime';
  /** Clock value (epoch seconds) at creation. Default 0 (1970-01-01T00:00:00Z). */
  start?: number;
  /** Wall clock in milliseconds; injectable for tests of realtime mode. */
  wallMillis?: () => number;
}

interface Entry {
  due: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

/**
 * Mimic's controllable clock (core.md §3). Time never runs backwards: a tick
 * sets `now += amount`, then runs every callback due at or before the new now
 * in (due, scheduling order), including callbacks queued by those callbacks
 * when already due. Callbacks therefore observe the final `now`.
 * Due callbacks live in a binary heap, so a tick completing k of n pending
 * transitions costs O(k log n).
 */
export class Clock {
  readonly mode: 'virtual' | 'realtime';
  readonly start: number;
  private offset = 0;
  private readonly wallMillis: () => number;
  private readonly wallAtStart: number;
  private heap: Entry[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private lastIsoSeconds = Number.NaN;
  private lastIso = '';

  constructor(options: ClockOptions = {}) {
    this.mode = options.mode ?? 'virtual';
    this.start = options.start ?? 0;
    if (!Number.isFinite(this.start) || this.start < 0) {
      throw new RangeError(`clock start must be a non-negative number of epoch seconds, got ${String(options.start)}`);
    }
    this.wallMillis = options.wallMillis ?? (() => Date.now());
    this.wallAtStart = this.wallMillis();
  }

  /** Current clock value in epoch seconds. */
  now(): number {
    if (this.mode === 'virtual') return this.start + this.offset;
    return this.start + (this.wallMillis() - this.wallAtStart) / 1000 + this.offset;
  }

  /** `now()` in the reference's `YYYY-MM-DDTHH:MM:SS.ffffffZ` format. */
  iso(seconds: number = this.now()): string {
    // Bodies format the same few instants over and over (a virtual clock stands still between ticks).
    if (seconds !== this.lastIsoSeconds) {
      this.lastIso = formatIsoMicro(seconds);
      this.lastIsoSeconds = seconds;
    }
    return this.lastIso;
  }

  /** Advances time by `amount` seconds (finite, >= 0) and runs what became due. */
  tick(amount: number): number {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new RangeError('tick amount must be a finite, non-negative number of seconds');
    }
    this.offset += amount;
    this.runDue();
    return this.now();
  }

  /** Runs `run` once the clock reaches now + delay (on a later tick; delay 0 waits for the next tick). */
  schedule(delaySeconds: number, run: () => void): ScheduledCall {
    const delay = Number.isFinite(delaySeconds) && delaySeconds > 0 ? delaySeconds : 0;
    const entry: Entry = { due: this.now() + delay, seq: this.seq++, run, cancelled: false };
    this.push(entry);
    this.armRealtimeTimer();
    return {
      due: entry.due,
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** Number of callbacks still waiting (cancelled ones may be counted until they surface). */
  get pending(): number {
    return this.heap.length;
  }

  /** Drops every scheduled callback (used by reset). */
  clearScheduled(): void {
    this.heap = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resets time to the start value and drops every scheduled callback. */
  resetTime(): void {
    this.clearScheduled();
    this.offset = this.mode === 'virtual' ? 0 : -(this.wallMillis() - this.wallAtStart) / 1000;
  }

  /** Stops the realtime timer so the process can exit. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private runDue(): void {
    if (this.ticking) return; // a callback that ticks re-enters; the outer loop picks up the rest
    this.ticking = true;
    try {
      const now = this.now();
      while (this.heap.length > 0 && this.heap[0].due <= now) {
        const entry = this.pop()!;
        if (!entry.cancelled) entry.run();
      }
    } finally {
      this.ticking = false;
    }
    this.armRealtimeTimer();
  }

  private armRealtimeTimer(): void {
    if (this.mode !== 'realtime') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.heap.length === 0) return;
    const wait = Math.max(0, (this.heap[0].due - this.now()) * 1000);
    this.timer = setTimeout(() => this.runDue(), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l], heap[smallest])) smallest = l;
        if (r < heap.length && before(heap[r], heap[smallest])) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/** Real time in epoch seconds: the one place Mimic reads the wall clock outside a realtime Clock (token expiry, `--clock-start now`). */
export function wallClockSeconds(): number {
  return Date.now() / 1000;
}
