/**
 * Runs `work` inside an open readwrite transaction and resolves once it has committed. When `work`
 * throws, the transaction is aborted so nothing of it is kept (IndexedDB does not abort by itself on
 * an error thrown between requests).
 */
export async function commitOrAbort<R>(tx: { readonly done: Promise<void>; abort(): void }, work: () => Promise<R>): Promise<R> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    // The abort rejects `done`, which nobody awaits any more.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already committed or aborted.
    }
    throw error;
  }
}
