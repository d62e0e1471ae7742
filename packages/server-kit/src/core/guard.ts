/**
 * DNS-rebinding protection (required by the MCP spec for local servers): a browser tricked
 * into calling 127.0.0.1 sends a foreign Host and Origin, which are refused here.
 */

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** 127.0.0.0/8 as a literal address: "127.0.0.1.evil.com" is a name anyone can point anywhere. */
const IPV4_LOOPBACK = /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_HOSTNAMES.has(host) || IPV4_LOOPBACK.test(host);
}

/** `localhost:3000` → `localhost`, `[::1]:80` → `[::1]`; null when it is not a plausible host. */
function hostnameOf(hostHeader: string): string | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/.exec(hostHeader);
  return match?.[1]?.toLowerCase() ?? null;
}

export interface GuardOptions {
  /** The interface the server binds; Host is checked only when it is loopback or hosts are configured. */
  bindHost: string;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
}

export type GuardVerdict = { ok: true } | { ok: false; message: string };

export function createGuard(options: GuardOptions): (host: string | null, origin: string | null) => GuardVerdict {
  const checkHost = isLoopbackAddress(options.bindHost) || options.allowedHosts.length > 0;
  const allowedHosts = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
  const allowedOrigins = new Set(options.allowedOrigins);

  const hostAllowed = (host: string): boolean => {
    if (allowedHosts.has(host.toLowerCase())) return true;
    const hostname = hostnameOf(host);
    return hostname !== null && (isLoopbackAddress(hostname) || allowedHosts.has(hostname));
  };

  const originAllowed = (origin: string): boolean => {
    if (allowedOrigins.has(origin)) return true;
    const match = /^https?:\/\/([^/]+)$/.exec(origin);
    const hostname = match?.[1] ? hostnameOf(match[1]) : null;
    return hostname !== null && isLoopbackAddress(hostname);
  };

  return (host, origin) => {
    if (checkHost && (host === null || !hostAllowed(host))) {
      return { ok: false, message: `Forbidden: Host header ${JSON.stringify(host ?? '')} is not allowed` };
    }
    if (origin !== null && !originAllowed(origin)) {
      return { ok: false, message: `Forbidden: Origin ${JSON.stringify(origin)} is not allowed` };
    }
    return { ok: true };
  };
}
