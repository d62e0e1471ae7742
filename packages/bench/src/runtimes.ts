import { baseName, onRuntime, serverEntry, type RuntimeName } from '@mcp-runtimes/registry';

/**
 * `--runtimes`: each named server on each of the runtimes it runs on, in the order the runtimes
 * were given; a server that runs on none of them drops out. Names that already carry a runtime
 * are taken as their server.
 */
export function serversOnRuntimes(servers: readonly string[], runtimes: readonly RuntimeName[]): string[] {
  const bases = [...new Set(servers.map(baseName))];
  return bases.flatMap((base) => {
    const entry = serverEntry(base);
    return runtimes.filter((runtime) => entry.runtimes.includes(runtime)).map((runtime) => onRuntime(base, runtime));
  });
}
