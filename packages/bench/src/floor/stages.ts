// The parts of an MCP call the floor also runs on their own, so that a wiring's cost per call
// splits by difference into the tool, the JSON either side of it, and the rest (the protocol's
// checks and the SDK's validation and dispatch): each stage does one part of the work the
// wiring's handler does for the same saturation request.
import { agentTaskTool, toolSchemas, type ToolContext } from '@mcp-runtimes/tools';

/** What a stage is built from: the saturation request and a wiring's answer to it. */
export interface StageInput {
  body: string;
  answer: string;
}

const NO_PROGRESS: ToolContext = { signal: new AbortController().signal, report: async () => {} };

export const FLOOR_STAGES = {
  /** The tool's own work for the request's arguments, already validated: no JSON, no MCP. */
  tool: ({ body }: StageInput) => {
    const { params } = JSON.parse(body) as { params: { arguments: Record<string, unknown> } };
    const input = toolSchemas(agentTaskTool).input.parse(params.arguments);
    return async () => {
      await agentTaskTool.run(input, NO_PROGRESS);
    };
  },
  /** The request read and an answer of the same size written, as JSON: what any JSON-RPC server does, without MCP. */
  json: ({ body, answer }: StageInput) => {
    const value: unknown = JSON.parse(answer);
    return async () => {
      JSON.parse(body);
      JSON.stringify(value);
    };
  },
} satisfies Record<string, (input: StageInput) => () => Promise<void>>;

export type FloorStage = keyof typeof FLOOR_STAGES;

export function isFloorStage(name: string): name is FloorStage {
  return Object.hasOwn(FLOOR_STAGES, name);
}
