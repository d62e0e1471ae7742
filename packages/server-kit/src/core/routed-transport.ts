import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js';

/** Where the answers to one HTTP request's calls go. */
export interface ReplySink {
  /** A message the server sent about one of this request's calls (e.g. progress). */
  notify(message: JSONRPCMessage): void;
  /** The answer to this request's call number `index`, already carrying the client's id. */
  answer(index: number, message: JSONRPCMessage): void;
}

interface Route {
  clientId: RequestId;
  index: number;
  sink: ReplySink;
}

/**
 * One SDK transport shared by every HTTP request, so one McpServer serves them all. The
 * SDK matches replies to requests by JSON-RPC id, and clients choose ids freely (every
 * client may send id 1): sharing a server by those ids hands one client's answer to another
 * (CVE-2026-25536). So each call enters the SDK under an id of ours, unique in this process,
 * and each reply goes back to the HTTP request that call came in, with the client's id
 * restored. The client's id is never used to route anything.
 */
export class RoutedTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onclose?: Transport['onclose'];
  onerror?: Transport['onerror'];

  private nextId = 0;
  private readonly routes = new Map<number, Route>();

  /**
   * @param deliverRequest where a request goes, already known to be one: the server's own request
   * path (see sdk-request-path.ts); without it, the message listener the server set on connect.
   */
  constructor(private readonly deliverRequest?: (request: JSONRPCRequest) => void) {}

  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.routes.clear();
    this.onclose?.();
  }

  /** Calls in flight, for tests and for the leak checks of the benchmark. */
  get pending(): number {
    return this.routes.size;
  }

  /** Hands requests to the server under ids of ours; returns those ids, to cancel them with. */
  dispatch(requests: readonly JSONRPCRequest[], sink: ReplySink): number[] {
    const ids: number[] = [];
    requests.forEach((request, index) => {
      const id = ++this.nextId;
      this.routes.set(id, { clientId: request.id, index, sink });
      ids.push(id);
    });
    requests.forEach((request, index) => {
      const message = { ...request, id: ids[index] as number };
      if (this.deliverRequest) this.deliverRequest(message);
      else this.onmessage?.(message);
    });
    return ids;
  }

  /**
   * The client went away: the SDK aborts each call's handler (the tool sees its signal fire)
   * and sends no answer; nothing is routed to this request any more.
   */
  cancel(ids: readonly number[], reason: string): void {
    for (const id of ids) {
      if (!this.routes.delete(id)) continue;
      this.onmessage?.({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason } });
    }
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if ('id' in message && ('result' in message || 'error' in message)) {
      const route = typeof message.id === 'number' ? this.routes.get(message.id) : undefined;
      if (!route) return; // its request was cancelled
      this.routes.delete(message.id as number);
      route.sink.answer(route.index, { ...message, id: route.clientId });
      return;
    }
    // Notifications (and requests) from the server belong to the call they were sent for; with
    // no call to go with, a stateless server has no stream to put them on.
    const related = options?.relatedRequestId;
    const route = typeof related === 'number' ? this.routes.get(related) : undefined;
    route?.sink.notify(message);
  }
}
