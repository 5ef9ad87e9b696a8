import { Disposable } from '../../../src/common/disposable.js';
import { Event } from '../../../src/common/event.js';
import type { Clock } from '../../../src/host/clock.js';

/** A clock that only moves when the test says so. */
export class FakeClock implements Clock {
  readonly onDidJump: Event<number> = Event.None;
  protected timers: { at: number; callback: () => void }[] = [];

  constructor(protected time = Date.UTC(2026, 3, 14, 9, 30)) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): Disposable {
    const timer = { at: this.time + delayMs, callback };
    this.timers.push(timer);
    return Disposable.create(() => {
      this.timers = this.timers.filter((t) => t !== timer);
    });
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const timer of due) timer.callback();
  }
}
