/**
 * Where a peer (or a server's runtime) answers differently from our servers by design (its own error texts or status
 * codes): a measured fact, held true by the contract suites (each must still be observed, and
 * any difference not listed fails them), and listed in the report and the README.
 */
export interface PeerDifference {
  /** The suite and its case, as the suites name them: 'bad-input: unknown tool'. */
  check: string;
  /** What the peer answers instead, in words. */
  answer: string;
  /** The HTTP status it answers with, where that is part of the difference. */
  status?: number;
  /** A pattern its answer's body matches. */
  matches: RegExp;
  /** Only over this HTTP version (where the request our client sends differs between them). */
  only?: '1.1' | '2';
}
