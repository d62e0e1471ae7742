/** "<who> exited <code>: <its last lines>", the one way the bench says why a child process failed. */
export function exitMessage(who: string, code: number | null, output: string, lines = 3): string {
  return `${who} exited ${code}: ${output.trim().split('\n').slice(-lines).join(' ')}`;
}
