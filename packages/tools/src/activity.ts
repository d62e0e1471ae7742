/**
 * Tool runs of this process: how many are running, how many were cancelled by their signal
 * (the client went away, or asked to cancel), and how many ended otherwise. Servers show it on
 * /health, which is how the tests and the benchmark see that an abort reaches the tool.
 */
export interface ToolActivity {
  running: number;
  cancelled: number;
  /** Ended with a result or an error of their own, not by their signal. */
  finished: number;
}

const activity: ToolActivity = { running: 0, cancelled: 0, finished: 0 };

export function toolActivity(): Readonly<ToolActivity> {
  return { ...activity };
}

/** Runs one tool's awaited work, counted; a run that ends because its signal fired counts as cancelled. */
export async function trackToolRun<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  activity.running++;
  try {
    const result = await run();
    activity.finished++;
    return result;
  } catch (error) {
    if (signal?.aborted) activity.cancelled++;
    else activity.finished++;
    throw error;
  } finally {
    activity.running--;
  }
}
