/**
 * Something started on first use (a server process, a connection), once: concurrent first
 * callers share the one start-up in flight (single flight) instead of each starting their own.
 * A failed start is not kept: the next caller tries again.
 */
export class OnDemand<T> {
  private current: Promise<T> | undefined;
  private started = 0;

  constructor(
    private readonly start: () => Promise<T>,
    private readonly stopValue: (value: T) => Promise<void>,
  ) {}

  /** The running value, starting it if nothing is running or starting. */
  get(): Promise<T> {
    if (this.current === undefined) {
      this.started++;
      const starting = this.start().catch((error: unknown) => {
        if (this.current === starting) this.current = undefined;
        throw error;
      });
      this.current = starting;
    }
    return this.current;
  }

  /** How many start-ups were begun so far. */
  get startups(): number {
    return this.started;
  }

  /** Stops what is running (waiting for a start in flight); the next get() starts again. */
  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    if (running === undefined) return;
    const value = await running.then(
      (v) => ({ ok: true as const, v }),
      () => ({ ok: false as const }),
    );
    if (value.ok) await this.stopValue(value.v);
  }
}
