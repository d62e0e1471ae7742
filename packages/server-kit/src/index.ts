export { loadConfig, usage, ConfigError, DEFAULT_MAX_BODY_BYTES, type ServerConfig } from './config.js';
export { configFromProcess, failStart } from './main-helpers.js';
export { createEndpoint, type Endpoint, type EndpointOptions } from './endpoint.js';
export { WIRINGS, WIRING_NAMES, type WiringName, type McpHandler } from './wirings.js';
export { createNodeHandler, toWebRequest, writeWebResponse } from './node-bridge.js';
export { serveUntilSignalled, endpointUrl, httpServerListener, readyLine, type Listener } from './lifecycle.js';
export { localhostCertificate, certificateFromFiles, defaultCertDir, type Certificate } from './certificate.js';
export { jsonResponse, jsonRpcError } from './responses.js';
export { isEventStream } from './body-end.js';
