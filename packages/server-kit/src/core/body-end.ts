/** An SSE response, written out as it is produced; any other body is complete in memory. */
export function isEventStream(response: Response): boolean {
  return response.body !== null && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

/**
 * Calls `done` once the response is over: at once for a body already complete in memory, or,
 * for an SSE stream, when it has been fully read or cancelled (a response in its own wrapper).
 */
export function onBodyEnd(response: Response, done: () => void): Response {
  let called = false;
  const finish = () => {
    if (!called) {
      called = true;
      done();
    }
  };
  if (!isEventStream(response)) {
    finish();
    return response;
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
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
