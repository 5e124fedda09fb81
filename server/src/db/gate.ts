import { AsyncLocalStorage } from 'node:async_hooks';

/** A held gate; `release()` is idempotent. */
export interface Lease {
  release(): void;
}

/**
 * A FIFO async mutex that knows who holds it.
 *
 * The better-sqlite3 driver adapter keeps one connection and opens interactive
 * transactions with a plain `BEGIN`: while one awaits, another request's query
 * would run inside it, and its acknowledged write would vanish if it rolled back.
 * Every SQLite query and transaction therefore passes through one gate per
 * database. Code running inside the holder's async context (the body of
 * `withTransaction`) re-enters freely; everything else queues. A lease only
 * grants re-entry while it is held, so work a transaction leaves behind (a
 * promise that settles after commit) queues like any other.
 */
export class Gate {
  readonly #context = new AsyncLocalStorage<symbol>();
  #tail: Promise<void> = Promise.resolve();
  #holder: symbol | null = null;
  #waiting = 0;

  /** Is the caller running inside the current holder's async context? */
  isHeldHere(): boolean {
    const token = this.#context.getStore();
    return token !== undefined && token === this.#holder;
  }

  /** Requests queued behind the holder (for diagnostics and tests). */
  get waiting(): number {
    return this.#waiting;
  }

  get busy(): boolean {
    return this.#holder !== null;
  }

  /** Waits for the gate (FIFO) and returns the lease; the caller must release it. */
  async acquire(): Promise<Lease & { token: symbol }> {
    const previous = this.#tail;
    let open!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.#waiting += 1;
    try {
      await previous;
    } finally {
      this.#waiting -= 1;
    }
    const token = Symbol('gate-lease');
    this.#holder = token;
    let released = false;
    return {
      token,
      release: () => {
        if (released) return;
        released = true;
        if (this.#holder === token) this.#holder = null;
        open();
      },
    };
  }

  /** Runs `fn` holding the gate; re-entrant for code already inside the holder's context. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.isHeldHere()) return fn();
    const lease = await this.acquire();
    try {
      return await this.#context.run(lease.token, fn);
    } finally {
      lease.release();
    }
  }
}
