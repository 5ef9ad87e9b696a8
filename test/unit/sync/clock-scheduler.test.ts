import { expect } from '@open-wc/testing';
import { delay, interval, of, take, timer, type Observable, type SchedulerAction } from 'rxjs';
import { ShellClock } from '../../../shell/host/shell-clock.js';
import { ClockScheduler } from '../../../src/services/sync/clock-scheduler.js';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const FIVE_MINUTES = 5 * 60_000;

describe('ClockScheduler', () => {
  let clock: ShellClock;
  let scheduler: ClockScheduler;

  beforeEach(() => {
    clock = new ShellClock({ start: START, realTime: false });
    scheduler = new ClockScheduler(clock);
  });

  afterEach(() => {
    scheduler.dispose();
    clock.dispose();
  });

  it('tells the clock time', () => {
    expect(scheduler.now()).to.equal(START);
    clock.advance(1234);
    expect(scheduler.now()).to.equal(START + 1234);
  });

  /** Nothing before five minutes on the clock; then one 0, complete, and no clock timer left. */
  function expectOneZeroAfterFiveMinutes(five: Observable<number>): void {
    const seen: number[] = [];
    let completed = false;
    five.subscribe({ next: (v) => seen.push(v), complete: () => (completed = true) });
    expect(clock.pendingTimers).to.equal(1);
    clock.advance(FIVE_MINUTES - 1);
    expect(seen).to.deep.equal([]);
    clock.advance(1);
    expect(seen).to.deep.equal([0]);
    expect(completed).to.equal(true);
    expect(clock.pendingTimers).to.equal(0);
  }

  it('emits a timer only once the clock has moved by its delay', () => {
    expectOneZeroAfterFiveMinutes(timer(FIVE_MINUTES, scheduler));
  });

  it('has a timer of its own that does as rxjs\'s timer on it: one 0 after the delay, then complete', () => {
    expectOneZeroAfterFiveMinutes(scheduler.timer(FIVE_MINUTES));
    expect(scheduler.pendingActions).to.equal(0);
  });

  it('cancels its timer when unsubscribed before the delay, and starts none once disposed', () => {
    const seen: number[] = [];
    const subscription = scheduler.timer(1_000).subscribe((v) => seen.push(v));
    subscription.unsubscribe();
    expect(clock.pendingTimers).to.equal(0);
    clock.advance(5_000);
    expect(seen).to.deep.equal([]);

    scheduler.dispose();
    scheduler.timer(1_000).subscribe((v) => seen.push(v));
    expect(clock.pendingTimers).to.equal(0);
    clock.advance(5_000);
    expect(seen).to.deep.equal([]);
  });

  it('runs interval by rescheduling one action, one clock timer at a time', () => {
    const seen: Array<[number, number]> = [];
    const sub = interval(1_000, scheduler).subscribe((n) => seen.push([n, clock.now() - START]));
    clock.advance(3_500);
    expect(seen).to.deep.equal([[0, 1_000], [1, 2_000], [2, 3_000]]);
    expect(clock.pendingTimers).to.equal(1);
    expect(scheduler.pendingActions).to.equal(1);
    sub.unsubscribe();
    expect(clock.pendingTimers).to.equal(0);
    expect(scheduler.pendingActions).to.equal(0);
    clock.advance(10_000);
    expect(seen).to.have.length(3);
  });

  it('lets work reschedule itself with new state and delay', () => {
    const runs: Array<[number, number]> = [];
    scheduler.schedule(
      function (this: SchedulerAction<number>, count = 0) {
        runs.push([count, clock.now() - START]);
        if (count < 3) this.schedule(count + 1, (count + 1) * 100);
      },
      50,
      0,
    );
    clock.advance(10_000);
    expect(runs).to.deep.equal([[0, 50], [1, 150], [2, 350], [3, 650]]);
    expect(clock.pendingTimers).to.equal(0);
    expect(scheduler.pendingActions).to.equal(0);
  });

  it('replaces a pending timer when an action is rescheduled before it ran', () => {
    const runs: number[] = [];
    const action = scheduler.schedule(() => runs.push(clock.now() - START), 1_000) as SchedulerAction<void>;
    action.schedule(undefined, 5_000);
    expect(clock.pendingTimers).to.equal(1);
    clock.advance(4_999);
    expect(runs).to.deep.equal([]);
    clock.advance(1);
    expect(runs).to.deep.equal([5_000]);
  });

  it('cancels the clock timer when a subscription ends before it is due', () => {
    const seen: number[] = [];
    const sub = timer(FIVE_MINUTES, scheduler).subscribe((v) => seen.push(v));
    expect(clock.pendingTimers).to.equal(1);
    sub.unsubscribe();
    expect(clock.pendingTimers).to.equal(0);
    clock.advance(FIVE_MINUTES);
    expect(seen).to.deep.equal([]);
  });

  it('drives time-based operators such as delay and take', () => {
    const seen: Array<[string, number]> = [];
    of('a', 'b').pipe(delay(2_000, scheduler)).subscribe((v) => seen.push([v, clock.now() - START]));
    interval(300, scheduler).pipe(take(2)).subscribe((n) => seen.push([`tick${n}`, clock.now() - START]));
    clock.advance(2_000);
    expect(seen).to.deep.equal([['tick0', 300], ['tick1', 600], ['a', 2_000], ['b', 2_000]]);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('waits for the clock even with delay 0, and runs then', () => {
    const seen: number[] = [];
    timer(0, scheduler).subscribe((v) => seen.push(v));
    expect(seen).to.deep.equal([]);
    clock.advance(0);
    expect(seen).to.deep.equal([0]);
  });

  it('runs with advanceAsync as with advance', async () => {
    const seen: number[] = [];
    interval(FIVE_MINUTES, scheduler).pipe(take(3)).subscribe((n) => seen.push(n));
    await clock.advanceAsync(3 * FIVE_MINUTES);
    expect(seen).to.deep.equal([0, 1, 2]);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('cancels all pending work on dispose and refuses new work', () => {
    const seen: number[] = [];
    interval(1_000, scheduler).subscribe((n) => seen.push(n));
    timer(5_000, scheduler).subscribe(() => seen.push(-1));
    expect(clock.pendingTimers).to.equal(2);
    scheduler.dispose();
    expect(clock.pendingTimers).to.equal(0);
    const late = scheduler.schedule(() => seen.push(-2), 10);
    expect(late.closed).to.equal(true);
    clock.advance(10_000);
    expect(seen).to.deep.equal([]);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('drops an action whose work throws, leaving the error to the clock', () => {
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      let runs = 0;
      const action = scheduler.schedule(function (this: SchedulerAction<void>) {
        runs++;
        this.schedule(undefined, 100);
        throw new Error('work failed');
      }, 100);
      clock.advance(1_000);
      expect(runs).to.equal(1);
      expect(action.closed).to.equal(true);
      expect(clock.pendingTimers).to.equal(0);
      expect(errors).to.have.length(1);
    } finally {
      console.error = originalError;
    }
  });
});
