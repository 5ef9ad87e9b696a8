import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../../../shell/plugin-loader.js';
import '../../../shell/ui/pos-shell.js';
import type { PosShell } from '../../../shell/ui/pos-shell.js';
import { testHost } from '../host/test-host.js';

const PAPER = 'Papier voor het Locally ontvangstbewijs';

/** Bestand › Instellingen (File › Settings in English), by mouse. */
async function openSettings(shell: PosShell, words = { file: 'Bestand', settings: 'Instellingen' }): Promise<HTMLElement> {
  (await findByShadowRole(shell, 'menuitem', { name: words.file })).click();
  (await findByShadowRole(shell, 'menuitem', { name: words.settings })).click();
  return findByShadowRole(shell, 'dialog', { name: words.settings });
}

const optionLabels = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent.trim());

describe('Instellingen: a setting with a fixed set of values (enum)', () => {
  let host: ShellHost;
  let plugin: PluginHandle;
  let shell: PosShell;

  beforeEach(async () => {
    host = await testHost();
    shell = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
    plugin = await loadPlugin(host, '/plugin.json');
  });

  afterEach(async () => {
    await plugin.deactivate();
    host.dispose();
  });

  const settings = () => host.settings.forPlugin(plugin.manifest);

  it('is a choice list named by its title, with the labels in the shell\'s language, and "Opslaan" stores the choice', async () => {
    const changed: string[] = [];
    const subscription = settings().onDidChange((key) => changed.push(key));
    try {
      const dialog = await openSettings(shell);
      const paper = await findByShadowRole<HTMLSelectElement>(dialog, 'combobox', { name: PAPER });
      expect(optionLabels(paper)).to.deep.equal(['Bonprinter (80 mm)', 'A4']);
      expect(paper.value).to.equal('receipt-80mm');
      await expect(shell).to.be.accessible();

      paper.value = 'a4';
      paper.dispatchEvent(new Event('change', { bubbles: true }));
      (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
      await waitUntil(() => !dialog.isConnected, 'the dialog closes after saving');
      expect(settings().get('locally.receiptPaper')).to.equal('a4');
      expect(changed).to.deep.equal(['locally.receiptPaper']);

      const again = await openSettings(shell);
      expect((await findByShadowRole<HTMLSelectElement>(again, 'combobox', { name: PAPER })).value).to.equal('a4');
    } finally {
      subscription.dispose();
    }
  });

  it('labels the values in English when the shell speaks English', async () => {
    host.setLanguage('en');
    // The shell's own words switch too (once the English templates are in).
    await host.locale.settled();
    const dialog = await openSettings(shell, { file: 'File', settings: 'Settings' });
    const paper = await findByShadowRole<HTMLSelectElement>(dialog, 'combobox', { name: 'Paper for the Locally receipt' });
    expect(optionLabels(paper)).to.deep.equal(['Receipt printer (80 mm)', 'A4']);
  });

  it('every enum setting of the plugin allows its default and labels each value', () => {
    for (const [key, property] of Object.entries(plugin.manifest.contributes.configuration!.properties)) {
      if (!property.enum) continue;
      expect(property.enum, key).to.include(property.default);
      if (property.enumItemLabels) expect(property.enumItemLabels, key).to.have.length(property.enum.length);
    }
  });

  it('the host refuses a value outside the list, saying in Dutch which values are allowed, and keeps the old one', async () => {
    let refused: unknown;
    await settings()
      .update('locally.receiptPaper', 'a5')
      .catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(RangeError);
    expect((refused as Error).message).to.equal(
      'Instelling "locally.receiptPaper" kan alleen een van deze waarden hebben: receipt-80mm, a4.',
    );
    expect(settings().get('locally.receiptPaper')).to.equal('receipt-80mm');
    // The type check comes first and is unchanged.
    await settings()
      .update('locally.receiptPaper', 4)
      .then(
        () => expect.fail('a number was stored'),
        (error: unknown) => expect(error).to.be.instanceOf(TypeError),
      );
    await settings().update('locally.receiptPaper', 'a4');
    expect(settings().get('locally.receiptPaper')).to.equal('a4');
  });
});
