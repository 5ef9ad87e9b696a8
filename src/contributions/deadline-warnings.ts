import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Subscription } from 'rxjs';
import { type Disposable, DisposableCollection } from '../common/disposable.js';
import { Emitter } from '../common/event.js';
import type { Clock, HostMessage } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import type { BusinessCalendarSettings } from '../services/lifecycle/business-calendar-settings.js';
import type * as DeadlineModule from '../services/lifecycle/deadline-module.js';
import type { DeadlineLevel } from '../services/lifecycle/time-left.js';
import { isAwaitingAnswer } from '../services/lifecycle/order-lifecycle.js';
import type { StoredOrder } from '../services/store/order-model.js';
import { OrderStore } from '../services/store/order-store.js';
import { NotificationSourceIds } from './contribution-ids.js';
import { EcommerceScreenOpener } from './ecommerce-screen-opener.js';
import type { NotificationSourceContribution } from './host-contribution-points.js';
import { LazyModules } from './lazy-modules.js';
import { PluginLog } from '../services/plugin-log.js';

type DeadlineArithmetic = typeof DeadlineModule;

interface Warning {
  readonly level: Exclude<DeadlineLevel, 'ok'>;
  readonly message: HostMessage;
}

/**
 * Warns in the message pane when an order waiting for an answer to Locally nears its acceptance
 * deadline (1 hour and 30 minutes of business time left) and when it has passed: one message per
 * order at its current level. Instead of ticking, it sets one clock timer for the next moment any
 * order changes level, and plans again when the orders, the calendar settings or the clock change.
 * The arithmetic and the settings are a chunk of their own, loaded in the background right after
 * activation: activation does not wait for them.
 */
@injectable()
export class DeadlineWarnings implements NotificationSourceContribution, Disposable {
  readonly sourceId = NotificationSourceIds.deadlineWarnings;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  protected waiting: readonly StoredOrder[] = [];
  /** By message id; a warning keeps its time while its level stays, so the pane does not reorder. */
  protected warnings = new Map<string, Warning>();
  protected timer: Disposable | undefined;
  protected disposed = false;
  protected readonly subscription: Subscription;
  protected readonly toDispose = new DisposableCollection();
  /** Set once the deadline module has loaded; from then on every update is synchronous. */
  protected loaded: { readonly arithmetic: DeadlineArithmetic; readonly calendarSettings: BusinessCalendarSettings } | undefined;
  protected loading: Promise<void> | undefined;

  constructor(
    @inject(OrderStore) protected readonly store: OrderStore,
    @inject(EcommerceScreenOpener) protected readonly screen: EcommerceScreenOpener,
    @inject(HostTokens.clock) protected readonly clock: Clock,
    @inject(LazyModules) protected readonly modules: LazyModules,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {
    // A moved clock (a test, "Klok verzetten", a correction) can skip or undo a crossing.
    this.toDispose.push(this.clock.onDidJump(() => this.update()));
    this.subscription = this.store.orders$.subscribe((orders) => {
      this.waiting = orders.filter(isAwaitingAnswer);
      this.update();
    });
    this.load();
  }

  getMessages(): readonly HostMessage[] {
    return [...this.warnings.values()].map((warning) => warning.message).sort((a, b) => b.time - a.time);
  }

  openMessage(): void {
    void this.screen.open();
  }

  /** Loads the arithmetic once, then updates. */
  protected load(): void {
    this.loading ??= this.modules
      .deadlines()
      .then(({ container, deadlines }) => {
        if (this.disposed) return;
        const calendarSettings = container.get(deadlines.BusinessCalendarSettings);
        this.loaded = { arithmetic: deadlines, calendarSettings };
        this.toDispose.push(calendarSettings.onDidChange(() => this.update()));
        this.update();
      })
      .catch((error: unknown) => {
        this.log.warn('The deadline warnings could not load; the next change of the orders tries again', error);
        this.loading = undefined;
      });
  }

  /** Recomputes every waiting order's level, tells the pane when something changed, and sets the next timer. */
  protected update(): void {
    if (this.disposed) return;
    if (!this.loaded) {
      // Planned once the arithmetic is in; after a failed load, a change of the orders tries again.
      this.load();
      return;
    }
    this.timer?.dispose();
    this.timer = undefined;
    const now = this.clock.now();
    const { arithmetic, calendarSettings } = this.loaded;
    const { acceptanceDeadline, businessTimeLeft, deadlineLevel, nextLevelChangeAt } = arithmetic;
    const { calendar, deadlineHours } = calendarSettings;
    const next = new Map<string, Warning>();
    let wakeAt = Infinity;
    for (const order of this.waiting) {
      const deadline = acceptanceDeadline(order.placedAt, deadlineHours, calendar);
      const left = businessTimeLeft(now, deadline, calendar);
      const level = deadlineLevel(left);
      const changeAt = nextLevelChangeAt(now, left, calendar);
      if (changeAt !== undefined) wakeAt = Math.min(wakeAt, changeAt);
      if (level === 'ok') continue;
      const id = `deadline:${order.source}:${order.orderId}`;
      const previous = this.warnings.get(id);
      next.set(id, previous?.level === level ? previous : { level, message: warningMessage(id, order.orderId, level, now) });
    }
    const changed = next.size !== this.warnings.size || [...next].some(([id, warning]) => this.warnings.get(id) !== warning);
    this.warnings = next;
    if (Number.isFinite(wakeAt)) this.timer = this.clock.setTimeout(() => this.update(), Math.max(0, wakeAt - now));
    if (changed) this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.unsubscribe();
    this.timer?.dispose();
    this.timer = undefined;
    this.toDispose.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

function warningMessage(id: string, orderId: string, level: Warning['level'], time: number): HostMessage {
  switch (level) {
    case 'soon':
      return { id, time, severity: 'warning', text: msg(str`Bestelling ${orderId}: nog 1 uur om te accepteren of af te wijzen`) };
    case 'urgent':
      return { id, time, severity: 'error', text: msg(str`Bestelling ${orderId}: nog 30 minuten om te accepteren of af te wijzen`) };
    case 'overdue':
      return { id, time, severity: 'error', text: msg(str`Bestelling ${orderId}: de termijn om te accepteren is verstreken`) };
  }
}
