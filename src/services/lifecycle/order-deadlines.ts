import { inject, injectable } from 'inversify';
import type { Clock } from '../../host/index.js';
import { HostTokens } from '../../host-tokens.js';
import type { OrderDeadline } from '../screen/order-columns.js';
import type { StoredOrder } from '../store/order-model.js';
import { BusinessCalendarSettings } from './business-calendar-settings.js';
import { acceptanceDeadline, businessTimeLeft } from './business-hours.js';
import { isAwaitingAnswer } from './order-lifecycle.js';
import { deadlineLevel, formatTimeLeft } from './time-left.js';

/**
 * The acceptance deadline of each order still waiting for an answer, for the screen's column
 * "Accepteren vóór", counted in the shop's business hours from the host's clock. The deadline of an
 * order depends only on when it was placed and on the calendar, so it is computed once per order and
 * calendar; only the time left is counted again.
 */
@injectable()
export class OrderDeadlines {
  protected cache = new Map<string, number>();
  protected cachedFor: unknown;

  constructor(
    @inject(BusinessCalendarSettings) protected readonly settings: BusinessCalendarSettings,
    @inject(HostTokens.clock) protected readonly clock: Clock,
  ) {}

  deadlineOf(order: StoredOrder, now = this.clock.now()): OrderDeadline | undefined {
    if (!isAwaitingAnswer(order)) return undefined;
    const { calendar, deadlineHours } = this.settings;
    // The calendar object keeps its identity until a setting changes: a new one empties the cache.
    if (this.cachedFor !== calendar || this.cache.size > 50_000) {
      this.cache = new Map();
      this.cachedFor = calendar;
    }
    const key = `${order.source}:${order.orderId}:${order.placedAt}:${deadlineHours}`;
    let at = this.cache.get(key);
    if (at === undefined) {
      at = acceptanceDeadline(order.placedAt, deadlineHours, calendar);
      this.cache.set(key, at);
    }
    if (!Number.isFinite(at)) return undefined;
    const left = businessTimeLeft(now, at, calendar);
    return { at, text: formatTimeLeft(left), level: deadlineLevel(left) };
  }
}
