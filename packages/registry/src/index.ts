export { SERVERS, REPO_ROOT, serverEntry, serverMain, echoMain, certificatePath, type ServerEntry, type Protocol } from './servers.js';
export { launchServer, type LaunchOptions, type RunningServer } from './launch.js';
