// The part of Bun's API this server uses (Bun's own typings, bun-types, redeclare Node's globals).
interface BunServer {
  readonly port: number;
  readonly pendingRequests: number;
  /** Stops listening; `true` also closes every open connection. Resolves once they are closed. */
  stop(closeActiveConnections?: boolean): Promise<void>;
}

interface BunServeOptions {
  hostname: string;
  port: number;
  /** Seconds a connection may stay idle, reading headers included; 0 = none, at most 255. */
  idleTimeout?: number;
  /** Bun answers 413 itself past this; the core's own limit answers first with a JSON-RPC error. */
  maxRequestBodySize?: number;
  fetch(request: Request): Response | Promise<Response>;
  error?(error: Error): Response | Promise<Response>;
}

declare const Bun: {
  readonly version: string;
  serve(options: BunServeOptions): BunServer;
};
