export { connect, type ConnectOptions, type McpConnection } from './connect.js';
export { createFetch, type BoundFetch, type FetchLike, type TlsOptions, type TransportOptions } from './fetch.js';
export { createHttp2Fetch } from './http2-fetch.js';
