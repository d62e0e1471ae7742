import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;
export type ReportProgress = (progress: number, total: number, message: string) => Promise<void>;

/** Sends notifications/progress only when the caller asked for them with a progressToken. */
export function progressReporter(extra: ToolExtra): ReportProgress {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return async () => {};
  return async (progress, total, message) => {
    await extra.sendNotification({
      method: 'notifications/progress',
      params: { progressToken, progress, total, message },
    });
  };
}
