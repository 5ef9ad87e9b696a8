/**
 * What the bench pages (screen, idle-poll and activation) share: their query
 * parameters, progress lines bench/run.mjs echoes, the result it reads, and cleaning up databases.
 */
import { deleteDB } from 'idb';

/** Where bench/run.mjs reads a page's outcome (`__benchResult`), and what the page is doing meanwhile. */
export const benchPage = window as unknown as { __benchResult?: unknown; __benchProgress?: string };

/** Positive integer query parameters, each with its default. */
export function intParams<T extends Record<string, number>>(defaults: T): T {
  const query = new URLSearchParams(location.search);
  const result: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = Number(query.get(name) ?? fallback);
    result[name] = Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
  }
  return result as T;
}

/** A line bench/run.mjs prints (it echoes console lines starting with "[bench]"). */
export function progress(text: string): void {
  benchPage.__benchProgress = text;
  console.log(`[bench] ${text}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

/** Publishes what `run` resolves with, or `{ ok: false, error }`, for bench/run.mjs. */
export function publish(run: () => Promise<object>): void {
  run().then(
    (result) => (benchPage.__benchResult = { ok: true, ...result }),
    (error: unknown) => {
      console.error(error);
      benchPage.__benchResult = { ok: false, error: errorText(error) };
    },
  );
}

/** Deletes this page's databases (their names start with `prefix`), never waiting more than 10 s. */
export async function deleteDatabases(prefix: string): Promise<void> {
  const names = ((await indexedDB.databases?.()) ?? []).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix));
  await Promise.all(
    names.map((name) =>
      Promise.race([
        deleteDB(name, { blocked: () => console.warn(`[bench] deleting ${name} is blocked by an open connection`) }),
        sleep(10_000).then(() => console.warn(`[bench] ${name} not deleted within 10 s`)),
      ]),
    ),
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
