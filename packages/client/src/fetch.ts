import { Agent, fetch as undiciFetch } from 'undici';
import { createHttp2Fetch } from './http2-fetch.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface TlsOptions {
  /** Extra CA (PEM) to trust, e.g. the project's `.certs/localhost-cert.pem`. */
  ca?: string | Buffer;
  /** Accept any certificate. For local testing only. */
  insecure?: boolean;
}

export interface TransportOptions extends TlsOptions {
  /** "1.1": a keep-alive pool; "2": one HTTP/2 connection (h2c for http:, h2 for https:). */
  http?: '1.1' | '2';
  /** HTTP/1.1 only: most connections kept open to the origin (default 10). */
  connections?: number;
}

/** A fetch bound to one origin and protocol, and a way to close its connections. */
export interface BoundFetch {
  fetch: FetchLike;
  /** HTTP/2: sessions opened so far (1 while the server keeps it open); HTTP/1.1: undefined. */
  connectionsOpened(): number | undefined;
  close(): Promise<void>;
}

export function createFetch(url: string | URL, options: TransportOptions = {}): BoundFetch {
  const origin = new URL(url).origin;
  if (options.http === '2') return createHttp2Fetch(origin, options);
  const agent = new Agent({
    connections: options.connections ?? 10,
    connect: { ca: options.ca, rejectUnauthorized: !options.insecure, ALPNProtocols: ['http/1.1'] },
  });
  const fetch: FetchLike = (input, init) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    }) as unknown as Promise<Response>;
  return { fetch, connectionsOpened: () => undefined, close: () => agent.close() };
}
