import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { agentIdSchema } from './agent-task.js';
import { LIMITS } from './limits.js';

const intents = ['request', 'inform', 'delegate', 'report'] as const;

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'agent_communication',
    {
      title: 'Agent communication',
      description: 'A message from one agent to another (agent-to-agent communication template)',
      argsSchema: {
        from_agent: agentIdSchema.describe('The sending agent'),
        to_agent: agentIdSchema.describe('The receiving agent'),
        message: z.string().min(1).max(LIMITS.promptMessageChars).describe('What to tell the other agent'),
        intent: z.enum(intents).optional().describe(`One of ${intents.join(', ')} (default request)`),
      },
    },
    ({ from_agent, to_agent, message, intent }) => ({
      description: `Message from ${from_agent} to ${to_agent}`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text:
              `You are agent ${to_agent}. Agent ${from_agent} sends you a ${intent ?? 'request'}:\n\n` +
              `${message}\n\nReply to ${from_agent} with what you will do and what you need.`,
          },
        },
      ],
    }),
  );
}
