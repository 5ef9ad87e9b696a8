import { expect } from '@open-wc/testing';
import { ShellClock } from '../../../shell/host/shell-clock.js';

const START = Date.parse('2026-03-02T09:00:00Z');

describe('ShellClock', () => {
  it('runs due timers in time order, each seeing its own due time', () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const ran: [string, number][] = [];
    clock.setTimeout(() => ran.push(['c', clock.now() - START]), 3000);
    clock.setTimeout(() => ran.push(['a', clock.now() - START]), 1000);
    clock.setTimeout(() => ran.push(['b', clock.now() - START]), 2000);
    clock.setTimeout(() => ran.push(['late', clock.now() - START]), 10_000);
    clock.advance(5000);
    expect(ran).to.deep.equal([
      ['a', 1000],
      ['b', 2000],
      ['c', 3000],
    ]);
    expect(clock.now()).to.equal(START + 5000);
    expect(clock.pendingTimers).to.equal(1);
  });

  it('runs timers scheduled by timers when they fall due within the same advance', () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const ran: number[] = [];
    const poll = () => {
      ran.push(clock.now() - START);
      clock.setTimeout(poll, 5 * 60_000);
    };
    clock.setTimeout(poll, 5 * 60_000);
    clock.advance(16 * 60_000);
    expect(ran).to.deep.equal([5 * 60_000, 10 * 60_000, 15 * 60_000]);
  });

  it('does not run a disposed timer, and keeps going when one throws', () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('cancelled'), 10).dispose();
    clock.setTimeout(() => {
      throw new Error('boom (expected in this test)');
    }, 20);
    clock.setTimeout(() => ran.push('after'), 30);
    clock.advance(100);
    expect(ran).to.deep.equal(['after']);
  });

  it('fires onDidJump on advance and set; set back runs nothing', () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const jumps: number[] = [];
    clock.onDidJump((t) => jumps.push(t));
    let ran = 0;
    clock.setTimeout(() => ran++, 60_000);
    clock.set(START - 3_600_000);
    expect(ran).to.equal(0);
    clock.set(START + 3_600_000);
    expect(ran).to.equal(1);
    clock.advance(1);
    expect(jumps).to.deep.equal([START - 3_600_000, START + 3_600_000, START + 3_600_001]);
  });

  it('keeps real time running with an offset and fires real timers', async () => {
    const clock = new ShellClock({ start: START });
    expect(Math.abs(clock.now() - START)).to.be.below(50);
    const fired = new Promise<number>((resolve) => clock.setTimeout(() => resolve(clock.now()), 20));
    expect((await fired) - START).to.be.at.least(20);
    clock.dispose();
  });

  it('advanceAsync lets async work of a timer finish before the next one', async () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const log: string[] = [];
    const poll = async () => {
      log.push('poll start');
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      log.push('poll end');
    };
    clock.setTimeout(() => void poll(), 1000);
    clock.setTimeout(() => log.push('second'), 2000);
    await clock.advanceAsync(3000);
    expect(log).to.deep.equal(['poll start', 'poll end', 'second']);
  });

  it('advanceAsync with "settled" runs the next timer only once slow work a timer started is done', async () => {
    const clock = new ShellClock({ start: START, realTime: false });
    const log: string[] = [];
    let inFlight = 0;
    // A request of 100 ms real time (longer than the few task turns advanceAsync waits by default)
    // with a timeout of 30 s on the clock, as the Locally client has; a jump of 5 minutes must not
    // overtake the request and run its timeout.
    const request = async () => {
      inFlight++;
      const timeout = clock.setTimeout(() => log.push('timed out'), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      timeout.dispose();
      log.push('answered');
      inFlight--;
    };
    clock.setTimeout(() => void request(), 1000);
    const settled = async () => {
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await clock.advanceAsync(5 * 60_000, { settled });
    expect(log).to.deep.equal(['answered']);
    expect(clock.now()).to.equal(START + 5 * 60_000);

    // Without it, the same jump overtakes the request.
    clock.setTimeout(() => void request(), 1000);
    await clock.advanceAsync(5 * 60_000);
    expect(log).to.deep.equal(['answered', 'timed out']);
    await settled();
  });
});
