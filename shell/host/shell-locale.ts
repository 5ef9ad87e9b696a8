import { Emitter, type Event } from '../../src/common/event.js';
import type { Language, LocaleService } from '../../src/host/locale.js';
import type { LocalizedText } from '../../src/host/manifest.js';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The shell's language: Dutch unless staff switch. */
export class ShellLocale implements LocaleService {
  protected current: Language;
  protected readonly onDidChangeEmitter = new Emitter<Language>();
  readonly onDidChange: Event<Language> = this.onDidChangeEmitter.event;
  /** Live subscriptions, for the shell's snapshot of what plugins left behind. */
  get listenerCount(): number {
    return this.onDidChangeEmitter.listenerCount;
  }

  constructor(language: Language = 'nl') {
    this.current = language;
  }

  get language(): Language {
    return this.current;
  }

  get locale(): string {
    return LOCALES[this.current];
  }

  setLanguage(language: Language): void {
    if (language === this.current) return;
    this.current = language;
    this.onDidChangeEmitter.fire(language);
  }

  /** A manifest text in the current language, Dutch when the other is missing. */
  text(text: LocalizedText): string {
    return text[this.current] || text.nl;
  }

  /** Euro cents as money in the current locale. */
  money(cents: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
