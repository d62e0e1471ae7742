export { connect, type ConnectOptions, type McpClient, type McpConnection } from './connect.js';
export { PROTOCOLS, MODERN_PROTOCOL, isProtocol, modernRequest, type Protocol } from './protocol.js';
export { createFetch, type BoundFetch, type FetchLike, type TlsOptions, type TransportOptions } from './fetch.js';
export { createHttp2Fetch } from './http2-fetch.js';
export { connectStdio, type StdioConnection, type StdioOptions } from './stdio.js';
export { OnDemand } from './on-demand.js';
export { httpRawRequest, lastMessageIn, type RawAnswer, type RawRequest } from './raw.js';
