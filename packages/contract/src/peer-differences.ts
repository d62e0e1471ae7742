/**
 * A peer is held to our contract except where its registry entry declares a difference. A
 * declared difference must still be observed (else the list would say something untrue), and
 * every declared one must be checked by some suite (else a typo would hide it).
 */
import { peerEntry, type PeerDifference } from '@mcp-runtimes/registry';
import { expect } from 'vitest';

const visited = new Set<string>();

export function declaredDifference(server: string, check: string, http?: '1.1' | '2'): PeerDifference | undefined {
  return peerEntry(server)?.differences.find((d) => d.check === check && (d.only === undefined || d.only === http));
}

/**
 * Runs our expectations on a peer's answer, or, where the peer declares a difference at this
 * check, the declared one: and then ours must fail.
 */
export function expectOursOrDeclared(server: string, check: string, answer: { status: number; text: string; http?: '1.1' | '2' }, ours: () => void): void {
  const declared = declaredDifference(server, check, answer.http);
  if (declared) visited.add(`${server}|${check}`);
  if (!declared) {
    try {
      return ours();
    } catch (error) {
      // What to declare, if this difference is the peer's by design.
      throw new Error(`${server} differs at "${check}" and declares no difference (packages/registry/src/peers.ts): status ${answer.status}, body ${answer.text.slice(0, 240)}\n${(error as Error).message}`);
    }
  }
  if (declared.status !== undefined) expect(answer.status, `${server} at "${check}"`).toBe(declared.status);
  expect(answer.text, `${server} at "${check}": its declared difference`).toMatch(declared.matches);
  let same = true;
  try {
    ours();
  } catch {
    same = false;
  }
  expect(same, `${server} now answers "${check}" as our servers do: remove the difference its registry entry declares`).toBe(false);
}

/** Declared differences of a suite that no test checked, one over an HTTP version only counting once it applied (call after the suite's peer tests). */
export function uncheckedDifferences(suite: string, servers: readonly string[]): string[] {
  return servers.flatMap((server) =>
    (peerEntry(server)?.differences ?? [])
      .filter((d) => d.check.startsWith(`${suite}: `) && !visited.has(`${server}|${d.check}`))
      .map((d) => `${server}: "${d.check}"`),
  );
}
