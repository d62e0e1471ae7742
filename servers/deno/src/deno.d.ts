// The part of Deno's API this server uses (Deno's own typings come with its binary, not from npm).
interface DenoHttpServer {
  readonly addr: { hostname: string; port: number };
  /** Resolves once the server has closed. */
  readonly finished: Promise<void>;
  /** Stops accepting, lets pending requests finish, then closes their connections. */
  shutdown(): Promise<void>;
}

interface DenoServeOptions {
  hostname: string;
  port: number;
  /** Called once listening; without it Deno prints its own line. */
  onListen?(address: { hostname: string; port: number }): void;
  onError?(error: unknown): Response | Promise<Response>;
  /** Aborting it closes the server at once. */
  signal?: AbortSignal;
}

declare const Deno: {
  readonly version: { deno: string };
  serve(options: DenoServeOptions, handler: (request: Request) => Response | Promise<Response>): DenoHttpServer;
};
