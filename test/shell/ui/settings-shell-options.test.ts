import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import '../../../shell/ui/pos-shell.js';
import type { PosShell } from '../../../shell/ui/pos-shell.js';
import { testHost } from '../host/test-host.js';

async function openSettings(shell: PosShell): Promise<HTMLElement> {
  (await findByShadowRole(shell, 'menuitem', { name: 'Bestand' })).click();
  (await findByShadowRole(shell, 'menuitem', { name: 'Instellingen' })).click();
  return findByShadowRole(shell, 'dialog', { name: 'Instellingen' });
}

// The shell's own settings (host.shellOptions), as npm start offers "Voorbeeldplug-in laden".
describe('settings: the shell’s own options under "Kassa"', () => {
  let host: ShellHost;
  beforeEach(async () => (host = await testHost()));
  afterEach(() => host.dispose());

  it('shows none when the page offers none', async () => {
    const ui = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
    const dialog = await openSettings(ui);
    expect(queryByShadowRole(dialog, 'group', { name: 'Kassa' })).to.equal(null);
  });

  it('shows an option as a checkbox and applies it on "Opslaan" only when changed', async () => {
    const applied: boolean[] = [];
    host.shellOptions.push({
      id: 'example',
      title: { nl: 'Voorbeeldplug-in laden', en: 'Load the example plug-in' },
      description: { nl: 'De kassa herlaadt.', en: 'The till reloads.' },
      value: false,
      apply: (value) => applied.push(value),
    });
    const ui = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
    let dialog = await openSettings(ui);
    const group = await findByShadowRole(dialog, 'group', { name: 'Kassa' });
    const box = await findByShadowRole<HTMLInputElement>(group, 'checkbox', { name: 'Voorbeeldplug-in laden', description: 'De kassa herlaadt.' });
    expect(box.checked).to.equal(false);
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Instellingen' }), 'dialog closed');
    expect(applied).to.deep.equal([]);

    dialog = await openSettings(ui);
    (await findByShadowRole<HTMLInputElement>(dialog, 'checkbox', { name: 'Voorbeeldplug-in laden' })).click();
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => applied.length === 1, 'applied');
    expect(applied).to.deep.equal([true]);
  });
});
