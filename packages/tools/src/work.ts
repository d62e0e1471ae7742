import { COMPLEXITY_ROUNDS, type Complexity } from './limits.js';

/** FNV-1a over UTF-16 code units: a cheap, stable seed from a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Deterministic CPU work: `rounds` of xorshift32 mixing seeded by the task.
 * Same input, same checksum, on every server and every run.
 */
export function simulateWork(task: string, complexity: Complexity): { rounds: number; checksum: string } {
  const rounds = COMPLEXITY_ROUNDS[complexity];
  let x = fnv1a(task) || 1;
  let acc = 0;
  for (let i = 0; i < rounds; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    acc = (acc + Math.imul(x, i | 1)) >>> 0;
  }
  return { rounds, checksum: toHex(acc ^ x) };
}

export function toHex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** Combines checksums in order, so a batch's checksum depends on every item and their order. */
export function combineChecksums(checksums: readonly string[]): string {
  return toHex(fnv1a(checksums.join(':')));
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PATTERN = ALPHABET.repeat(Math.ceil(65_536 / ALPHABET.length));

/** `bytes` ASCII characters starting at an offset taken from `seed`: deterministic filler. */
export function deterministicText(bytes: number, seed: string): string {
  if (bytes <= 0) return '';
  const start = fnv1a(seed) % ALPHABET.length;
  const rotated = PATTERN.slice(start) + PATTERN.slice(0, start);
  if (bytes <= rotated.length) return rotated.slice(0, bytes);
  return rotated.repeat(Math.ceil(bytes / rotated.length)).slice(0, bytes);
}
