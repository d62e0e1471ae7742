import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, loadConfig, usage, type ServerConfig } from './config.js';

/** Reads the config of a server's `main`, printing usage and exiting 2 on bad input. */
export function configFromProcess(runtime: string, defaultPort: number): ServerConfig {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(runtime));
    process.exit(0);
  }
  try {
    return loadConfig(argv, process.env, { port: defaultPort });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${runtime}: ${error.message}\n${usage(runtime)}`);
    process.exit(2);
  }
}

/** Exits with one clear line instead of a stack trace when a server cannot start. */
export function failStart(runtime: string, error: unknown): never {
  console.error(`${runtime}: cannot start: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
}

/** Waits MCP_STARTUP_DELAY_MS before a server listens: stands in for real initialisation work. */
export async function simulateStartup(config: ServerConfig): Promise<void> {
  if (config.startupDelayMs > 0) await sleep(config.startupDelayMs);
}
