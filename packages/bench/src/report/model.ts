// What a report is made of, independent of how it is rendered (Markdown or HTML).
export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'chart'; id: string; svg: string; alt: string };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  /** Comes before the contents: the answer a reader opens the report for. */
  lead?: boolean;
}

export interface Report {
  title: string;
  sections: Section[];
}
