import { expect } from '@open-wc/testing';
import { validateCalendar } from '../../src/services/lifecycle/business-calendar-settings.js';
import {
  acceptanceDeadline,
  addBusinessTime,
  type BusinessCalendar,
  businessTimeBetween,
  businessTimeLeft,
  calendarProblems,
  effectiveTimeZone,
  type OpeningHours,
} from '../../src/services/lifecycle/business-hours.js';
import { deadlineLevel, formatTimeLeft, nextLevelChangeAt } from '../../src/services/lifecycle/time-left.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An instant written with its offset, so each expectation says which wall clock it means. */
const at = (iso: string): number => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Bad test date ${iso}`);
  return time;
};

/** The shop's default hours (plugin.json): Monday afternoon only, late Friday, closed on Sunday. */
const SHOP_HOURS: OpeningHours = {
  mon: [['13:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '21:00']],
  sat: [['09:00', '17:00']],
  sun: [],
};
const shop: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: SHOP_HOURS, closedDays: [] };

const allDays = (periods: readonly (readonly [string, string])[]): OpeningHours => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
  sat: periods,
  sun: periods,
});
const NONE: OpeningHours = allDays([]);
const roundTheClock: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: allDays([['00:00', '24:00']]), closedDays: [] };

const deadline = (placed: string, calendar: BusinessCalendar = shop, hours = 4) => acceptanceDeadline(at(placed), hours, calendar);

describe('business hours: the acceptance deadline (Europe/Amsterdam, the shop\'s hours)', () => {
  it('within one opening period: 4 hours later', () => {
    expect(deadline('2026-11-24T10:00:00+01:00')).to.equal(at('2026-11-24T14:00:00+01:00'));
  });

  it('ending exactly at closing time lands on the closing, not on the next opening', () => {
    expect(deadline('2026-11-24T14:00:00+01:00')).to.equal(at('2026-11-24T18:00:00+01:00'));
  });

  it('over the night: the rest goes on at the next opening', () => {
    // Tuesday 16:00–18:00 (2 h), Wednesday 09:00–11:00 (2 h).
    expect(deadline('2026-11-24T16:00:00+01:00')).to.equal(at('2026-11-25T11:00:00+01:00'));
    // Friday's late opening: 20:00–21:00, then Saturday 09:00–12:00.
    expect(deadline('2026-11-27T20:00:00+01:00')).to.equal(at('2026-11-28T12:00:00+01:00'));
  });

  it('over the weekend: closed Sunday, then Monday\'s afternoon-only opening', () => {
    // Saturday 15:00–17:00 (2 h), Sunday closed, Monday 13:00–15:00 (2 h).
    expect(deadline('2026-11-28T15:00:00+01:00')).to.equal(at('2026-11-30T15:00:00+01:00'));
    // Monday morning counts nothing before 13:00; Monday 16:00 runs on into Tuesday morning.
    expect(deadline('2026-11-30T10:00:00+01:00')).to.equal(at('2026-11-30T17:00:00+01:00'));
    expect(deadline('2026-11-30T16:00:00+01:00')).to.equal(at('2026-12-01T11:00:00+01:00'));
  });

  it('an order placed outside opening hours starts counting at the next opening', () => {
    expect(deadline('2026-11-24T07:30:00+01:00'), 'before opening').to.equal(at('2026-11-24T13:00:00+01:00'));
    expect(deadline('2026-11-24T19:00:00+01:00'), 'after closing').to.equal(at('2026-11-25T13:00:00+01:00'));
    expect(deadline('2026-11-29T11:00:00+01:00'), 'on Sunday').to.equal(at('2026-11-30T17:00:00+01:00'));
    expect(deadline('2026-11-28T23:59:00+01:00'), 'Saturday night').to.equal(at('2026-11-30T17:00:00+01:00'));
  });

  it('closed days (holidays) count no time', () => {
    const mondayClosed = { ...shop, closedDays: ['2026-11-30'] };
    // Saturday 2 h, Sunday and the closed Monday nothing, Tuesday 09:00–11:00.
    expect(deadline('2026-11-28T15:00:00+01:00', mondayClosed)).to.equal(at('2026-12-01T11:00:00+01:00'));
    const christmas = { ...shop, closedDays: ['2026-12-25', '2026-12-26'] };
    // Thursday 24 Dec 16:00–18:00, Christmas (Fri), Boxing Day (Sat), Sunday, then Monday 13:00–15:00.
    expect(deadline('2026-12-24T16:00:00+01:00', christmas)).to.equal(at('2026-12-28T15:00:00+01:00'));
    expect(businessTimeBetween(at('2026-12-24T00:00:00+01:00'), at('2026-12-29T00:00:00+01:00'), christmas)).to.equal(
      9 * HOUR + 5 * HOUR,
    );
  });

  it('other deadline lengths (the provider\'s docs also say 8); a bad length counts as 4', () => {
    expect(deadline('2026-11-24T10:00:00+01:00', shop, 8)).to.equal(at('2026-11-24T18:00:00+01:00'));
    expect(deadline('2026-11-24T10:00:00+01:00', shop, 8.5)).to.equal(at('2026-11-25T09:30:00+01:00'));
    for (const bad of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(deadline('2026-11-24T10:00:00+01:00', shop, bad), String(bad)).to.equal(at('2026-11-24T14:00:00+01:00'));
    }
  });

  it('an unknown placing time has no deadline', () => {
    expect(acceptanceDeadline(Number.NaN, 4, shop)).to.equal(Number.POSITIVE_INFINITY);
  });
});

describe('business hours: time between and time left', () => {
  it('counts only opening time, and nothing backwards', () => {
    expect(businessTimeBetween(at('2026-11-24T16:00:00+01:00'), at('2026-11-25T11:00:00+01:00'), shop)).to.equal(4 * HOUR);
    expect(businessTimeBetween(at('2026-11-28T16:00:00+01:00'), at('2026-11-30T14:00:00+01:00'), shop)).to.equal(2 * HOUR);
    expect(businessTimeBetween(at('2026-11-29T08:00:00+01:00'), at('2026-11-29T20:00:00+01:00'), shop), 'Sunday').to.equal(0);
    expect(businessTimeBetween(at('2026-11-25T11:00:00+01:00'), at('2026-11-24T16:00:00+01:00'), shop)).to.equal(0);
    // A whole week: 5 + 9 + 9 + 9 + 12 + 8 + 0 hours.
    expect(businessTimeBetween(at('2026-11-23T00:00:00+01:00'), at('2026-11-30T00:00:00+01:00'), shop)).to.equal(52 * HOUR);
  });

  it('time left stands still while the shop is closed and goes negative once overdue', () => {
    const due = deadline('2026-11-28T15:00:00+01:00'); // Monday 15:00
    expect(businessTimeLeft(at('2026-11-28T15:00:00+01:00'), due, shop)).to.equal(4 * HOUR);
    expect(businessTimeLeft(at('2026-11-28T17:00:00+01:00'), due, shop)).to.equal(2 * HOUR);
    expect(businessTimeLeft(at('2026-11-29T12:00:00+01:00'), due, shop), 'Sunday').to.equal(2 * HOUR);
    expect(businessTimeLeft(at('2026-11-30T14:45:00+01:00'), due, shop)).to.equal(15 * MINUTE);
    expect(businessTimeLeft(due, due, shop), 'at the deadline').to.equal(0);
    expect(businessTimeLeft(at('2026-11-30T16:00:00+01:00'), due, shop)).to.equal(-HOUR);
    expect(businessTimeLeft(at('2026-11-30T21:00:00+01:00'), due, shop), 'after closing').to.equal(-3 * HOUR);
    expect(businessTimeLeft(at('2026-12-01T10:00:00+01:00'), due, shop)).to.equal(-4 * HOUR);
  });

  it('adding and measuring agree, also across both daylight-saving switches', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const from = at('2026-03-20T00:00:00+01:00');
    for (const calendar of [shop, roundTheClock]) {
      for (let i = 0; i < 300; i++) {
        const start = from + Math.floor(random() * 230 * 24) * 15 * MINUTE * 4 + Math.floor(random() * 4) * 15 * MINUTE;
        const business = Math.floor(random() * 40 * 60) * MINUTE;
        const end = addBusinessTime(start, business, calendar);
        expect(businessTimeBetween(start, end, calendar), new Date(start).toISOString()).to.equal(business);
      }
    }
  });
});

describe('business hours: daylight saving in Europe/Amsterdam', () => {
  it('spring forward (last Sunday of March): a 24-hour shop has a 23-hour day', () => {
    const day = businessTimeBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'), roundTheClock);
    expect(day).to.equal(23 * HOUR);
    // Four business hours from Saturday 23:00 CET are four real hours: 04:00 CEST by the wall clock.
    expect(deadline('2026-03-28T23:00:00+01:00', roundTheClock)).to.equal(at('2026-03-29T04:00:00+02:00'));
  });

  it('fall back (last Sunday of October): a 24-hour shop has a 25-hour day', () => {
    const day = businessTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'), roundTheClock);
    expect(day).to.equal(25 * HOUR);
    expect(deadline('2026-10-24T23:00:00+02:00', roundTheClock)).to.equal(at('2026-10-25T02:00:00+01:00'));
  });

  it('a shop open through the night of the switch gains or loses the hour', () => {
    const nightShop: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: { ...NONE, sun: [['01:00', '05:00']] }, closedDays: [] };
    // 01:00 CET to 05:00 CEST: three real hours.
    expect(businessTimeBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-29T12:00:00+02:00'), nightShop)).to.equal(3 * HOUR);
    expect(deadline('2026-03-28T20:00:00+01:00', nightShop, 2)).to.equal(at('2026-03-29T04:00:00+02:00'));
    // 01:00 CEST to 05:00 CET: five real hours.
    expect(businessTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-25T12:00:00+01:00'), nightShop)).to.equal(5 * HOUR);
    expect(deadline('2026-10-24T20:00:00+02:00', nightShop, 4)).to.equal(at('2026-10-25T04:00:00+01:00'));
  });

  it('the skipped hour has no opening time; the repeated hour counts twice', () => {
    const twoToThree: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: { ...NONE, sun: [['02:00', '03:00']] }, closedDays: [] };
    expect(businessTimeBetween(at('2026-03-28T12:00:00+01:00'), at('2026-03-30T12:00:00+02:00'), twoToThree)).to.equal(0);
    expect(businessTimeBetween(at('2026-10-24T12:00:00+02:00'), at('2026-10-26T12:00:00+01:00'), twoToThree)).to.equal(2 * HOUR);
  });

  it('an ordinary shop: the deadline keeps its wall-clock time across the switch', () => {
    // Saturday 16:00–17:00 CET, then Monday 13:00–16:00 CEST.
    expect(deadline('2026-03-28T16:00:00+01:00')).to.equal(at('2026-03-30T16:00:00+02:00'));
    expect(deadline('2026-10-24T16:00:00+02:00')).to.equal(at('2026-10-26T16:00:00+01:00'));
    expect(businessTimeBetween(at('2026-03-28T00:00:00+01:00'), at('2026-03-31T00:00:00+02:00'), shop)).to.equal(13 * HOUR);
  });
});

describe('business hours: another time zone (America/New_York)', () => {
  const newYork: BusinessCalendar = { ...shop, timeZone: 'America/New_York' };

  it('counts in the shop\'s own wall clock', () => {
    expect(deadline('2026-11-24T16:00:00-05:00', newYork)).to.equal(at('2026-11-25T11:00:00-05:00'));
    // The same instant in Amsterdam (22:00) is after closing there: a different deadline.
    expect(deadline('2026-11-24T16:00:00-05:00', shop)).to.equal(at('2026-11-25T13:00:00+01:00'));
  });

  it('and its own daylight-saving dates (second Sunday of March, first of November)', () => {
    expect(deadline('2026-03-07T16:00:00-05:00', newYork)).to.equal(at('2026-03-09T16:00:00-04:00'));
    expect(deadline('2026-10-31T16:00:00-04:00', newYork)).to.equal(at('2026-11-02T16:00:00-05:00'));
    const nyRound = { ...roundTheClock, timeZone: 'America/New_York' };
    expect(businessTimeBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), nyRound)).to.equal(23 * HOUR);
  });
});

describe('business hours: bad input never throws at the counter', () => {
  it('an unknown time zone falls back to Europe/Amsterdam, and the settings say so', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', 42 as unknown as string]) {
      const calendar = { ...shop, timeZone };
      expect(effectiveTimeZone(calendar)).to.equal('Europe/Amsterdam');
      expect(deadline('2026-11-24T16:00:00+01:00', calendar)).to.equal(at('2026-11-25T11:00:00+01:00'));
    }
    const problems = validateCalendar({ ...shop, timeZone: 'Mars/Olympus_Mons' });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.contain('Onbekende tijdzone "Mars/Olympus_Mons"').and.contain('Europe/Amsterdam');
  });

  it('malformed periods and closed days are skipped; the valid ones still count', () => {
    const messy = {
      timeZone: 'Europe/Amsterdam',
      openingHours: {
        ...SHOP_HOURS,
        tue: [['09:00', '12:00'], ['25:00', '26:00'], ['noon', '18:00'], ['18:00', '13:00'], '13:00-18:00', ['11:00', '13:00']],
        wed: 'always',
        thu: null,
        fri: [['09:00', '24:00']],
      },
      closedDays: ['2026-02-30', 'tomorrow', 20261225, '2026-11-26'],
    } as unknown as BusinessCalendar;
    // Tuesday is 09:00–13:00 (the two valid periods merged), Wednesday and Thursday (closed day) count nothing.
    expect(deadline('2026-11-24T11:00:00+01:00', messy)).to.equal(at('2026-11-27T11:00:00+01:00'));
    // Open until midnight on Friday.
    expect(businessTimeBetween(at('2026-11-27T00:00:00+01:00'), at('2026-11-28T00:00:00+01:00'), messy)).to.equal(15 * HOUR);
    const kinds = calendarProblems(messy).map((problem) => problem.kind);
    expect(kinds).to.have.members([
      'period-format',
      'period-format',
      'period-format',
      'period-order',
      'period-overlap',
      'period-format',
      'closed-day',
      'closed-day',
      'closed-day',
    ]);
    const words = validateCalendar(messy);
    expect(words).to.have.length(kinds.length);
    expect(words.join('\n')).to.contain('dinsdag').and.contain('woensdag').and.contain('"2026-02-30"');
    expect(validateCalendar(shop)).to.deep.equal([]);
  });

  it('a calendar without any opening hours has no deadline, and does not loop', () => {
    const never: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: NONE, closedDays: [] };
    const started = performance.now();
    expect(addBusinessTime(at('2026-11-24T10:00:00+01:00'), 4 * HOUR, never)).to.equal(Number.POSITIVE_INFINITY);
    const due = deadline('2026-11-24T10:00:00+01:00', never);
    expect(due).to.equal(Number.POSITIVE_INFINITY);
    expect(businessTimeLeft(at('2026-11-24T10:00:00+01:00'), due, never)).to.equal(Number.POSITIVE_INFINITY);
    expect(businessTimeBetween(at('2026-11-24T10:00:00+01:00'), at('2027-11-24T10:00:00+01:00'), never)).to.equal(0);
    expect(validateCalendar(never)).to.deep.equal(['Er zijn geen openingstijden ingesteld; er wordt geen termijn berekend.']);
    // Opening hours that never come because every such day is closed: stops after a year of closed days.
    const mondays = Array.from({ length: 120 }, (_, i) => new Date(at('2026-11-30T12:00:00Z') + i * 7 * 24 * HOUR).toISOString().slice(0, 10));
    const mondaysOnly: BusinessCalendar = { timeZone: 'Europe/Amsterdam', openingHours: { ...NONE, mon: [['13:00', '18:00']] }, closedDays: mondays };
    expect(deadline('2026-11-24T10:00:00+01:00', mondaysOnly)).to.equal(Number.POSITIVE_INFINITY);
    const garbage = { timeZone: 'Europe/Amsterdam', openingHours: null, closedDays: null } as unknown as BusinessCalendar;
    expect(deadline('2026-11-24T10:00:00+01:00', garbage)).to.equal(Number.POSITIVE_INFINITY);
    expect(validateCalendar(garbage)).to.have.length(1);
    expect(performance.now() - started).to.be.below(1000);
  });

  it('ten thousand rows are cheap', () => {
    const calendar: BusinessCalendar = { ...shop, closedDays: ['2026-12-25'] };
    const now = at('2026-12-01T12:00:00+01:00');
    const started = performance.now();
    let overdue = 0;
    for (let i = 0; i < 10_000; i++) {
      const placedAt = now - i * 7 * MINUTE;
      if (deadlineLevel(businessTimeLeft(now, acceptanceDeadline(placedAt, 4, calendar), calendar)) === 'overdue') overdue++;
    }
    expect(overdue).to.be.above(9000);
    expect(performance.now() - started).to.be.below(1500);
  });
});

describe('time left: wording, levels and the next crossing', () => {
  it('says the time left in hours and minutes, rounded up, or "te laat"', () => {
    expect(formatTimeLeft(2 * HOUR + 15 * MINUTE)).to.equal('nog 2 u 15 min');
    expect(formatTimeLeft(45 * MINUTE)).to.equal('nog 45 min');
    expect(formatTimeLeft(HOUR)).to.equal('nog 1 u');
    expect(formatTimeLeft(30_000)).to.equal('nog 1 min');
    expect(formatTimeLeft(2 * HOUR + 14 * MINUTE + 1)).to.equal('nog 2 u 15 min');
    expect(formatTimeLeft(0)).to.equal('te laat');
    expect(formatTimeLeft(-5 * MINUTE)).to.equal('te laat');
    expect(formatTimeLeft(Number.POSITIVE_INFINITY)).to.equal('geen termijn');
  });

  it('warns at 1 hour and at 30 minutes left, and once overdue', () => {
    expect(deadlineLevel(61 * MINUTE)).to.equal('ok');
    expect(deadlineLevel(HOUR)).to.equal('soon');
    expect(deadlineLevel(31 * MINUTE)).to.equal('soon');
    expect(deadlineLevel(30 * MINUTE)).to.equal('urgent');
    expect(deadlineLevel(1)).to.equal('urgent');
    expect(deadlineLevel(0)).to.equal('overdue');
    expect(deadlineLevel(-HOUR)).to.equal('overdue');
    expect(deadlineLevel(Number.POSITIVE_INFINITY)).to.equal('ok');
    expect(deadlineLevel(Number.NaN)).to.equal('ok');
  });

  it('finds the moment of the next level, in business time (at Saturday\'s closing, not on Monday)', () => {
    const due = deadline('2026-11-28T14:00:00+01:00'); // Saturday 14:00–17:00, Monday 13:00–14:00
    expect(due).to.equal(at('2026-11-30T14:00:00+01:00'));
    const steps: number[] = [];
    let now = at('2026-11-28T14:00:00+01:00');
    for (let next = nextLevelChangeAt(now, businessTimeLeft(now, due, shop), shop); next !== undefined; ) {
      steps.push(next);
      now = next;
      next = nextLevelChangeAt(now, businessTimeLeft(now, due, shop), shop);
    }
    expect(steps).to.deep.equal([at('2026-11-28T17:00:00+01:00'), at('2026-11-30T13:30:00+01:00'), due]);
    expect(steps.map((step) => deadlineLevel(businessTimeLeft(step, due, shop)))).to.deep.equal(['soon', 'urgent', 'overdue']);
  });
});
