import { waitUntil } from '@open-wc/testing';

/**
 * `waitUntil`, with its message built when the wait gives up, so it can say what was seen last (a
 * message built before the wait, as `waitUntil` takes it, shows the state before the wait).
 */
export async function waitFor(predicate: () => unknown, message: () => string, options?: { interval?: number; timeout?: number }): Promise<void> {
  try {
    await waitUntil(predicate, undefined, options);
  } catch {
    throw new Error(`Timeout: ${message()}`);
  }
}
