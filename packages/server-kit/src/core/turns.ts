/**
 * Bounded event-loop turns for request work.
 *
 * Node 20's libuv accepts one connection per loop turn (since libuv#3696) and reads sockets
 * only between turns. A CPU-bound server whose turns run long therefore stops accepting and reading:
 * its backlog waits in kernel buffers, unseen, and no in-flight limit can shed it. Here a
 * turn admits requests for at most `sliceMs`; later ones wait (counted as in flight) for a
 * later turn, so the loop keeps coming back to accept, read and shed.
 */
export interface Turns {
  /** `undefined`: go ahead now. A promise: resolved when a later turn has room, oldest first. */
  enter(): Promise<void> | undefined;
  /** Requests waiting for a turn. */
  readonly waiting: number;
}

export function createTurns(sliceMs: number): Turns {
  let startedAt: number | null = null;
  let waiting = 0;

  const closeTurn = () => {
    startedAt = null;
  };
  /** Whether the current turn (opened now if none is) still has room. */
  const hasRoom = (now: number): boolean => {
    if (startedAt === null) {
      startedAt = now;
      // An immediate runs after the loop's next poll: the turn ends once the loop has gone round.
      setImmediate(closeTurn);
    }
    return now - startedAt < sliceMs;
  };
  const tryRun = (resolve: () => void) => {
    if (!hasRoom(performance.now())) return void setImmediate(tryRun, resolve);
    waiting--;
    resolve();
  };

  return {
    get waiting() {
      return waiting;
    },
    enter() {
      if (waiting === 0 && hasRoom(performance.now())) return undefined;
      waiting++;
      return new Promise<void>((resolve) => setImmediate(tryRun, resolve));
    },
  };
}
