/**
 * A FIFO mutex. PGlite has exactly one connection, so every use of it — a single query,
 * a whole transaction, pg-boss's polling — must hold this lock from start to end; two
 * transactions interleaved on one connection would silently merge.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function releases it (call exactly once). */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  /** Runs `fn` while holding the lock. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
