import { msg } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { templates as shellEnglish } from '../../shell/generated/locales/en.js';
import { ShellLocale } from '../../shell/host/shell-locale.js';
import { templates as pluginEnglish } from '../../src/generated/locales/en.js';
import { formatEuro } from '../../src/services/money.js';

interface TranslationCheck {
  readonly total: number;
  readonly problems: readonly string[];
}

/** The trans-units of an XLIFF file: id, source and target with their placeholders. */
async function transUnits(path: string) {
  const xliff = new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
  return [...xliff.querySelectorAll('trans-unit')].map((unit) => ({
    id: unit.id,
    source: unit.querySelector('source')!,
    target: unit.querySelector('target'),
  }));
}

const placeholders = (element: Element) => [...element.querySelectorAll('x')].map((x) => x.getAttribute('id')).sort();

describe('translations: every message in Dutch and English', () => {
  it('every msg() in src/ and shell/ has an English target in xliff/ and in the generated module', async () => {
    // Checked on the Node side (scripts/check-translations.mjs; `npm test` also runs it first): it reads
    // the sources, so a msg() added without a translation fails here.
    const result = await executeServerCommand<TranslationCheck, undefined>('check-translations');
    expect(result.problems).to.deep.equal([]);
    expect(result.total).to.be.greaterThan(400);
  });

  for (const [name, path, templates] of [
    ['the plugin', '/xliff/en.xlf', pluginEnglish],
    ['the shell', '/xliff/shell/en.xlf', shellEnglish],
  ] as const) {
    it(`${name}: every trans-unit has a non-empty target with the source's placeholders, built into the runtime module`, async () => {
      const units = await transUnits(path);
      expect(units.length).to.be.greaterThan(100);
      for (const { id, source, target } of units) {
        expect(target?.textContent?.trim() ?? '', `${id} "${source.textContent}" has English`).to.not.equal('');
        expect(placeholders(target!), `${id} keeps its placeholders`).to.deep.equal(placeholders(source));
      }
      expect(Object.keys(templates).sort()).to.deep.equal(units.map((u) => u.id).sort());
    });
  }

  it('uses the English words of DESIGN §4 for the statuses', () => {
    const words: Record<string, string> = {
      Nieuw: 'New',
      'Klant-ID vereist': 'Customer ID Required',
      'Productkoppeling mislukt': 'Product Link Failed',
      'Verwerking van verkoop mislukt': 'Sale Processing Failed',
      'In behandeling': 'In Progress',
      'Gereed voor afhalen': 'Ready for Pickup',
      Geannuleerd: 'Cancelled',
      Afgehandeld: 'Completed',
      Gearchiveerd: 'Archived',
      'ROPIS bestelwijze': 'ROPIS order method',
      'Verkoop afhandelen': 'Process sale',
    };
    for (const [dutch, english] of Object.entries(words)) {
      expect(pluginEnglish[generateMsgId(dutch, false) as keyof typeof pluginEnglish], dutch).to.equal(english);
    }
  });

  it('formats euros through Intl in the locale: "€ 12,50" in Dutch, "€12.50" in British English', () => {
    expect(formatEuro(1250, 'nl-NL')).to.equal('€\u00a012,50');
    expect(formatEuro(123450, 'en-GB')).to.equal('€1,234.50');
  });
});

describe('the shell\'s one configuration of @lit/localize', () => {
  it('merges a plugin\'s registered templates, applies them at once in English, and drops them on dispose', async () => {
    const locale = new ShellLocale('en');
    await locale.settled();
    expect(msg('Sluiten')).to.equal('Close');
    const id = generateMsgId('Alleen in deze test', false);
    const registration = locale.registerTranslations('en', () => Promise.resolve({ templates: { [id]: 'Only in this test' } }));
    expect(locale.translationCount).to.equal(1);
    await locale.settled();
    expect(msg('Alleen in deze test')).to.equal('Only in this test');

    registration.dispose();
    expect(locale.translationCount).to.equal(0);
    await locale.settled();
    expect(msg('Alleen in deze test')).to.equal('Alleen in deze test');
    expect(msg('Sluiten')).to.equal('Close');

    locale.setLanguage('nl');
    await locale.settled();
    expect(msg('Sluiten')).to.equal('Sluiten');
    locale.dispose();
  });

  it('shows the shell\'s own words when a plugin\'s templates fail to load', async () => {
    const locale = new ShellLocale('nl');
    const registration = locale.registerTranslations('en', () => Promise.reject(new Error('offline')));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      locale.setLanguage('en');
      await locale.settled();
    } finally {
      console.error = original;
    }
    expect(msg('Sluiten')).to.equal('Close');
    expect(errors).to.have.length(1);
    registration.dispose();
    locale.setLanguage('nl');
    await locale.settled();
    locale.dispose();
  });
});
