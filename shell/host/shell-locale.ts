import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { Language, LocaleService, TranslationModule } from '../../src/host/locale.js';
import type { LocalizedText } from '../../src/host/manifest.js';
import { shellLocalization } from './shell-localization.js';

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

  protected translations = 0;
  /** Plugins' template registrations still in place, for the shell's snapshot. */
  get translationCount(): number {
    return this.translations;
  }

  constructor(language: Language = 'nl') {
    this.current = language;
    // The newest shell shows its language: @lit/localize has one language per page.
    void shellLocalization().use(language);
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
    // Fired at once (formats follow now); elements re-render when the templates are in (see settled()).
    void shellLocalization().use(language);
    this.onDidChangeEmitter.fire(language);
  }

  /** Resolves when the current language's templates are loaded and elements were told to re-render. */
  settled(): Promise<void> {
    return shellLocalization().settled();
  }

  registerTranslations(language: Language, load: () => Promise<TranslationModule>): Disposable {
    const registration = shellLocalization().register(language, load);
    this.translations++;
    return Disposable.create(() => {
      this.translations--;
      registration.dispose();
    });
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
