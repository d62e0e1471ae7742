export { SERVERS, STDIO_SERVER, REPO_ROOT, serverEntry, serverMain, echoMain, stdioMain, certificatePath, type ServerEntry, type Protocol } from './servers.js';
export { launchServer, stopCounts, type LaunchOptions, type RunningServer } from './launch.js';
export { PEERS, peerEntry, entryOf, peerCommand, type PeerEntry, type PeerDifference } from './peers.js';
