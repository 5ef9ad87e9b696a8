import { msg, str } from '@lit/localize';
import { inject, injectable } from 'inversify';
import type { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';
import type { SettingsService } from '../../host/settings.js';
import { HostTokens } from '../../host-tokens.js';
import {
  type BusinessCalendar,
  type CalendarProblem,
  calendarProblems,
  DEFAULT_DEADLINE_HOURS,
  DEFAULT_TIME_ZONE,
  type OpeningHours,
  type Weekday,
} from './business-hours.js';

/** The settings (declared in plugin.json) the acceptance deadline is counted from. */
export const BUSINESS_CALENDAR_SETTINGS = {
  timeZone: 'locally.timeZone',
  openingHours: 'locally.openingHours',
  closedDays: 'locally.closedDays',
  deadlineHours: 'locally.acceptanceDeadlineHours',
} as const;

const WATCHED: ReadonlySet<string> = new Set(Object.values(BUSINESS_CALENDAR_SETTINGS));

/**
 * The shop's business calendar and acceptance deadline as configured, read from the host's
 * settings. `calendar` keeps its identity until a setting changes, so the arithmetic's per-calendar
 * cache stays warm across a whole screen of rows. It listens to the host only while someone listens
 * to it (the deadline warnings, while registered), so unregistering leaves no host listener behind;
 * with no one listening it reads the settings afresh each time.
 */
@injectable()
export class BusinessCalendarSettings implements Disposable {
  protected readonly onDidChangeEmitter = new Emitter<void>();
  protected hostSubscription: Disposable | undefined;
  protected cachedCalendar: BusinessCalendar | undefined;
  protected cachedHours: number | undefined;

  constructor(@inject(HostTokens.settings) protected readonly settings: SettingsService) {}

  /** Fires when the time zone, opening hours, closed days or deadline hours change. */
  readonly onDidChange: Event<void> = (listener) => {
    const subscription = this.onDidChangeEmitter.event(listener);
    this.hostSubscription ??= this.settings.onDidChange((key) => {
      if (!WATCHED.has(key)) return;
      this.forget();
      this.onDidChangeEmitter.fire();
    });
    return {
      dispose: () => {
        subscription.dispose();
        if (this.onDidChangeEmitter.listenerCount === 0) this.stopListening();
      },
    };
  };

  protected stopListening(): void {
    this.hostSubscription?.dispose();
    this.hostSubscription = undefined;
    // Without the host's word, a cached value could go stale.
    this.forget();
  }

  protected forget(): void {
    this.cachedCalendar = undefined;
    this.cachedHours = undefined;
  }

  get calendar(): BusinessCalendar {
    const calendar =
      this.cachedCalendar ??
      Object.freeze({
        timeZone: this.read(BUSINESS_CALENDAR_SETTINGS.timeZone, DEFAULT_TIME_ZONE),
        openingHours: this.read<OpeningHours>(BUSINESS_CALENDAR_SETTINGS.openingHours, EMPTY_OPENING_HOURS),
        closedDays: this.read<readonly string[]>(BUSINESS_CALENDAR_SETTINGS.closedDays, []),
      });
    if (this.hostSubscription) this.cachedCalendar = calendar;
    return calendar;
  }

  /** Business hours to accept or decline an order in; a value that is not a positive number counts as 4. */
  get deadlineHours(): number {
    if (this.cachedHours !== undefined) return this.cachedHours;
    const read = Number(this.read<unknown>(BUSINESS_CALENDAR_SETTINGS.deadlineHours, DEFAULT_DEADLINE_HOURS));
    const hours = Number.isFinite(read) && read > 0 ? read : DEFAULT_DEADLINE_HOURS;
    if (this.hostSubscription) this.cachedHours = hours;
    return hours;
  }

  /** What is wrong with the configured calendar and deadline, in Dutch, for the settings. */
  get problems(): string[] {
    const problems = validateCalendar(this.calendar);
    const hours = Number(this.read<unknown>(BUSINESS_CALENDAR_SETTINGS.deadlineHours, DEFAULT_DEADLINE_HOURS));
    if (!(Number.isFinite(hours) && hours > 0)) {
      problems.push(msg(str`De termijn om te accepteren moet een positief aantal uren zijn; ${DEFAULT_DEADLINE_HOURS} uur wordt gebruikt.`));
    }
    return problems;
  }

  dispose(): void {
    this.stopListening();
    this.onDidChangeEmitter.dispose();
  }

  /** A setting's value; its fallback when the host does not know it (an older manifest) or cannot read it. */
  protected read<T>(key: string, fallback: T): T {
    try {
      return this.settings.get<T>(key) ?? fallback;
    } catch {
      return fallback;
    }
  }
}

const EMPTY_OPENING_HOURS: OpeningHours = Object.freeze({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/** The problems of a calendar worded for the settings, in Dutch; empty when it is fine. */
export function validateCalendar(calendar: BusinessCalendar): string[] {
  return calendarProblems(calendar).map(describeProblem);
}

function describeProblem(problem: CalendarProblem): string {
  switch (problem.kind) {
    case 'time-zone': {
      const value = String(problem.value);
      return msg(str`Onbekende tijdzone "${value}"; ${DEFAULT_TIME_ZONE} wordt gebruikt.`);
    }
    case 'opening-hours':
      return msg('De openingstijden ontbreken of zijn onleesbaar; er wordt geen termijn berekend.');
    case 'period-format': {
      const day = weekdayName(problem.weekday);
      const value = JSON.stringify(problem.value) ?? String(problem.value);
      return msg(str`Openingstijden op ${day}: ${value} is geen tijdvak van de vorm ["UU:MM", "UU:MM"]; het wordt overgeslagen.`);
    }
    case 'period-order': {
      const day = weekdayName(problem.weekday);
      return msg(str`Openingstijden op ${day}: ${problem.from}–${problem.to} sluit niet later dan het opent; het wordt overgeslagen.`);
    }
    case 'period-overlap': {
      const day = weekdayName(problem.weekday);
      return msg(str`Openingstijden op ${day}: tijdvakken overlappen; ze worden samengevoegd.`);
    }
    case 'closed-day': {
      const value = JSON.stringify(problem.value) ?? String(problem.value);
      return msg(str`Gesloten dag ${value} is geen datum van de vorm JJJJ-MM-DD; hij wordt overgeslagen.`);
    }
    case 'never-open':
      return msg('Er zijn geen openingstijden ingesteld; er wordt geen termijn berekend.');
  }
}

function weekdayName(weekday: Weekday): string {
  switch (weekday) {
    case 'mon':
      return msg('maandag');
    case 'tue':
      return msg('dinsdag');
    case 'wed':
      return msg('woensdag');
    case 'thu':
      return msg('donderdag');
    case 'fri':
      return msg('vrijdag');
    case 'sat':
      return msg('zaterdag');
    case 'sun':
      return msg('zondag');
  }
}
