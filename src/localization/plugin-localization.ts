import { inject, injectable } from 'inversify';
import { DisposableCollection, type Disposable } from '../common/disposable.js';
import type { StartupContribution } from '../contributions/host-contribution-points.js';
import type { Language, LocaleService, TranslationModule } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import { setFormatLocale } from './format-locale.js';
import { claimCopy } from './plugin-copy.js';

/** The English templates: a chunk of their own, loaded the first time English is shown. */
const loadEnglish = (): Promise<TranslationModule> => import('../generated/locales/en.js');

/**
 * Shows the plugin in the host's language (Dutch, the source, or English), switching live, and keeps
 * money and dates in the host's locale.
 *
 * @lit/localize (runtime mode) is configured once per copy of the module. The shell and the plugin
 * share ONE copy (a shared module of the host, in the shipped build too), which the shell configures
 * as it starts: the plugin hands its English templates to the host
 * (`LocaleService.registerTranslations`) and the host merges them into its configuration. A build
 * that bundles its own copy, which nobody else configures, configures it itself and follows
 * `onDidChange` with `setLocale`. Which case applies is found by trying to configure (plugin-copy.ts);
 * a host must therefore configure its copy before it activates plugins.
 */
@injectable()
export class PluginLocalization implements StartupContribution {
  readonly startupId = 'localization';

  constructor(
    @inject(HostTokens.locale) protected readonly locale: LocaleService,
    @inject(PluginLog) protected readonly log: PluginLog,
  ) {}

  start(): Disposable {
    const toDispose = new DisposableCollection();
    setFormatLocale(this.locale.locale);
    toDispose.push(this.locale.onDidChange(() => setFormatLocale(this.locale.locale)));
    try {
      this.connect(toDispose);
    } catch (error) {
      // The plugin stays in Dutch; what was set up is still undone on deactivate.
      this.log.error("Could not set up the plugin's languages", error);
    }
    return toDispose;
  }

  protected connect(toDispose: DisposableCollection): void {
    const copy = claimCopy(loadEnglish);
    if (copy.kind === 'own') {
      const show = (language: Language) =>
        copy.controls.setLocale(language).catch((error: unknown) => this.log.error(`Could not show the plugin in "${language}"`, error));
      void show(this.locale.language);
      toDispose.push(this.locale.onDidChange((language) => void show(language)));
    } else if (this.locale.registerTranslations) {
      toDispose.push(this.locale.registerTranslations('en', loadEnglish));
    } else {
      this.log.warn('The host shares @lit/localize but takes no translations: the plugin stays in Dutch.');
    }
  }
}
