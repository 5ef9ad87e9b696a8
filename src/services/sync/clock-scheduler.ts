import { inject, injectable } from 'inversify';
import { Observable, Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import type { Disposable } from '../../common/disposable.js';
import type { Clock } from '../../host/clock.js';
import { HostTokens } from '../../host-tokens.js';

type Work<T> = (this: SchedulerAction<T>, state?: T) => void;

/**
 * One piece of scheduled work. Like rxjs's own actions, it is reused when its work reschedules
 * itself (`this.schedule(state, delay)`), so `interval` keeps one clock timer, not one per tick.
 */
class ClockAction<T> extends Subscription implements SchedulerAction<T> {
  protected pending: Disposable | undefined;
  protected state: T | undefined;

  constructor(
    protected readonly clock: Clock,
    protected readonly work: Work<T>,
    /** The scheduler's set of actions waiting for their timer, so it can cancel them all. */
    protected readonly waiting: Set<ClockAction<unknown>>,
  ) {
    super();
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    // A second schedule before the first ran replaces it, as with rxjs's async actions.
    this.pending?.dispose();
    this.pending = this.clock.setTimeout(() => this.execute(), Math.max(0, delay || 0));
    this.waiting.add(this as ClockAction<unknown>);
    return this;
  }

  override unsubscribe(): void {
    if (this.closed) return;
    this.cancelTimer();
    super.unsubscribe();
  }

  protected execute(): void {
    this.pending = undefined;
    this.waiting.delete(this as ClockAction<unknown>);
    if (this.closed) return;
    try {
      this.work.call(this, this.state);
    } catch (error) {
      // As rxjs's async scheduler does: a failed action is dead; the error goes to whoever runs timers.
      this.unsubscribe();
      throw error;
    }
  }

  protected cancelTimer(): void {
    this.pending?.dispose();
    this.pending = undefined;
    this.waiting.delete(this as ClockAction<unknown>);
  }
}

/**
 * An rxjs scheduler that runs on the host's clock, so `timer(ms, scheduler)`, `delay`, `interval`
 * and friends follow the shell's time, which tests move by hand. Work with delay 0 also waits for
 * the clock (a virtual clock must be advanced, even by 0), which keeps ordering deterministic.
 */
@injectable()
export class ClockScheduler implements SchedulerLike, Disposable {
  protected readonly waiting = new Set<ClockAction<unknown>>();
  protected disposed = false;

  constructor(@inject(HostTokens.clock) protected readonly clock: Clock) {}

  now(): number {
    return this.clock.now();
  }

  schedule<T>(work: Work<T>, delay = 0, state?: T): Subscription {
    const action = new ClockAction<T>(this.clock, work, this.waiting);
    if (this.disposed) {
      action.unsubscribe();
      return action;
    }
    return action.schedule(state, delay);
  }

  /**
   * One value (0) after `ms` on this clock, then complete: rxjs's `timer(ms, scheduler)`, which would
   * also bring rxjs's default scheduler into the bundle (0.7 kB gzip) although this one is always given.
   */
  timer(ms: number): Observable<0> {
    return new Observable<0>((subscriber) =>
      this.schedule(() => {
        subscriber.next(0);
        subscriber.complete();
      }, ms),
    );
  }

  /** Work scheduled and not yet run (rescheduled work counts once). */
  get pendingActions(): number {
    return this.waiting.size;
  }

  /** Cancels all pending work and refuses new work, so a deactivated plugin leaves no clock timers behind. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const action of [...this.waiting]) action.unsubscribe();
  }
}
