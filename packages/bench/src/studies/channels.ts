// One connection (or pool, or pipe) to a server, through which a study sends the same tool call
// either with the reference client (the SDK Client) or as hand-written JSON-RPC.
import { connect, connectStdio, type McpClient, type RawRequest } from '@mcp-runtimes/client';
import type { ChannelKind, ChannelSpec } from './model.js';

export interface Channel {
  kind: ChannelKind;
  /** `agent_task` through the reference client; rejects unless the answer is this task's. */
  call(task: string, delayMs: number): Promise<void>;
  /** The same call as hand-written JSON-RPC on the same connection. */
  handWritten(task: string, delayMs: number): Promise<void>;
  /** HTTP/2: sessions opened so far. */
  connectionsOpened(): number | undefined;
  close(): Promise<void>;
}

export function toolArguments(task: string, delayMs: number) {
  return { name: 'agent_task', arguments: { task, ...(delayMs > 0 ? { delay_ms: delayMs } : {}) } };
}

function checkResult(result: unknown, task: string): void {
  const r = result as { isError?: boolean; structuredContent?: { task?: unknown } } | undefined;
  if (r?.isError || r?.structuredContent?.task !== task) {
    throw new Error(`wrong answer for task ${task}: ${JSON.stringify(result).slice(0, 200)}`);
  }
}

/** `agent_task` through the reference client; rejects unless the answer is this task's. */
export async function callAgentTask(client: McpClient, task: string, delayMs: number): Promise<void> {
  checkResult(await client.callTool(toolArguments(task, delayMs)), task);
}

/** The same call as hand-written JSON-RPC. */
async function handWrittenAgentTask(request: RawRequest, task: string, delayMs: number): Promise<void> {
  const answer = await request('tools/call', toolArguments(task, delayMs));
  if (answer.error) throw new Error(`JSON-RPC error for task ${task}: ${answer.error.message}`);
  checkResult(answer.result, task);
}

export async function openChannel(spec: ChannelSpec, poolConnections: number): Promise<Channel> {
  const session = await openSession(spec, poolConnections);
  return {
    kind: spec.kind,
    call: (task, delayMs) => callAgentTask(session.client, task, delayMs),
    handWritten: (task, delayMs) => handWrittenAgentTask(session.request, task, delayMs),
    connectionsOpened: () => session.connectionsOpened?.(),
    close: () => session.close(),
  };
}

/** The reference client on a pipe or an HTTP connection (one, a pool, or HTTP/2). */
async function openSession(
  spec: ChannelSpec,
  poolConnections: number,
): Promise<{ client: McpClient; request: RawRequest; connectionsOpened?: () => number | undefined; close(): Promise<void> }> {
  if (spec.kind === 'stdio') {
    const [command, ...args] = spec.command ?? [];
    if (command === undefined) throw new Error('a stdio channel needs a command');
    return connectStdio({ command, args, clientName: 'mcp-runtimes-bench' });
  }
  if (spec.url === undefined) throw new Error(`a ${spec.kind} channel needs a URL`);
  return connect(spec.url, {
    http: spec.kind === 'h2' ? '2' : '1.1',
    connections: spec.kind === 'h1-pool' ? poolConnections : 1,
    clientName: 'mcp-runtimes-bench',
  });
}
