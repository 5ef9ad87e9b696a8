import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { Clock } from '../../src/host/clock.js';

export interface ShellClockOptions {
  /** The clock's time at creation, epoch ms; defaults to the real time. */
  readonly start?: number;
  /**
   * Whether time also passes by itself (the shell for people) or only when moved (deterministic
   * tests). Default true.
   */
  readonly realTime?: boolean;
}

export interface AdvanceOptions {
  /** Resolves when what a timer started is done; awaited before the first timer and after each. */
  readonly settled?: () => Promise<void>;
}

interface Timer {
  readonly seq: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/**
 * The shell's one clock: real time plus an offset, so people and tests can move it. Timers run in
 * order of their due time, whether time passes by itself or is moved with {@link advance}.
 */
export class ShellClock implements Clock, Disposable {
  protected offset = 0;
  protected virtualNow = 0;
  protected readonly realTime: boolean;
  protected readonly timers = new Set<Timer>();
  protected seq = 0;
  protected nativeTimer: ReturnType<typeof setTimeout> | undefined;
  protected running = false;
  protected readonly onDidJumpEmitter = new Emitter<number>();
  readonly onDidJump: Event<number> = this.onDidJumpEmitter.event;

  constructor(options: ShellClockOptions = {}) {
    this.realTime = options.realTime ?? true;
    const start = options.start ?? Date.now();
    if (this.realTime) this.offset = start - Date.now();
    else this.virtualNow = start;
  }

  now(): number {
    return this.realTime ? Date.now() + this.offset : this.virtualNow;
  }

  setTimeout(callback: () => void, delayMs: number): Disposable {
    const timer: Timer = { seq: this.seq++, dueAt: this.now() + Math.max(0, delayMs || 0), callback };
    this.timers.add(timer);
    this.schedule();
    return Disposable.create(() => {
      this.timers.delete(timer);
      this.schedule();
    });
  }

  /** Timers not yet run. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way, in time order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot move the clock by ${ms} ms`);
    const target = this.now() + ms;
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) this.runTimer(timer);
    this.moveTo(target);
    this.schedule();
    this.onDidJumpEmitter.fire(this.now());
  }

  /**
   * Like {@link advance}, but lets what each timer starts settle before the next one runs. By default
   * that is a few task turns: enough for promise chains, not for real I/O. A jump of minutes would
   * then overtake a request still on its way, and run its timeout; `settled` waits for such work
   * (a test: until no poll and no request is in flight), as time passing by itself would.
   */
  async advanceAsync(ms: number, options: AdvanceOptions = {}): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`Cannot move the clock by ${ms} ms`);
    const settled = options.settled ?? (() => settle());
    const target = this.now() + ms;
    await settled();
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.runTimer(timer);
      await settled();
    }
    this.moveTo(target);
    this.schedule();
    this.onDidJumpEmitter.fire(this.now());
    await settled();
  }

  /** Sets the time; moving forward runs the timers that fall due, moving back runs none. */
  set(epochMs: number): void {
    if (epochMs >= this.now()) {
      this.advance(epochMs - this.now());
      return;
    }
    this.moveTo(epochMs);
    this.schedule();
    this.onDidJumpEmitter.fire(this.now());
  }

  dispose(): void {
    this.timers.clear();
    if (this.nativeTimer !== undefined) clearTimeout(this.nativeTimer);
    this.nativeTimer = undefined;
    this.onDidJumpEmitter.dispose();
  }

  protected moveTo(time: number): void {
    if (this.realTime) this.offset = time - Date.now();
    else this.virtualNow = time;
  }

  protected nextDue(limit: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.dueAt > limit) continue;
      if (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.seq < next.seq)) next = timer;
    }
    return next;
  }

  protected runTimer(timer: Timer): void {
    this.timers.delete(timer);
    // The callback sees the time it was due at, as with a real timer.
    if (timer.dueAt > this.now()) this.moveTo(timer.dueAt);
    try {
      timer.callback();
    } catch (error) {
      console.error('Clock timer failed', error);
    }
  }

  /** With real time, one native timer wakes the clock for its earliest timer. */
  protected schedule(): void {
    if (this.nativeTimer !== undefined) clearTimeout(this.nativeTimer);
    this.nativeTimer = undefined;
    if (!this.realTime || this.timers.size === 0) return;
    let earliest = Infinity;
    for (const timer of this.timers) earliest = Math.min(earliest, timer.dueAt);
    const delay = Math.min(Math.max(0, earliest - this.now()), 2_147_483_647);
    this.nativeTimer = setTimeout(() => {
      this.nativeTimer = undefined;
      const now = this.now();
      for (let timer = this.nextDue(now); timer; timer = this.nextDue(now)) this.runTimer(timer);
      this.schedule();
    }, delay);
  }
}

/** A few task turns: enough for promise chains and short task hops a timer starts, not for slow I/O. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
