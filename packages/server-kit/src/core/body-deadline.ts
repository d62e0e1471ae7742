import type { Incoming, Reply } from './exchange.js';
import { requestTimedOut } from './responses.js';

/**
 * The deadline on a body that trickles in (MCP_REQUEST_TIMEOUT_MS, counted from the headers):
 * once it passes with the body still arriving, the client gets 408 and the body is no longer
 * read; the work that waited for it ends with the read. For adapters whose HTTP stack does not
 * enforce it (the fetch servers); the node and uWS adapters cut the connection themselves.
 */
export function withBodyDeadline(work: Promise<Reply>, incoming: Incoming, timeoutMs: number): Promise<Reply> {
  const { bodyReceived, abandonBody } = incoming;
  if (timeoutMs <= 0 || bodyReceived === undefined || bodyReceived()) return work;
  return new Promise<Reply>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (bodyReceived()) return;
      abandonBody?.();
      resolve(requestTimedOut(timeoutMs));
    }, timeoutMs);
    work.then(
      (reply) => {
        clearTimeout(timer);
        resolve(reply);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
