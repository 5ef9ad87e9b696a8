import { expect, waitUntil } from '@open-wc/testing';
import { waitFor } from '../helpers/wait-for.js';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import type { Transaction } from '../../src/host/transactions.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

// Issue #6 item 7, as staff do it in the transaction window: changing a price on an online order's
// transaction asks first ("neem eerst contact op met de klant"); a sale at the counter does not.
describe('changing a line price in the transaction window', function () {
  this.timeout(60_000);
  const kit = new SimulatorKit('price-change-through-shell');
  let fixtureUi: ShellUiFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let ui: PosShell;
  let screen: HTMLElement;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'price-change-through-shell');
    ({ shell, simulator, ui, screen } = fixtureUi);
  });

  afterEach(() => fixtureUi.dispose());

  /** Places a paid order at Locally, imports it with "Nu controleren" and returns its transaction. */
  async function importedTransaction(): Promise<Transaction> {
    const placed = await simulator.placeOrder('buy', { kind: 'match' });
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    let transaction: Transaction | undefined;
    await waitUntil(
      async () => (transaction = await shell.data.transactions.getByExternalRef(`locally:${placed.id}`)) !== undefined,
      `the transaction for ${placed.id}`,
      { timeout: 15_000 },
    );
    return transaction!;
  }

  /** Opens the transaction window and returns the price field of its first line. */
  async function priceField(transaction: Transaction): Promise<HTMLInputElement> {
    await shell.data.transactions.open(transaction.id);
    const window = await findByShadowRole(ui, 'region', { name: `Transactie ${transaction.barcode}` });
    return findByShadowRole<HTMLInputElement>(window, 'textbox', { name: `Prijs ${transaction.lines[0]!.description}` });
  }

  function type(field: HTMLInputElement, text: string): void {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }

  const stored = async (transaction: Transaction) => (await shell.data.transactions.get(transaction.id))!;
  const asString = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

  it('asks first on a Locally order: "Sluiten" keeps the old price, "Prijs wijzigen" stores the new one and the total follows', async () => {
    const transaction = await importedTransaction();
    const line = transaction.lines[0]!;
    const newPrice = line.unitPriceCents > 100 ? line.unitPriceCents - 100 : line.unitPriceCents + 100;
    const field = await priceField(transaction);
    expect(field.value).to.equal(asString(line.unitPriceCents));

    type(field, asString(newPrice));
    let dialog = await findByShadowRole(ui, 'dialog', { name: 'Prijs wijzigen' }, { timeout: 5_000 });
    expect(dialog.textContent).to.match(/neem eerst contact op met de klant/i);
    expect(dialog.textContent).to.contain(transaction.externalRef!.split(':')[1]);
    await expect(dialog).to.be.accessible();
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();

    await waitUntil(() => shell.messages.toasts.some((t) => t.text.startsWith('Prijs niet gewijzigd.')), 'told the price stayed');
    await waitFor(() => field.value === asString(line.unitPriceCents), () => `old price shown again (now ${field.value})`);
    expect(await stored(transaction)).to.deep.equal(transaction);

    type(field, asString(newPrice));
    dialog = await findByShadowRole(ui, 'dialog', { name: 'Prijs wijzigen' }, { timeout: 5_000 });
    (await findByShadowRole(dialog, 'button', { name: 'Prijs wijzigen' })).click();

    await waitUntil(async () => (await stored(transaction)).lines[0]!.unitPriceCents === newPrice, 'the new price stored');
    const after = await stored(transaction);
    expect(after.totalCents).to.equal(transaction.totalCents + (newPrice - line.unitPriceCents) * line.quantity);
    await waitFor(() => field.value === asString(newPrice), () => `new price shown (now ${field.value})`);
  });

  it('changes a counter sale\'s price without a question, and refuses an amount that is none', async () => {
    const order = await importedTransaction();
    const counter = await shell.data.transactions.createCounterTransaction();
    const sale = await shell.data.transactions.addProduct(counter.id, order.lines[0]!.productId);
    const field = await priceField(sale);

    type(field, '12,50');
    await waitUntil(async () => (await stored(sale)).lines[0]!.unitPriceCents === 1250, 'the new price stored');
    expect((await stored(sale)).totalCents).to.equal(1250);
    expect(shell.dialogs.pending).to.have.length(0);

    type(field, 'twaalf');
    await waitUntil(() => shell.messages.toasts.some((t) => t.text.includes('"twaalf" is geen geldig bedrag')), 'told it is no amount');
    await waitFor(() => field.value === '12,50', () => `old price shown again (now ${field.value})`);
    expect((await stored(sale)).lines[0]!.unitPriceCents).to.equal(1250);
  });

  it('asks no more after the plugin is deactivated: its guard went with it', async () => {
    const transaction = await importedTransaction();
    await fixtureUi.plugin.deactivate();
    const field = await priceField(transaction);

    type(field, '1,00');
    await waitUntil(async () => (await stored(transaction)).lines[0]!.unitPriceCents === 100, 'the new price stored');
    expect(shell.dialogs.pending).to.have.length(0);
  });
});
