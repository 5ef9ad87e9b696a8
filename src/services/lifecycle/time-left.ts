import { msg, str } from '@lit/localize';
import { addBusinessTime, type BusinessCalendar } from './business-hours.js';

const MINUTE = 60_000;

/** Business time left at which the message pane starts warning (DESIGN §7). */
export const SOON_MS = 60 * MINUTE;
/** Business time left at which the warning becomes urgent. */
export const URGENT_MS = 30 * MINUTE;

/** How close an order is to its acceptance deadline. */
export type DeadlineLevel = 'ok' | 'soon' | 'urgent' | 'overdue';

/** 'soon' at 1 hour of business time left or less, 'urgent' at 30 minutes or less, 'overdue' at none. */
export function deadlineLevel(businessMsLeft: number): DeadlineLevel {
  // NaN compares false everywhere: an unknown deadline is no deadline.
  if (businessMsLeft <= 0) return 'overdue';
  if (businessMsLeft <= URGENT_MS) return 'urgent';
  if (businessMsLeft <= SOON_MS) return 'soon';
  return 'ok';
}

/** "nog 2 u 15 min", "nog 45 min", "nog 1 u", "te laat"; "geen termijn" when the shop never opens. */
export function formatTimeLeft(businessMsLeft: number): string {
  if (Number.isNaN(businessMsLeft) || businessMsLeft === Infinity) return msg('geen termijn');
  if (businessMsLeft <= 0) return msg('te laat');
  // Rounded up: the last seconds still read "nog 1 min", never "nog 0 min".
  const totalMinutes = Math.ceil(businessMsLeft / MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return msg(str`nog ${minutes} min`);
  if (minutes === 0) return msg(str`nog ${hours} u`);
  return msg(str`nog ${hours} u ${minutes} min`);
}

/**
 * When the level of an order with `businessMsLeft` at `now` changes next (as time runs), or
 * undefined when it never will (overdue, or no deadline). Lets a view set one timer per crossing
 * instead of ticking.
 */
export function nextLevelChangeAt(now: number, businessMsLeft: number, calendar: BusinessCalendar): number | undefined {
  if (!Number.isFinite(businessMsLeft) || businessMsLeft <= 0) return undefined;
  const threshold = businessMsLeft > SOON_MS ? SOON_MS : businessMsLeft > URGENT_MS ? URGENT_MS : 0;
  const at = addBusinessTime(now, businessMsLeft - threshold, calendar);
  return Number.isFinite(at) ? at : undefined;
}
