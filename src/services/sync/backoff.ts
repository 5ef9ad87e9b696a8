/** The floor of any backoff, so a run of failures never becomes a busy loop against the provider. */
export const MIN_BACKOFF_MS = 1_000;

export interface BackoffOptions {
  /** The ceiling of the first retry's delay; it doubles with each further failure. */
  readonly baseMs: number;
  /** No delay grows beyond this. */
  readonly maxMs: number;
  /** A number in [0, 1); `Math.random` in production, a seeded one in tests. */
  readonly random: () => number;
  /** Defaults to {@link MIN_BACKOFF_MS}; capped at `maxMs`. */
  readonly minMs?: number;
}

/**
 * The delay before the next try after `failures` failures in a row (1 for the first failure):
 * exponential with full jitter, a random delay in 0..min(maxMs, baseMs·2^(failures−1)), raised to
 * the floor. Full jitter spreads the retries of many tills that failed at the same moment.
 */
export function backoffDelay(failures: number, options: BackoffOptions): number {
  const { baseMs, maxMs, random } = options;
  const floor = Math.min(options.minMs ?? MIN_BACKOFF_MS, maxMs);
  const exponent = Math.max(0, Math.floor(failures) - 1);
  // 2 ** exponent reaches Infinity for large counts; Math.min keeps the ceiling finite.
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.max(floor, Math.floor(unit * ceiling));
}

/** How the last poll went. The caller counts failures in a row and sets them back to 0 on success. */
export type PollResult =
  | { readonly kind: 'ok' }
  | { readonly kind: 'failed'; readonly failures: number; readonly retryAfterMs?: number };

export interface PollDelayOptions extends BackoffOptions {
  /** The regular poll interval (the configured one, default 5 minutes). */
  readonly intervalMs: number;
}

/**
 * The delay before the next poll: the interval after success; after a failure, the provider's
 * Retry-After exactly when it gave one (it knows its own limits better than our backoff does),
 * otherwise the backoff.
 */
export function nextPollDelay(result: PollResult, options: PollDelayOptions): number {
  if (result.kind === 'ok') return options.intervalMs;
  if (result.retryAfterMs !== undefined && Number.isFinite(result.retryAfterMs)) return Math.max(0, result.retryAfterMs);
  return backoffDelay(result.failures, options);
}

/**
 * A Retry-After header in milliseconds from `now`: either delay-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"; a date already past gives 0). Undefined when absent or
 * unreadable, so the caller falls back to its backoff.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    const ms = Number(value) * 1_000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Date.parse reads bare numbers ("-5", "2") as years; every HTTP date names its month and weekday.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}
