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
} from './host/config.js';
export { nodeHttpTimeouts } from './adapters/timeouts.js';
export { configFromProcess, failStart, simulateStartup } from './host/main-helpers.js';
export { LineTransport } from './host/line-transport.js';
export { createEndpoint, type Endpoint, type EndpointOptions } from './core/endpoint.js';
export { abortSignalOf, RequestAbandoned, incomingFromRequest, isTextReply, toResponse, webUrl, type Incoming, type Reply, type TextReply } from './core/exchange.js';
export { WIRINGS, WIRING_NAMES, sdkOf, type WiringName, type McpHandler } from './core/wirings.js';
export { createNodeHandler, toWebRequest, writeWebResponse, type FrameworkBody } from './adapters/node.js';
export { serveUntilSignalled, endpointUrl, httpServerListener, readyLine, type Listener } from './host/lifecycle.js';
export { localhostCertificate, certificateFromFiles, defaultCertDir, type Certificate } from './host/certificate.js';
export { jsonResponse, jsonRpcError, requestTimedOut } from './core/responses.js';
export { isEventStream } from './core/body-end.js';
export { fetchListener, internalErrorResponse, type FetchServerControls } from './adapters/fetch.js';
export { processUsage } from './host/process-usage.js';
export { withBodyDeadline } from './core/body-deadline.js';
export type { ProcessFigures } from './core/endpoint.js';
