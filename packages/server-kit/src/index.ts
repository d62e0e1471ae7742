export {
  loadConfig,
  usage,
  ConfigError,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ServerConfig,
} from './config.js';
export { nodeHttpTimeouts } from './timeouts.js';
export { configFromProcess, failStart, simulateStartup } from './main-helpers.js';
export { LineTransport } from './line-transport.js';
export { createEndpoint, type Endpoint, type EndpointOptions } from './endpoint.js';
export { abortSignalOf, RequestAbandoned, incomingFromRequest, isTextReply, toResponse, webUrl, type Incoming, type Reply, type TextReply } from './exchange.js';
export { WIRINGS, WIRING_NAMES, sdkOf, type WiringName, type McpHandler } from './wirings.js';
export { createNodeHandler, toWebRequest, writeWebResponse } from './node-bridge.js';
export { serveUntilSignalled, endpointUrl, httpServerListener, readyLine, type Listener } from './lifecycle.js';
export { localhostCertificate, certificateFromFiles, defaultCertDir, type Certificate } from './certificate.js';
export { jsonResponse, jsonRpcError, requestTimedOut } from './responses.js';
export { isEventStream } from './body-end.js';
export { fetchListener, internalErrorResponse, type FetchServerControls } from './fetch-listener.js';
export { processUsage } from './process-usage.js';
export { withBodyDeadline } from './body-deadline.js';
export type { ProcessFigures } from './endpoint.js';
