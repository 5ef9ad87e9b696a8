import { expect } from '@open-wc/testing';
import { mulberry32 } from '../../../shell/data/mulberry32.js';
import { MIN_BACKOFF_MS, backoffDelay, nextPollDelay, parseRetryAfter, type PollResult } from '../../../src/services/sync/backoff.js';

/** A seeded generator, so jitter tests are reproducible. */
const seeded = mulberry32;

const base = { baseMs: 2_000, maxMs: 5 * 60_000 };

describe('backoffDelay', () => {
  it('uses the full ceiling base·2^(failures−1) when random is near 1', () => {
    const almostOne = () => 0.999_999_999;
    expect(backoffDelay(1, { ...base, random: almostOne })).to.equal(1_999);
    expect(backoffDelay(2, { ...base, random: almostOne })).to.equal(3_999);
    expect(backoffDelay(3, { ...base, random: almostOne })).to.equal(7_999);
    expect(backoffDelay(5, { ...base, random: almostOne })).to.equal(31_999);
  });

  it('never exceeds maxMs, even after very many failures', () => {
    const almostOne = () => 0.999_999_999;
    expect(backoffDelay(9, { ...base, random: almostOne })).to.equal(base.maxMs - 1);
    expect(backoffDelay(10_000, { ...base, random: almostOne })).to.equal(base.maxMs - 1);
    expect(backoffDelay(10_000, { ...base, random: () => 1 })).to.equal(base.maxMs);
  });

  it('never goes below the floor', () => {
    expect(backoffDelay(1, { ...base, random: () => 0 })).to.equal(MIN_BACKOFF_MS);
    expect(backoffDelay(20, { ...base, random: () => 0 })).to.equal(MIN_BACKOFF_MS);
    expect(backoffDelay(3, { ...base, minMs: 5_000, random: () => 0 })).to.equal(5_000);
    // A floor above the ceiling cannot win over maxMs.
    expect(backoffDelay(3, { baseMs: 100, maxMs: 500, random: () => 0 })).to.equal(500);
  });

  it('treats 0 or fewer failures like the first', () => {
    const half = () => 0.5;
    expect(backoffDelay(0, { ...base, random: half })).to.equal(backoffDelay(1, { ...base, random: half }));
    expect(backoffDelay(-3, { ...base, random: half })).to.equal(backoffDelay(1, { ...base, random: half }));
  });

  it('keeps seeded jitter within [floor, ceiling] and spreads it out', () => {
    const random = seeded(42);
    for (let failures = 1; failures <= 12; failures++) {
      const ceiling = Math.min(base.maxMs, base.baseMs * 2 ** (failures - 1));
      const delays = Array.from({ length: 200 }, () => backoffDelay(failures, { ...base, random }));
      for (const d of delays) {
        expect(d).to.be.at.least(MIN_BACKOFF_MS);
        expect(d).to.be.at.most(ceiling);
        expect(Number.isInteger(d)).to.equal(true);
      }
      // Full jitter: delays are spread, not bunched at the ceiling.
      if (ceiling >= 8_000) {
        expect(Math.min(...delays)).to.be.below(ceiling / 4);
        expect(Math.max(...delays)).to.be.above((ceiling * 3) / 4);
      }
    }
  });

  it('is reproducible with the same seed', () => {
    const a = seeded(7);
    const b = seeded(7);
    const runA = [1, 2, 3, 4, 5, 6].map((f) => backoffDelay(f, { ...base, random: a }));
    const runB = [1, 2, 3, 4, 5, 6].map((f) => backoffDelay(f, { ...base, random: b }));
    expect(runA).to.deep.equal(runB);
  });
});

describe('nextPollDelay', () => {
  const options = { ...base, intervalMs: 5 * 60_000, random: () => 0.5 };

  it('waits the poll interval after success', () => {
    expect(nextPollDelay({ kind: 'ok' }, options)).to.equal(options.intervalMs);
  });

  it('backs off after failures, growing with the count', () => {
    expect(nextPollDelay({ kind: 'failed', failures: 1 }, options)).to.equal(MIN_BACKOFF_MS);
    expect(nextPollDelay({ kind: 'failed', failures: 3 }, options)).to.equal(4_000);
    expect(nextPollDelay({ kind: 'failed', failures: 6 }, options)).to.equal(32_000);
  });

  it('honours Retry-After exactly, even beyond maxMs or below the floor', () => {
    expect(nextPollDelay({ kind: 'failed', failures: 4, retryAfterMs: 120_000 }, options)).to.equal(120_000);
    expect(nextPollDelay({ kind: 'failed', failures: 4, retryAfterMs: 3_600_000 }, options)).to.equal(3_600_000);
    expect(nextPollDelay({ kind: 'failed', failures: 1, retryAfterMs: 0 }, options)).to.equal(0);
  });

  it('starts over after a success: the caller resets failures, and the first failure again waits little', () => {
    // A run as a caller would drive it: fail, fail, fail, succeed, fail.
    const outcomes = [false, false, false, true, false];
    let failures = 0;
    const delays: number[] = [];
    const almostOne = { ...options, random: () => 0.999_999_999 };
    for (const ok of outcomes) {
      failures = ok ? 0 : failures + 1;
      const result: PollResult = ok ? { kind: 'ok' } : { kind: 'failed', failures };
      delays.push(nextPollDelay(result, almostOne));
    }
    expect(delays).to.deep.equal([1_999, 3_999, 7_999, options.intervalMs, 1_999]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 2, 2, 9, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
  });

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:01:30 GMT', now)).to.equal(90_000);
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).to.equal(5_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', now)).to.equal(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('', now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
    expect(parseRetryAfter('1.5', now)).to.equal(undefined);
    expect(parseRetryAfter('9'.repeat(400), now)).to.equal(undefined);
  });
});
