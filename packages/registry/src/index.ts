export { SERVERS, STDIO_SERVER, REPO_ROOT, serverEntry, isOurServer, baseName, onRuntime, onDefaultRuntime, runtimeOf, serverFolder, serverMain, echoMain, stdioMain, certificatePath, type ServerEntry, type Protocol } from './servers.js';
export { launchServer, packagedCommand, runtimeCommand, stopAllServers, stopCounts, type LaunchOptions, type RunningServer } from './launch.js';
export { PEERS, peerEntry, entryOf, peerCommand, type PeerEntry } from './peers.js';
export type { PeerDifference } from './differences.js';
export { RUNTIMES, RUNTIME_NAMES, DEFAULT_NODE_RUNTIME, isRuntimeName, runtimeEntry, runtimeBinary, requireRuntimeBinary, type RuntimeEntry, type RuntimeName } from './runtimes.js';
export { USOCKETS_HEADERS_DEADLINE, type SlowClientCutoffs, type FixedDeadline } from './slow-clients.js';
