/**
 * Returns a response whose body calls `done` once, when it has been fully read or cancelled.
 * Lets a per-request MCP server live exactly as long as the stream it answers on.
 */
export function onBodyEnd(response: Response, done: () => void): Response {
  let called = false;
  const finish = () => {
    if (!called) {
      called = true;
      done();
    }
  };
  if (response.body === null) {
    finish();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          controller.close();
          finish();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        finish();
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
