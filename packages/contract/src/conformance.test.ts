/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance) against every server.
 * Only the scenarios that apply to our surface run: the others call fixtures of the suite's own
 * test server (test_simple_text, test://static-text, test_simple_prompt, ...), which a
 * reference server of this project does not serve. See the README for the list and reasons.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { certificatePath } from '@mcp-runtimes/registry';
import { afterAll, describe, expect, it } from 'vitest';
import { startFleet } from './harness.js';

export const APPLICABLE_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'resources-list',
  'prompts-list',
  'dns-rebinding-protection',
] as const;

const run = promisify(execFile);
const cli = join(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json'), '../dist/index.js');
const node20Shim = fileURLToPath(new URL('../conformance/node20-register.mjs', import.meta.url));

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
}

async function runScenario(url: string, scenario: string): Promise<Check[]> {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  try {
    await run(process.execPath, ['--import', node20Shim, cli, 'server', '--url', url, '--scenario', scenario, '-o', out], {
      // The TLS listener is reached over HTTP/1.1 by the suite's fetch, trusting our certificate.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certificatePath() },
      timeout: 60_000,
    }).catch((error: { stdout?: string }) => error); // a failing scenario exits 1; the checks say why
    const [resultDir] = readdirSync(out);
    if (resultDir === undefined) throw new Error(`conformance wrote no result for ${scenario} at ${url}`);
    return JSON.parse(readFileSync(join(out, resultDir, 'checks.json'), 'utf8')) as Check[];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fleet = await startFleet();
afterAll(() => fleet.stop());

// h2c is skipped: the suite's client (undici fetch) speaks HTTP/1.1 or h2 over TLS only.
const targets = fleet.targets.filter((t) => t.transport.http === '1.1');

/**
 * dns-rebinding-protection "applies to localhost MCP servers running without HTTPS": over TLS the
 * forged Host fails certificate verification before it reaches us, which the suite counts as a
 * failed request. The same guard serves the TLS listener; the bad-input suite checks it there.
 */
function appliesTo(scenario: string, url: string): boolean {
  return !(scenario === 'dns-rebinding-protection' && url.startsWith('https:'));
}

describe.each(targets)('$label', (target) => {
  it.each(APPLICABLE_SCENARIOS.filter((s) => appliesTo(s, target.url)))('passes %s', async (scenario) => {
    const checks = await runScenario(target.url, scenario);
    const failed = checks.filter((c) => c.status === 'FAILURE');
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(checks.filter((c) => c.status === 'SUCCESS').length).toBeGreaterThan(0);
  });
});
