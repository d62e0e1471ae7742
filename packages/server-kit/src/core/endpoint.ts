import { toolActivity } from '@mcp-runtimes/tools';
import { createBearerCheck } from './auth.js';
import { onBodyEnd } from './body-end.js';
import { withBodyDeadline } from './body-deadline.js';
import type { ServerConfig } from './server-config.js';
import { incomingFromRequest, isTextReply, RequestAbandoned, toResponse, type Incoming, type Reply } from './exchange.js';
import { createGuard } from './guard.js';
import { clientClosed, jsonResponse, jsonRpcError, RPC } from './responses.js';
import { createTurns } from './turns.js';
import { sdkOf, WIRINGS, type McpHandler } from './wirings.js';

/**
 * The core every server runs: routing, health, guards, the MCP wiring and in-flight
 * accounting. An adapter wraps its native request as an `Incoming`, calls `handle`, and
 * writes the `Reply` back; nothing else. `fetch` is the same over web Request/Response.
 */
export interface Endpoint {
  handle(incoming: Incoming): Promise<Reply>;
  fetch(request: Request): Promise<Response>;
  readonly config: ServerConfig;
  /** Requests whose response has not finished yet. */
  readonly inFlight: number;
  /** Since start: MCP requests taken on, answered, and refused with 503 because MCP_MAX_IN_FLIGHT were in flight. */
  readonly counts: { readonly accepted: number; readonly answered: number; readonly shed: number };
  readonly shuttingDown: boolean;
  /** From now on /health answers 503; resolves when nothing is in flight. */
  drain(): Promise<void>;
}

export interface EndpointOptions {
  /** Shown by /health so a client can tell which runtime it reached. */
  runtime: string;
  /**
   * The process's CPU time and memory for /health: what a runner that cannot see the process
   * (the docker-compose demo, --target) reads before and after a run. The host supplies it;
   * the core has no process of its own.
   */
  usage?: () => ProcessFigures;
}

/** The server process's own figures, as /health reports them. */
export interface ProcessFigures {
  cpu_seconds: number;
  rss_bytes: number;
  peak_rss_bytes: number;
}

const MCP_ALLOW = 'POST';
/** Seconds a client told 503 should wait; a shed request is cheap to retry. */
const RETRY_AFTER_S = '1';

/** Longest stretch of request work between two loop turns (see turns.ts). */
const TURN_SLICE_MS = 1;

export function createEndpoint(config: ServerConfig, { runtime, usage }: EndpointOptions): Endpoint {
  const guard = createGuard({
    bindHost: config.host,
    allowedHosts: config.allowedHosts,
    allowedOrigins: config.allowedOrigins,
  });
  const handleMcp: McpHandler = WIRINGS[config.wiring]({ maxBodyBytes: config.maxBodyBytes });
  // No token, no check (and no await on the hot path).
  const checkBearer = config.authToken === undefined ? null : createBearerCheck(config.authToken);
  const turns = createTurns(TURN_SLICE_MS);
  let inFlight = 0;
  let mcpInFlight = 0;
  const counts = { accepted: 0, answered: 0, shed: 0 };
  let shuttingDown = false;
  let onIdle: (() => void) | undefined;

  const release = () => {
    inFlight--;
    if (inFlight === 0) onIdle?.();
  };

  async function route(request: Incoming): Promise<Reply> {
    const pathname = request.path;
    if (pathname === config.mcpPath) {
      const verdict = guard(request.header('host') ?? null, request.header('origin') ?? null);
      if (!verdict.ok) return jsonRpcError(403, RPC.serverError, verdict.message);
      const unauthorized = checkBearer && (await checkBearer(request.header('authorization')));
      if (unauthorized) return unauthorized;
      if (request.method !== 'POST') {
        // Stateless serving has no standalone SSE stream (GET) and no session to delete (DELETE).
        return jsonRpcError(405, RPC.serverError, `Method Not Allowed: ${request.method} ${pathname} (use POST)`, {
          allow: MCP_ALLOW,
        });
      }
      if (config.maxInFlight > 0 && mcpInFlight >= config.maxInFlight) {
        // Shed at once, before reading the body: queueing past the limit only grows latency and memory.
        counts.shed++;
        return jsonRpcError(
          503,
          RPC.serverError,
          `Service Unavailable: ${config.maxInFlight} requests in flight (MCP_MAX_IN_FLIGHT); retry after ${RETRY_AFTER_S} s`,
          { 'retry-after': RETRY_AFTER_S },
        );
      }
      mcpInFlight++;
      counts.accepted++;
      let reply: Reply | undefined;
      try {
        await turns.enter();
        reply = await handleMcp(request);
        counts.answered++;
        // A streamed answer (SSE) is still at work until its body ends: it counts against the limit till then.
        if (!isTextReply(reply)) return onBodyEnd(reply, () => mcpInFlight--);
        return reply;
      } finally {
        if (reply === undefined || isTextReply(reply)) mcpInFlight--;
      }
    }
    if (pathname === '/health') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return jsonResponse(405, { error: 'method_not_allowed', message: 'Use GET /health' }, { allow: 'GET, HEAD' });
      }
      return jsonResponse(shuttingDown ? 503 : 200, {
        status: shuttingDown ? 'shutting_down' : 'ok',
        runtime,
        wiring: config.wiring,
        sdk: sdkOf(config.wiring),
        in_flight: inFlight,
        max_in_flight: config.maxInFlight,
        shed: counts.shed,
        tool_calls: toolActivity(),
        ...(usage ? { process: usage() } : {}),
      });
    }
    return jsonResponse(404, {
      error: 'not_found',
      message: `Not Found: ${request.method} ${pathname.slice(0, 200)} (the MCP endpoint is ${config.mcpPath})`,
    });
  }

  async function handle(request: Incoming): Promise<Reply> {
    inFlight++;
    let reply: Reply;
    try {
      reply = await withBodyDeadline(route(request), request, config.requestTimeoutMs);
    } catch (error) {
      if (error instanceof RequestAbandoned) {
        reply = clientClosed(); // nobody reads it; a vanished or too-slow client is not our error
      } else {
        // Never a stack trace on the wire: one line in the log, a JSON-RPC error to the client.
        console.error(`[${runtime}] internal error: ${(error as Error)?.message ?? String(error)}`);
        reply = jsonRpcError(500, RPC.internalError, 'Internal error');
      }
    }
    if (isTextReply(reply)) {
      if (shuttingDown) reply.headers.connection = 'close';
      release();
      return reply;
    }
    if (shuttingDown) reply.headers.set('connection', 'close');
    // A streamed answer stays counted until its body is written out.
    return onBodyEnd(reply, release);
  }

  return {
    config,
    counts,
    handle,
    fetch: async (request) => toResponse(await handle(incomingFromRequest(request))),
    get inFlight() {
      return inFlight;
    },
    get shuttingDown() {
      return shuttingDown;
    },
    drain() {
      shuttingDown = true;
      return new Promise<void>((resolve) => {
        if (inFlight === 0) resolve();
        else onIdle = resolve;
      });
    },
  };
}
