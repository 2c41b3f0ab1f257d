// Reads and discards what is left of a refused request body (up to a bound) before the refusal is sent, so a client
// still writing its body reads the 413 instead of a reset connection (workerd closes a connection whose request body
// is left unread). Past the bound the body is cancelled: a sender of endless data is not served.
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export async function drainBody(request: Request, limit = DRAIN_LIMIT_BYTES): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let read = 0;
  try {
    while (read <= limit) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drain.
  }
}
