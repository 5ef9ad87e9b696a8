import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';

export type Language = 'nl' | 'en';

/**
 * A language's message templates, keyed by message id: the shape of the runtime modules that
 * `lit-localize build` generates (`export const templates = {…}`). Kept structural here so the host
 * contract does not depend on the plugin's copy of @lit/localize.
 */
export interface TranslationModule {
  readonly templates: Readonly<Record<string, unknown>>;
}

/** The shell's language and formats. */
export interface LocaleService {
  /** The language staff read, Dutch first. */
  readonly language: Language;
  /** A BCP 47 tag for Intl formatting, e.g. "nl-NL". */
  readonly locale: string;
  /** Fires when staff switch language. */
  readonly onDidChange: Event<Language>;
  /**
   * Hands the host a plugin's templates for one language, loaded when that language is shown.
   *
   * Why: @lit/localize in runtime mode keeps ONE configuration per copy of the module. When the shell
   * and its plugins share a copy (development, tests), only the host may configure it; it merges the
   * templates of the shell and of every registered plugin and re-applies the current language when a
   * registration arrives or goes. A plugin that bundles its own copy configures that copy itself.
   * Optional: a host without it simply has no shared copy to offer.
   */
  registerTranslations?(language: Language, load: () => Promise<TranslationModule>): Disposable;
}
