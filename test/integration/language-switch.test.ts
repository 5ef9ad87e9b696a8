import { expect, waitUntil } from '@open-wc/testing';
import { findAllByShadowRole, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { waitFor } from '../helpers/wait-for.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

const WAIT = { timeout: 15_000 };

// Issue 7, "Languages": the plugin's screen follows the shell's language, live, in words and in formats.
// The shell and the plugin share one copy of @lit/localize here (as in `npm start`): the shell owns its
// configuration and the plugin's English templates reach it through LocaleService.registerTranslations.
describe('switching the shell between Dutch and English', function () {
  this.timeout(90_000);
  const kit = new SimulatorKit('language-switch');
  let fixtureUi: ShellUiFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let ui: PosShell;
  let screen: HTMLElement;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'language-switch');
    ({ shell, simulator, ui, screen } = fixtureUi);
  });

  afterEach(async () => {
    // Dutch again for whoever runs next in this page: @lit/localize has one language per page.
    shell.setLanguage('nl');
    await shell.locale.settled();
    await fixtureUi.dispose();
  });

  async function rowOf(orderId: string, status: string): Promise<HTMLElement> {
    let found: HTMLElement | undefined;
    await waitUntil(
      async () => {
        const rows = await findAllByShadowRole(screen, 'row');
        found = rows.find((row) => row.textContent.includes(orderId) && row.querySelector('select')?.selectedOptions[0]?.text === status);
        return found !== undefined;
      },
      `order ${orderId} shown as ${status}`,
      WAIT,
    );
    return found!;
  }

  it('re-renders the screen in English and back in Dutch: words, status labels, headers, money', async () => {
    const placed = await simulator.placeOrder('buy', { kind: 'match' });
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    let row = await rowOf(placed.id, 'Nieuw');
    // Dutch money: "€ 12,50" (Intl puts a no-break space after the sign).
    expect(row.textContent).to.match(/€\s\d[\d.]*,\d\d/);

    shell.setLanguage('en');
    await shell.locale.settled();
    // The screen (the region is named by its own heading) and its toolbar.
    const english = await findByShadowRole(ui, 'region', { name: 'eCommerce sales' }, WAIT);
    expect(english).to.equal(screen);
    await findByShadowRole(screen, 'button', { name: 'Check now' }, WAIT);
    await findByShadowRole(screen, 'button', { name: 'Save' });
    await findByShadowRole(screen, 'button', { name: 'Identify customer' });
    expect(queryByShadowRole(screen, 'button', { name: 'Nu controleren' })).to.equal(null);
    // Grid headers and the status labels of DESIGN §4.
    await findByShadowRole(screen, 'columnheader', { name: 'eCommerce order ID' });
    await findByShadowRole(screen, 'columnheader', { name: 'Customer' });
    row = await rowOf(placed.id, 'New');
    const options = [...row.querySelector('select')!.options].map((option) => option.text);
    expect(options).to.include.members(['New', 'In Progress', 'Cancel']);
    // British English money: "€12.50"; the placed date in en-GB (day/month/year).
    expect(row.textContent).to.match(/€\d[\d,]*\.\d\d/);
    expect(row.textContent).not.to.match(/€\s\d[\d.]*,\d\d/);
    // The shell around it, and the plugin's tile.
    await findByShadowRole(ui, 'button', { name: /^eCommerce, \d+ to handle$/ }, WAIT);
    const menubar = await findByShadowRole(ui, 'menubar', { name: 'Main menu' });
    await findByShadowRole(menubar, 'menuitem', { name: 'File' });
    await findByShadowRole(ui, 'region', { name: 'Messages' });

    shell.setLanguage('nl');
    await shell.locale.settled();
    await findByShadowRole(screen, 'button', { name: 'Nu controleren' }, WAIT);
    await findByShadowRole(screen, 'columnheader', { name: 'eCommerce order-ID' });
    row = await rowOf(placed.id, 'Nieuw');
    expect(row.textContent).to.match(/€\s\d[\d.]*,\d\d/);
    await findByShadowRole(ui, 'button', { name: /^eCommerce, \d+ te behandelen$/ }, WAIT);
    await findByShadowRole(ui, 'menubar', { name: 'Hoofdmenu' });
  });

  it('shows the plugin\'s dialogs in English: "Identify customer"', async () => {
    const placed = await simulator.placeOrder('buy', { kind: 'unknown-customer' });
    shell.setLanguage('en');
    await shell.locale.settled();
    (await findByShadowRole(screen, 'button', { name: 'Check now' }, WAIT)).click();
    const row = await rowOf(placed.id, 'Customer ID Required');
    row.click();
    await waitUntil(() => row.getAttribute('aria-selected') === 'true', 'row selected');
    (await findByShadowRole(screen, 'button', { name: 'Identify customer' })).click();
    const dialog = await findByShadowRole(ui, 'dialog', { name: 'Identify customer' }, WAIT);
    await findByShadowRole(dialog, 'button', { name: 'Choose customer' });
    await findByShadowRole(dialog, 'button', { name: 'Create new customer' });
    await findByShadowRole(dialog, 'button', { name: 'Close' });
    expect(dialog.textContent).not.to.contain('Klant zoeken');

    // Switching while the dialog is open re-renders it too.
    shell.setLanguage('nl');
    await shell.locale.settled();
    await findByShadowRole(dialog, 'button', { name: 'Kies klant' }, WAIT);
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Klant identificeren' }), 'the dialog closed', WAIT);
  });

  it('says in English why a check failed, Locally\'s own reason included', async () => {
    shell.setLanguage('en');
    await shell.locale.settled();
    await simulator.setFault('server-error', 'on');
    (await findByShadowRole(screen, 'button', { name: 'Check now' }, WAIT)).click();
    const status = await findByShadowRole(screen, 'status');
    await waitFor(() => status.textContent.startsWith('Checking failed'), () => `the check failed (now "${status.textContent}")`, WAIT);
    expect(status.textContent).to.equal('Checking failed: Locally has a fault (503). It will be tried again later.');
  });
});
