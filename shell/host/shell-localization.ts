import { configureLocalization, type LocaleModule } from '@lit/localize';
import { Disposable } from '../../src/common/disposable.js';
import type { Language, TranslationModule } from '../../src/host/locale.js';

/** The shell's strings are written in Dutch; English comes from templates. */
const SOURCE: Language = 'nl';
const TARGETS: readonly Language[] = ['en'];

interface Registration {
  readonly language: Language;
  readonly load: () => Promise<TranslationModule>;
}

/**
 * The page's one @lit/localize configuration, owned by the shell.
 *
 * @lit/localize in runtime mode may be configured once per copy of the module, and in development and
 * tests the shell and its plugins import the same copy. So the shell configures it (once per page, not
 * per ShellHost: tests make many hosts in one page) and its `loadLocale` merges the templates of the
 * shell and of every plugin registered through `LocaleService.registerTranslations`. Message ids are
 * hashes of the Dutch source, so a string that the shell and a plugin share has one id; later
 * registrations win on such a clash.
 */
export class ShellLocalization {
  protected readonly registrations = new Set<Registration>();
  protected readonly controls: ReturnType<typeof configureLocalization> | undefined;
  /** The language asked for last (the runtime's own `getLocale` lags while templates load). */
  protected wanted: Language = SOURCE;
  protected settledPromise: Promise<void> = Promise.resolve();

  constructor(shellTemplates: Registration[]) {
    for (const registration of shellTemplates) this.registrations.add(registration);
    try {
      this.controls = configureLocalization({
        sourceLocale: SOURCE,
        targetLocales: TARGETS,
        loadLocale: (locale) => this.load(locale as Language),
      });
    } catch (error) {
      // Someone configured this copy before the shell (it may be configured once): the shell stays in
      // that configuration's language rather than failing to start.
      console.warn('The shell could not configure @lit/localize; it is configured elsewhere.', error);
    }
  }

  /** Shows `language`: resolves once its templates are in place and the elements were told. */
  use(language: Language): Promise<void> {
    this.wanted = language;
    if (!this.controls) return Promise.resolve();
    this.settledPromise = this.controls.setLocale(language).catch((error: unknown) => console.error(error));
    return this.settledPromise;
  }

  /** Resolves when the language asked for last is shown. */
  settled(): Promise<void> {
    return this.settledPromise;
  }

  /** Adds templates; the current language is applied again so they show at once. */
  register(language: Language, load: () => Promise<TranslationModule>): Disposable {
    const registration: Registration = { language, load };
    this.registrations.add(registration);
    this.reapply(language);
    return Disposable.create(() => {
      this.registrations.delete(registration);
      this.reapply(language);
    });
  }

  protected reapply(language: Language): void {
    if (!this.controls || language !== this.wanted || language === SOURCE) return;
    // setLocale ignores the language already shown: going by the source language makes it load the
    // merged templates again. The first request is superseded at once, so nothing renders in between.
    void this.controls.setLocale(SOURCE);
    void this.use(language);
  }

  protected async load(language: Language): Promise<LocaleModule> {
    const loads = [...this.registrations].filter((r) => r.language === language).map((r) => r.load());
    const templates: Record<string, unknown> = {};
    for (const result of await Promise.allSettled(loads)) {
      // A plugin whose templates fail to load shows its Dutch source; the rest is still translated.
      if (result.status === 'fulfilled') Object.assign(templates, result.value.templates);
      else console.error('Translations could not be loaded', result.reason);
    }
    return { templates: templates as LocaleModule['templates'] };
  }
}

let pageLocalization: ShellLocalization | undefined;

/** The page's localization, configured on first use with the shell's own English templates. */
export function shellLocalization(): ShellLocalization {
  pageLocalization ??= new ShellLocalization([{ language: 'en', load: () => import('../generated/locales/en.js') }]);
  return pageLocalization;
}
