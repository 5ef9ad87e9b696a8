/**
 * Business-hours arithmetic for the acceptance deadline (DESIGN §7): time counts only inside the
 * shop's opening periods, in the shop's IANA time zone, across daylight-saving changes.
 *
 * Pure: no DOM, no storage, no date library. Wall-clock parts come from `Intl.DateTimeFormat`
 * with `timeZone`. The arithmetic walks opening periods (never minutes), and each local day's
 * periods are converted to epoch milliseconds once per calendar, so a screen of 10,000 rows stays cheap.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening periods per weekday as local "HH:MM" pairs, e.g. { mon: [["13:00","18:00"]], sun: [] }. */
export type OpeningHours = Readonly<Record<Weekday, readonly (readonly [string, string])[]>>;

export interface BusinessCalendar {
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
  /** Local dates "YYYY-MM-DD" the shop is closed (holidays). */
  readonly closedDays: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const DEFAULT_DEADLINE_HOURS = 4;
/** Weekdays in `Date#getUTCDay()` order. */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A calendar that opens on none of this many days in a row has no deadline (and must not loop). */
const MAX_CLOSED_DAYS = 366;
/** However long a span, the walk stops here (about 20 years): defends against absurd input. */
const MAX_WALK_DAYS = 7305;
/** Local days whose periods are kept per calendar; a screen needs a few weeks, not more. */
const MAX_CACHED_DAYS = 4096;

/** A problem with a calendar, for the settings screen to word (see `validateCalendar`). */
export type CalendarProblem =
  | { readonly kind: 'time-zone'; readonly value: unknown }
  | { readonly kind: 'opening-hours' }
  | { readonly kind: 'period-format'; readonly weekday: Weekday; readonly value: unknown }
  | { readonly kind: 'period-order'; readonly weekday: Weekday; readonly from: string; readonly to: string }
  | { readonly kind: 'period-overlap'; readonly weekday: Weekday }
  | { readonly kind: 'closed-day'; readonly value: unknown }
  | { readonly kind: 'never-open' };

/** An opening period of one local day in epoch milliseconds: [start, end). */
type Interval = readonly [start: number, end: number];

interface CompiledCalendar {
  readonly timeZone: string;
  /** Periods in minutes after local midnight (end up to 1440), merged and sorted, by `getUTCDay()`. */
  readonly weekly: readonly (readonly (readonly [number, number])[])[];
  /** Closed local dates as day numbers (days since 1970-01-01). */
  readonly closed: ReadonlySet<number>;
  readonly hasOpening: boolean;
  readonly problems: readonly CalendarProblem[];
  /** Each local day's opening periods in epoch ms, by day number. */
  readonly days: Map<number, readonly Interval[]>;
}

/** The moment `businessMs` of opening time after `start` (an order placed while closed starts counting at the next opening). */
export function addBusinessTime(start: number, businessMs: number, calendar: BusinessCalendar): number {
  if (Number.isNaN(start)) return NaN;
  if (!Number.isFinite(start)) return start;
  if (!(businessMs > 0)) return start;
  if (businessMs === Infinity) return Infinity;
  const compiled = compile(calendar);
  if (!compiled.hasOpening) return Infinity;
  let remaining = businessMs;
  let closedInARow = 0;
  const first = firstLocalDay(start);
  for (let day = first; day < first + MAX_WALK_DAYS; day++) {
    const periods = dayIntervals(compiled, day);
    let open = false;
    for (const [a, b] of periods) {
      if (b <= start) continue;
      open = true;
      const from = Math.max(a, start);
      // `<=`: ending exactly at a closing time lands on that closing, not at the next opening.
      if (remaining <= b - from) return from + remaining;
      remaining -= b - from;
    }
    closedInARow = open ? 0 : closedInARow + 1;
    if (closedInARow > MAX_CLOSED_DAYS) return Infinity;
  }
  return Infinity;
}

/** Opening time between two moments, in ms (0 when to <= from). */
export function businessTimeBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (Number.isNaN(from) || Number.isNaN(to) || !(to > from)) return 0;
  const compiled = compile(calendar);
  if (!compiled.hasOpening) return 0;
  if (to === Infinity || from === -Infinity) return Infinity;
  let total = 0;
  const first = firstLocalDay(from);
  const last = Math.min(lastLocalDay(to), first + MAX_WALK_DAYS);
  for (let day = first; day <= last; day++) {
    for (const [a, b] of dayIntervals(compiled, day)) {
      const overlap = Math.min(b, to) - Math.max(a, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** When an order placed at `placedAt` must be accepted or declined; +Infinity when the shop never opens. */
export function acceptanceDeadline(placedAt: number, deadlineHours: number, calendar: BusinessCalendar): number {
  if (!Number.isFinite(placedAt)) return Infinity;
  const hours = Number.isFinite(deadlineHours) && deadlineHours > 0 ? deadlineHours : DEFAULT_DEADLINE_HOURS;
  return addBusinessTime(placedAt, hours * HOUR, calendar);
}

/** Business time left until the deadline at `now`; negative/zero means overdue. */
export function businessTimeLeft(now: number, deadline: number, calendar: BusinessCalendar): number {
  // An unknown or unreachable deadline is no deadline, never "overdue".
  if (Number.isNaN(deadline) || deadline === Infinity || Number.isNaN(now)) return Infinity;
  if (now < deadline) return businessTimeBetween(now, deadline, calendar);
  return -businessTimeBetween(deadline, now, calendar);
}

/** What is wrong with a calendar; empty when it is usable as it is. Worded for staff by `validateCalendar`. */
export function calendarProblems(calendar: BusinessCalendar): readonly CalendarProblem[] {
  return compile(calendar).problems;
}

/** The time zone the arithmetic uses for `calendar`: its own when valid, else Europe/Amsterdam. */
export function effectiveTimeZone(calendar: BusinessCalendar): string {
  return compile(calendar).timeZone;
}

// --- the calendar, checked and compiled once per calendar object ---------------------------------

const compiled = new WeakMap<object, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const key = typeof calendar === 'object' && calendar !== null ? calendar : undefined;
  const cached = key && compiled.get(key);
  if (cached) return cached;
  const result = compileCalendar(key);
  if (key) compiled.set(key, result);
  return result;
}

function compileCalendar(calendar: BusinessCalendar | undefined): CompiledCalendar {
  const problems: CalendarProblem[] = [];
  const zone = calendar?.timeZone;
  const timeZone = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  if (timeZone !== zone) problems.push({ kind: 'time-zone', value: zone });

  const hours = calendar?.openingHours as unknown;
  const hoursOk = typeof hours === 'object' && hours !== null && !Array.isArray(hours);
  if (!hoursOk) problems.push({ kind: 'opening-hours' });
  const weekly = WEEKDAYS.map((weekday) => {
    const raw = hoursOk ? (hours as Record<string, unknown>)[weekday] : undefined;
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      problems.push({ kind: 'period-format', weekday, value: raw });
      return [];
    }
    const periods: [number, number][] = [];
    for (const period of raw as unknown[]) {
      const pair = Array.isArray(period) && period.length === 2 ? (period as unknown[]) : undefined;
      const from = pair && parseTime(pair[0], false);
      const to = pair && parseTime(pair[1], true);
      if (from === undefined || to === undefined) {
        problems.push({ kind: 'period-format', weekday, value: period });
        continue;
      }
      if (to <= from) {
        problems.push({ kind: 'period-order', weekday, from: String(pair![0]), to: String(pair![1]) });
        continue;
      }
      periods.push([from, to]);
    }
    periods.sort((x, y) => x[0] - y[0]);
    // Overlapping periods would count the same minutes twice: merge them (and say so).
    const merged: [number, number][] = [];
    for (const [from, to] of periods) {
      const previous = merged[merged.length - 1];
      if (previous && from <= previous[1]) {
        if (from < previous[1]) problems.push({ kind: 'period-overlap', weekday });
        previous[1] = Math.max(previous[1], to);
      } else merged.push([from, to]);
    }
    return merged;
  });

  const closed = new Set<number>();
  const days = calendar?.closedDays as unknown;
  for (const value of Array.isArray(days) ? (days as unknown[]) : []) {
    const day = parseDate(value);
    if (day === undefined) problems.push({ kind: 'closed-day', value });
    else closed.add(day);
  }
  if (days !== undefined && days !== null && !Array.isArray(days)) problems.push({ kind: 'closed-day', value: days });

  const hasOpening = weekly.some((periods) => periods.length > 0);
  if (!hasOpening && hoursOk) problems.push({ kind: 'never-open' });
  return { timeZone, weekly, closed, hasOpening, problems, days: new Map() };
}

/** "HH:MM" as minutes after midnight; "24:00" only as a closing time (open until midnight). */
function parseTime(value: unknown, closing: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (closing && hours === 24 && minutes === 0) return 24 * 60;
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** "YYYY-MM-DD" as a day number, only for a date that exists. */
function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const date = new Date(utc);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return utc / DAY;
}

/** A local day's opening periods in epoch ms, computed once per calendar and day. */
function dayIntervals(calendar: CompiledCalendar, day: number): readonly Interval[] {
  const cached = calendar.days.get(day);
  if (cached) return cached;
  const intervals: Interval[] = [];
  if (!calendar.closed.has(day)) {
    const weekday = new Date(day * DAY).getUTCDay();
    let previousEnd = -Infinity;
    for (const [from, to] of calendar.weekly[weekday]!) {
      // Clamped to the previous end: a time inside the spring-forward gap moves an hour on and could overlap.
      const start = Math.max(localToEpoch(day, from, calendar.timeZone), previousEnd);
      const end = localToEpoch(day, to, calendar.timeZone);
      if (end > start) {
        intervals.push([start, end]);
        previousEnd = end;
      }
    }
  }
  if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
  calendar.days.set(day, intervals);
  return intervals;
}

// --- wall clock <-> epoch through Intl -------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  if (formatters.has(value)) return true;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `epoch` in `timeZone`, read as if it were UTC (whole seconds). */
function wallClock(epoch: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(epoch)) parts[part.type] = part.value;
  const yearOfEra = Number(parts['year']);
  const year = parts['era'] === 'BC' || parts['era'] === 'B' ? 1 - yearOfEra : yearOfEra;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(parts['month']) - 1, Number(parts['day']));
  date.setUTCHours(Number(parts['hour']), Number(parts['minute']), Number(parts['second']), 0);
  return date.getTime();
}

