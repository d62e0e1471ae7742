import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { agentIdSchema } from './agent-task.js';
import { LIMITS } from './limits.js';

const intents = ['request', 'inform', 'delegate', 'report'] as const;

/** The prompt, independent of the framework that serves it (a peer registers it through its own API). */
export const agentCommunicationPrompt = {
  name: 'agent_communication',
  title: 'Agent communication',
  description: 'A message from one agent to another (agent-to-agent communication template)',
  argsShape: {
    from_agent: agentIdSchema.describe('The sending agent'),
    to_agent: agentIdSchema.describe('The receiving agent'),
    message: z.string().min(1).max(LIMITS.promptMessageChars).describe('What to tell the other agent'),
    intent: z.enum(intents).optional().describe(`One of ${intents.join(', ')} (default request)`),
  },
} as const;

/** The arguments as one zod object, for a framework that takes a schema (or validates by hand). */
export const agentCommunicationArgsSchema = z.object(agentCommunicationPrompt.argsShape);

export type AgentCommunicationArgs = z.output<z.ZodObject<typeof agentCommunicationPrompt.argsShape>>;

/** prompts/get of agent_communication, for arguments already validated against argsShape. */
export function renderAgentCommunication({ from_agent, to_agent, message, intent }: AgentCommunicationArgs) {
  return {
    description: `Message from ${from_agent} to ${to_agent}`,
    messages: [
      {
        role: 'user' as const,
        content: {
          type: 'text' as const,
          text:
            `You are agent ${to_agent}. Agent ${from_agent} sends you a ${intent ?? 'request'}:\n\n` +
            `${message}\n\nReply to ${from_agent} with what you will do and what you need.`,
        },
      },
    ],
  };
}

export function registerPrompts(server: McpServer): void {
  const { name, title, description, argsShape } = agentCommunicationPrompt;
  server.registerPrompt(name, { title, description, argsSchema: argsShape }, renderAgentCommunication);
}
