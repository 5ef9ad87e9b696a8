import { configureLocalization, type LocaleModule } from '@lit/localize';
import type { TranslationModule } from '../host/index.js';

export type LocaleControls = ReturnType<typeof configureLocalization>;

/**
 * Who configures this copy of @lit/localize, decided once per copy (module state, like the
 * configuration itself): re-activating the plugin in the same page must not take "already
 * configured by our first activation" for "configured by the host".
 *  - `own`: nobody had configured it, so this copy is the plugin's alone (a build that bundles its own):
 *    the plugin configures it and follows the host's language itself.
 *  - `shared`: the host configured it before us, so we share the host's copy (development and tests
 *    load one copy): it may be configured only once, so the plugin hands its templates to the host.
 */
export type PluginCopy = { readonly kind: 'own'; readonly controls: LocaleControls } | { readonly kind: 'shared' };

let copy: PluginCopy | undefined;

export function claimCopy(load: () => Promise<TranslationModule>): PluginCopy {
  if (!copy) {
    try {
      const controls = configureLocalization({
        sourceLocale: 'nl',
        targetLocales: ['en'],
        loadLocale: () => load() as Promise<LocaleModule>,
      });
      copy = { kind: 'own', controls };
    } catch {
      // "lit-localize can only be configured once": the host configured this copy, we share it.
      copy = { kind: 'shared' };
    }
  }
  return copy;
}