/** The zone's offset from UTC at `epoch`, in ms (e.g. +3,600,000 for CET). */
function offsetAt(epoch: number, timeZone: string): number {
  const whole = Math.floor(epoch / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/*
 * The local date of an instant is its UTC date or a neighbour (offsets stay within ±14 h). Walking
 * from a day earlier than that to a day later costs a few cached look-ups, where asking Intl for the
 * exact local date would cost a formatting call per row; periods outside the span add nothing.
 * One more day on each side: a period ending at "24:00" may reach past a midnight a gap moved.
 */
function firstLocalDay(epoch: number): number {
  return Math.floor(epoch / DAY) - 2;
}

function lastLocalDay(epoch: number): number {
  return Math.floor(epoch / DAY) + 2;
}

/**
 * The moment a local time (day number, minutes after midnight; 1440 is the next midnight) happens.
 * As Temporal's 'compatible': a time skipped by spring-forward moves on by the gap (02:30 is 03:30),
 * a time repeated by fall-back is its first occurrence.
 */
function localToEpoch(day: number, minutes: number, timeZone: string): number {
  const naive = day * DAY + minutes * MINUTE;
  // Offsets a day either side: a zone changes its offset at most once within that window.
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  if (before === after) return naive - before;
  const candidates = [naive - before, naive - after].filter((epoch) => epoch + offsetAt(epoch, timeZone) === naive);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: read with the offset from before the change, which lands after it.
  return naive - before;
}
