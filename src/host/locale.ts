import type { Event } from '../common/event.js';

export type Language = 'nl' | 'en';

/** The shell's language and formats. */
export interface LocaleService {
  /** The language staff read, Dutch first. */
  readonly language: Language;
  /** A BCP 47 tag for Intl formatting, e.g. "nl-NL". */
  readonly locale: string;
  /** Fires when staff switch language. */
  readonly onDidChange: Event<Language>;
}
