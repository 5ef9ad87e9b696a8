import { configureLocalization } from '@lit/localize';
import { expect } from '@open-wc/testing';
import { Emitter } from '../../src/common/event.js';
import type { Language, LocaleService } from '../../src/host/index.js';
import { PluginLocalization } from '../../src/localization/plugin-localization.js';
import { RecordingLog } from '../helpers/recording-log.js';

// As in the shell: the host configures the page's one copy of @lit/localize before any plugin starts,
// so the plugin hands its templates to the host (registerTranslations).
describe('PluginLocalization with a host that shares @lit/localize', () => {
  before(() => {
    configureLocalization({ sourceLocale: 'nl', targetLocales: ['en'], loadLocale: () => Promise.resolve({ templates: {} }) });
  });

  function host(registerTranslations: LocaleService['registerTranslations']) {
    const changes = new Emitter<Language>();
    const locale: LocaleService = { language: 'nl', locale: 'nl-NL', onDidChange: changes.event, registerTranslations };
    return { locale, changes };
  }

  it('hands the host its English templates at start, and takes them back when disposed', () => {
    let registered = 0;
    const { locale, changes } = host(() => {
      registered++;
      return { dispose: () => registered-- };
    });
    const started = new PluginLocalization(locale, new RecordingLog()).start();
    expect(registered).to.equal(1);
    expect(changes.hasListeners).to.equal(true);
    started.dispose();
    expect(registered).to.equal(0);
    expect(changes.hasListeners).to.equal(false);
  });

  it('survives a host whose registerTranslations throws: logs it, and still undoes its locale listener', () => {
    const { locale, changes } = host(() => {
      throw new Error('no room for translations');
    });
    const log = new RecordingLog();
    const started = new PluginLocalization(locale, log).start();
    expect(log.errors).to.deep.equal(["Could not set up the plugin's languages"]);
    expect(changes.hasListeners).to.equal(true);
    started.dispose();
    expect(changes.hasListeners).to.equal(false);
  });
});
