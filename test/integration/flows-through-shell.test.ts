import { expect, waitUntil } from '@open-wc/testing';
import { waitFor } from '../helpers/wait-for.js';
import { sendKeys } from '@web/test-runner-commands';
import { findAllByShadowRole, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator, LocallySimulatorOptions } from '../../mocks/locally/locally-simulator.js';
import { SimulatorState, type SimulatorOrderRecord } from '../../mocks/locally/simulator-state.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import type { Transaction } from '../../src/host/transactions.js';
import type { HistoryEntry, StoredOrder } from '../../src/services/store/order-model.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { screenDriver, type ScreenDriver } from '../helpers/screen-driver.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

// Issue #6: the shop's two pickup flows (DESIGN §8) end to end, as a person does them in the shell:
// every step through <pos-shell> by role and accessible name. Afterwards the order (status, history),
// the Locally simulator's record, the host transaction (state, payments) and the stock are checked.

/** Remembers the database of the simulator the fixture made, to read what Locally recorded beyond the API (ROPIS method, card charge). */
class RecordingKit extends SimulatorKit {
  lastDbName = '';

  override create(options: LocallySimulatorOptions = {}) {
    const made = super.create(options);
    this.lastDbName = made.dbName;
    return made;
  }
}

const WAIT = { timeout: 15_000 };

/** "€ 1.234,56" (any spaces) → 123456; throws on anything else, so a wrong format fails the test. */
function euroCents(text: string): number {
  const normal = text.replace(/\s/g, ' ').trim();
  const match = /^€ ?(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})$/.exec(normal);
  if (!match) throw new Error(`not a euro amount: "${text}"`);
  return Number(match[1]!.replace(/\./g, '')) * 100 + Number(match[2]);
}

function euro(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Text with every run of white space (incl. no-break spaces) removed, to compare printed text. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, '');
}

function orderCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

describe('the pickup flows through the shell, as the shop\'s procedure says (issue #6)', function () {
  this.timeout(120_000);
  const kit = new RecordingKit('flows-through-shell');
  let fixtureUi: ShellUiFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let ui: PosShell;
  let screen: HTMLElement;
  let store: OrderStore;
  let statusOf: ScreenDriver['statusOf'];
  let stageAndSave: ScreenDriver['stageAndSave'];
  let atLocally: ScreenDriver['atLocally'];
  let rowOf: ScreenDriver['rowOf'];

  before(async () => {
    await kit.start();
    // The screen's code is lazily imported; fetched and compiled once here, so the fixture's first look
    // for the screen does not race the dev server on a busy machine.
    await Promise.all([import('../../src/contributions/screen-module.js'), import('../../src/components/ecommerce-screen.js')]);
  });
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'flows-through-shell');
    ({ shell, simulator, ui, screen } = fixtureUi);
    ({ statusOf, stageAndSave, atLocally, rowOf } = screenDriver(screen, simulator));
    store = new OrderStore({ dbName: `${shell.dbName}:${fixtureUi.plugin.manifest.id}:orders` });
  });

  afterEach(async () => {
    store.dispose();
    await fixtureUi.dispose();
  });

  // --- what a person does ---------------------------------------------------------------------

  /** Stock of each of the order's products before the import, by product id, with the quantity ordered. */
  async function stockBefore(order: LocallyOrder): Promise<Map<string, { stock: number; quantity: number }>> {
    const stock = new Map<string, { stock: number; quantity: number }>();
    for (const line of order.lines) {
      const found = line.upc ? await shell.data.products.findByGtin(line.upc) : await shell.data.products.findByVendorPartNumber(line.vendorPartNumber!);
      expect(found, `exactly one product for line ${line.lineId} (${line.upc ?? line.vendorPartNumber})`).to.have.length(1);
      const product = found[0]!;
      const known = stock.get(product.id);
      stock.set(product.id, { stock: known?.stock ?? product.stock, quantity: (known?.quantity ?? 0) + line.quantity });
    }
    return stock;
  }

  async function placeAndImport(type: 'buy' | 'reserve') {
    const placed = await simulator.placeOrder(type, { kind: 'match' });
    const stock = await stockBefore(placed);
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    await statusOf(placed.id, 'Nieuw');
    const transaction = (await shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    expect(transaction, 'the import made the transaction').to.exist;
    return { placed, stock, barcode: transaction.barcode, transactionId: transaction.id };
  }

  /** Chooses `option` in the row's status select and presses the screen's "Opslaan"; waits until it is stored as `shown`. */
  async function changeStatus(orderId: string, current: string, option: string, shown = option): Promise<void> {
    await stageAndSave(orderId, current, option);
    await statusOf(orderId, shown);
  }

  /** Opens the order's transaction from the screen: select the row, then Enter (keyboard) or a double-click. */
  async function openFromScreen(orderId: string, barcode: string, how: 'enter' | 'double-click'): Promise<HTMLElement> {
    const row = await rowOf(orderId);
    row.click();
    await waitUntil(() => row.getAttribute('aria-selected') === 'true', 'row selected', WAIT);
    if (how === 'enter') {
      row.focus();
      await sendKeys({ press: 'Enter' });
    } else {
      row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    }
    return findByShadowRole(ui, 'region', { name: `Transactie ${barcode}` }, WAIT);
  }

  async function closeWindow(window: HTMLElement, barcode: string): Promise<void> {
    (await findByShadowRole(window, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'region', { name: `Transactie ${barcode}` }), 'the transaction window closed', WAIT);
  }

  async function toolbarButton(window: HTMLElement, toolbar: 'Transactie' | 'Betalingen', name: string): Promise<HTMLElement> {
    const bar = await findByShadowRole(window, 'toolbar', { name: toolbar }, WAIT);
    return findByShadowRole(bar, 'button', { name }, WAIT);
  }

  /** Presses a toolbar button once the window knows it is available (availability loads after the window). */
  async function press(window: HTMLElement, toolbar: 'Transactie' | 'Betalingen', name: string): Promise<void> {
    let button = await toolbarButton(window, toolbar, name);
    await waitUntil(
      async () => (button = await toolbarButton(window, toolbar, name)).getAttribute('aria-disabled') === 'false',
      `"${name}" available (${button.getAttribute('aria-describedby') ?? ''})`,
      WAIT,
    );
    button.click();
  }

  /** The window's state badge ("Open", "Open (blijft open)", "Afgerond") once it says `text`. */
  async function stateBadge(window: HTMLElement, text: string): Promise<void> {
    let shown = '';
    await waitUntil(() => (shown = window.querySelector('header .state')?.textContent.trim() ?? '') === text, `window says "${text}" (now "${shown}")`, WAIT);
  }

  /** Presses "Afdrukken" in the print preview named `title`; returns a copy of the paper it showed. */
  async function printPreview(title: string | RegExp): Promise<HTMLElement> {
    const preview = await findByShadowRole(ui, 'dialog', { name: 'Afdrukvoorbeeld' }, WAIT);
    const paper = await findByShadowRole(preview, 'document', { name: title }, WAIT);
    const copy = paper.cloneNode(true) as HTMLElement;
    (await findByShadowRole(preview, 'button', { name: 'Afdrukken' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Afdrukvoorbeeld' }), 'the preview closed', WAIT);
    return copy;
  }

  async function answer(dialogName: string, button: string): Promise<HTMLElement> {
    const dialog = await findByShadowRole(ui, 'dialog', { name: dialogName }, WAIT);
    (await findByShadowRole(dialog, 'button', { name: button })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: dialogName }), `"${dialogName}" closed`, WAIT);
    return dialog;
  }

  async function toolsItem(name: string): Promise<HTMLElement> {
    const tools = await findByShadowRole(ui, 'menuitem', { name: 'Gereedschap' });
    if (tools.getAttribute('aria-expanded') !== 'true') tools.click();
    await waitUntil(() => tools.getAttribute('aria-expanded') === 'true', 'Gereedschap opened', WAIT);
    return findByShadowRole(ui, 'menuitem', { name }, WAIT);
  }

  /** Waits for the shell's toast (a live status region) to say `text`. */
  async function toast(text: string): Promise<void> {
    await waitUntil(async () => (await findAllByShadowRole(ui, 'status')).some((region) => region.textContent.includes(text)), `the shell says "${text}"`, WAIT);
  }

  async function typeNote(window: HTMLElement, text: string): Promise<void> {
    const notes = await findByShadowRole<HTMLTextAreaElement>(window, 'textbox', { name: 'Opmerkingen' });
    notes.focus();
    await sendKeys({ type: text });
    expect(notes.value).to.contain(text);
  }

  // --- what is checked afterwards ---------------------------------------------------------------

  async function simulatorRecord(orderId: string): Promise<SimulatorOrderRecord> {
    const state = await SimulatorState.open(kit.lastDbName);
    try {
      return (await state.getOrder(orderId))!;
    } finally {
      state.close();
    }
  }

  async function storedOrder(orderId: string, status: string): Promise<StoredOrder> {
    let order: StoredOrder | undefined;
    await waitFor(async () => (order = await store.getOrder('locally', orderId))?.status === status, () => `${orderId} stored as ${status} (now ${order?.status})`, WAIT);
    return order!;
  }

  /** The status changes staff made, in order (the import's own entries first). */
  function statusPath(history: readonly HistoryEntry[]): string[] {
    return [...history].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0)).map((entry) => entry.to);
  }

  async function expectStockTaken(stock: Map<string, { stock: number; quantity: number }>, transaction: Transaction): Promise<void> {
    const ordered = new Map<string, number>();
    for (const line of transaction.lines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
    expect([...ordered.keys()].sort(), 'the transaction holds the order\'s products').to.deep.equal([...stock.keys()].sort());
    for (const [productId, { stock: before, quantity }] of stock) {
      expect(ordered.get(productId), `quantity of ${productId}`).to.equal(quantity);
      expect((await shell.data.products.get(productId))!.stock, `stock of ${productId}: ${before} − ${quantity}`).to.equal(before - quantity);
    }
  }

  async function expectCompletedInScreen(orderId: string): Promise<void> {
    await waitUntil(async () => !(await findAllByShadowRole(screen, 'row')).some((row) => row.textContent.includes(orderId)), 'gone from the open list', WAIT);
    const filter = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Filter op status' });
    filter.value = 'completed';
    filter.dispatchEvent(new Event('change'));
    await statusOf(orderId, 'Afgehandeld');
  }

  // --- the flows ------------------------------------------------------------------------------

  it('buy online (paid) to pickup: Blijf Open, eCommerce payment, Locally receipt, transaction receipt, ready, finalize at pickup, Afgehandeld', async () => {
    const { placed, stock, barcode, transactionId } = await placeAndImport('buy');
    const paidCents = orderCents(placed.payment!.amount);
    const totalCents = orderCents(placed.total);
    expect(paidCents, 'paid online in full').to.equal(totalCents);

    // Check the payment, accept.
    await changeStatus(placed.id, 'Nieuw', 'In behandeling');
    await atLocally(placed.id, 'accepted');

    // Open the transaction, keep it open until pickup.
    let window = await openFromScreen(placed.id, barcode, 'enter');
    await press(window, 'Transactie', 'Blijf Open');
    await waitUntil(async () => (await shell.data.transactions.get(transactionId))!.keptOpen, 'kept open', WAIT);
    await stateBadge(window, 'Open (blijft open)');
    await waitUntil(async () => (await store.getOrder('locally', placed.id))!.keptOpen, 'the order says kept open too', WAIT);

    // The eCommerce payment: what was paid online, with the authorization id.
    await press(window, 'Betalingen', 'eCommerce');
    const payment = await findByShadowRole(ui, 'dialog', { name: 'eCommerce-betaling' }, WAIT);
    const cardType = await findByShadowRole<HTMLSelectElement>(payment, 'combobox', { name: 'Kaarttype' }, WAIT);
    cardType.value = 'Stripe';
    cardType.dispatchEvent(new Event('change', { bubbles: true }));
    const amount = await findByShadowRole<HTMLInputElement>(payment, 'textbox', { name: 'Bedrag' });
    expect(amount.value, 'Bedrag pre-filled with what was paid online').to.equal((paidCents / 100).toFixed(2).replace('.', ','));
    const note = await findByShadowRole<HTMLTextAreaElement>(payment, 'textbox', { name: 'Opmerkingen' });
    expect(note.value, 'Opmerkingen pre-filled with the authorization id').to.equal(placed.payment!.authorizationId);
    (await findByShadowRole(payment, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'eCommerce-betaling' }), 'the payment dialog closed', WAIT);
    window = await findByShadowRole(ui, 'region', { name: `Transactie ${barcode}` });
    const paymentsList = await findByShadowRole(window, 'list', { name: 'Betalingen op deze transactie' }, WAIT);
    expect(paymentsList.textContent).to.contain('eCommerce (Stripe)').and.contain(placed.payment!.authorizationId);

    // Save: kept open, so no finalize prompt and the transaction stays open.
    await press(window, 'Transactie', 'Opslaan');
    await toast('Transactie opgeslagen; ze blijft open.');
    expect(queryByShadowRole(ui, 'dialog', { name: 'Volledige transactie betaald' }), 'no finalize prompt while kept open').to.equal(null);
    expect(shell.dialogs.pending, 'no dialog at all').to.have.length(0);
    expect((await shell.data.transactions.get(transactionId))!.state).to.equal('open');
    expect(queryByShadowRole(ui, 'region', { name: `Transactie ${barcode}` }), 'the window stays').to.not.equal(null);

    // Gereedschap › Locally Ontvangstbewijs afdrukken.
    const receiptItem = await toolsItem('Locally Ontvangstbewijs afdrukken');
    await waitUntil(() => receiptItem.getAttribute('aria-disabled') === 'false', 'the Locally receipt available for a paid order', WAIT);
    receiptItem.click();
    const receiptPaper = await printPreview(`Locally ontvangstbewijs ${placed.id}`);
    const receipt = receiptPaper.textContent;
    expect(receipt).to.contain(placed.id).and.contain('Stripe').and.contain(placed.payment!.last4).and.contain(placed.payment!.authorizationId);
    expect(squeezed(receipt)).to.contain(squeezed(`Totaal${euro(totalCents)}`));
    // Its VAT table: excl. + VAT per rate add up to the order total, to the cent.
    const vatRows = [...receiptPaper.querySelectorAll('tr')].filter((row) => /^\d+%$/.test(row.cells[0]?.textContent.trim() ?? ''));
    expect(vatRows.length, 'a VAT row per rate').to.equal(new Set(placed.lines.map((line) => line.vatRate)).size);
    const vatSum = vatRows.reduce((sum, row) => sum + euroCents(row.cells[1]!.textContent) + euroCents(row.cells[2]!.textContent), 0);
    expect(vatSum, 'excl. + btw over the rates').to.equal(totalCents);

    // The transaction receipt.
    await press(window, 'Transactie', 'Bon afdrukken');
    const txReceipt = (await printPreview(`Transactiebon ${barcode}`)).textContent;
    expect(txReceipt).to.contain(barcode).and.contain(`locally:${placed.id}`).and.contain('eCommerce (Stripe)').and.contain('Open transactie');
    expect(shell.printing.printed.map((p) => p.title)).to.deep.equal([`Locally ontvangstbewijs ${placed.id}`, `Transactiebon ${barcode}`]);
    await closeWindow(window, barcode);

    // Ready for pickup lifts "Blijf Open".
    await changeStatus(placed.id, 'In behandeling', 'Gereed voor afhalen');
    await atLocally(placed.id, 'ready-for-pickup');
    await waitUntil(async () => !(await shell.data.transactions.get(transactionId))!.keptOpen, 'no longer kept open', WAIT);
    expect((await storedOrder(placed.id, 'ready-for-pickup')).keptOpen).to.equal(false);

    // At pickup: open, note, save → finalize prompt → Afronden als een verkoop → Afgehandeld.
    window = await openFromScreen(placed.id, barcode, 'double-click');
    await stateBadge(window, 'Open');
    expect(window.textContent).to.not.contain('Open (blijft open)');
    await typeNote(window, 'Afgehaald door klant, legitimatie gezien');
    await press(window, 'Transactie', 'Opslaan');
    await answer('Volledige transactie betaald', 'Afronden als een verkoop');
    const question = await answer('Bestelling afhandelen', 'Afgehandeld');
    expect(question.textContent).to.contain(placed.id);
    expect(queryByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }), 'no ROPIS question for a paid order').to.equal(null);

    // Afterwards: the order, Locally, the transaction, the stock.
    const completed = await storedOrder(placed.id, 'completed');
    expect(completed.ropisMethod).to.equal(undefined);
    const history = await store.getHistory('locally', placed.id);
    const path = statusPath(history);
    expect(path.slice(-3), `history ${path.join(' → ')}`).to.deep.equal(['in-progress', 'ready-for-pickup', 'completed']);
    expect(path.filter((to) => to !== 'new'), 'nothing but the import before the changes').to.deep.equal(['in-progress', 'ready-for-pickup', 'completed']);
    expect(history.filter((entry) => entry.to !== 'new').map((entry) => entry.by), 'who made each change').to.deep.equal(Array(3).fill(shell.session.user.name));
    await atLocally(placed.id, 'picked-up');
    const record = await simulatorRecord(placed.id);
    expect(record.charged, 'the card stays charged').to.equal(true);
    expect(record.ropisMethod).to.equal(undefined);

    const transaction = (await shell.data.transactions.get(transactionId))!;
    expect(transaction.state).to.equal('finalized');
    expect(transaction.notes).to.contain('Afgehaald door klant, legitimatie gezien');
    expect(transaction.totalCents).to.equal(totalCents);
    expect(transaction.payments).to.have.length(1);
    expect(transaction.payments[0]).to.include({ method: 'locally.ecommercePayment', label: 'eCommerce', cardType: 'Stripe', amountCents: paidCents, note: placed.payment!.authorizationId });
    await expectStockTaken(stock, transaction);
    await expectCompletedInScreen(placed.id);
  });

  it('reserve (unpaid) to pickup: no online payment nor Locally receipt, Pin at pickup, Afgehandeld through the ROPIS bestelwijze', async () => {
    const { placed, stock, barcode, transactionId } = await placeAndImport('reserve');
    const totalCents = orderCents(placed.total);
    expect(placed.payment).to.equal(undefined);

    await changeStatus(placed.id, 'Nieuw', 'In behandeling');
    await atLocally(placed.id, 'accepted');
    let window = await openFromScreen(placed.id, barcode, 'double-click');
    await press(window, 'Transactie', 'Blijf Open');
    await stateBadge(window, 'Open (blijft open)');

    // The eCommerce payment takes only € 0,00 on a reservation, and says so.
    await press(window, 'Betalingen', 'eCommerce');
    const payment = await findByShadowRole(ui, 'dialog', { name: 'eCommerce-betaling' }, WAIT);
    const amount = await findByShadowRole<HTMLInputElement>(payment, 'textbox', { name: 'Bedrag' }, WAIT);
    expect(amount.value).to.equal('0,00');
    amount.value = (totalCents / 100).toFixed(2).replace('.', ',');
    (await findByShadowRole(payment, 'button', { name: 'Opslaan' })).click();
    const alert = await findByShadowRole(payment, 'alert', {}, WAIT);
    await waitUntil(() => alert.textContent.includes('Een reservering wordt in de winkel betaald; alleen € 0,00 kan hier.'), `the refusal shown (now "${alert.textContent}")`, WAIT);
    (await findByShadowRole(payment, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'eCommerce-betaling' }), 'the payment dialog closed', WAIT);
    expect((await shell.data.transactions.get(transactionId))!.payments, 'nothing recorded').to.have.length(0);

    // No Locally receipt for a reservation, with the reason; choosing it prints nothing.
    const receiptItem = await toolsItem('Locally Ontvangstbewijs afdrukken');
    await waitUntil(() => receiptItem.getAttribute('aria-disabled') === 'true', 'the Locally receipt unavailable', WAIT);
    expect(await findByShadowRole(ui, 'menuitem', { name: 'Locally Ontvangstbewijs afdrukken', description: 'Alleen beschikbaar op de transactie van een betaalde Locally-bestelling.' })).to.equal(receiptItem);
    receiptItem.click();
    await toast('Alleen beschikbaar op de transactie van een betaalde Locally-bestelling.');
    expect(queryByShadowRole(ui, 'dialog', { name: 'Afdrukvoorbeeld' })).to.equal(null);
    expect(shell.printing.pending).to.have.length(0);
    (await findByShadowRole(ui, 'menuitem', { name: 'Gereedschap' })).click();

    // The transaction receipt, then ready for pickup.
    await press(window, 'Transactie', 'Bon afdrukken');
    const txReceipt = (await printPreview(`Transactiebon ${barcode}`)).textContent;
    expect(txReceipt).to.contain(`locally:${placed.id}`);
    expect(squeezed(txReceipt)).to.contain(squeezed(`Te betalen ${euro(totalCents)}`));
    await closeWindow(window, barcode);
    await changeStatus(placed.id, 'In behandeling', 'Gereed voor afhalen');
    await atLocally(placed.id, 'ready-for-pickup');
    await waitUntil(async () => !(await shell.data.transactions.get(transactionId))!.keptOpen, 'no longer kept open', WAIT);

    // At pickup: Pin, save, finalize, Afgehandeld, ROPIS bestelwijze.
    window = await openFromScreen(placed.id, barcode, 'enter');
    await press(window, 'Betalingen', 'Pin');
    await waitUntil(async () => (await shell.data.transactions.get(transactionId))!.payments.length === 1, 'paid by Pin', WAIT);
    await press(window, 'Transactie', 'Opslaan');
    await answer('Volledige transactie betaald', 'Afronden als een verkoop');
    const question = await answer('Bestelling afhandelen', 'Afgehandeld');
    expect(question.textContent).to.contain(placed.id).and.contain('ROPIS bestelwijze');
    const ropis = await findByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }, WAIT);
    (await findByShadowRole(ropis, 'radio', { name: 'Opgehaald en betaald in de winkel' })).click();
    (await findByShadowRole(ropis, 'button', { name: 'OK' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }), 'the ROPIS dialog closed', WAIT);

    const completed = await storedOrder(placed.id, 'completed');
    expect(completed.ropisMethod).to.equal('picked-up-paid');
    const history = await store.getHistory('locally', placed.id);
    const path = statusPath(history);
    expect(path.filter((to) => to !== 'new'), `history ${path.join(' → ')}`).to.deep.equal(['in-progress', 'ready-for-pickup', 'completed']);
    expect(history.find((entry) => entry.to === 'completed')!.note).to.equal('Opgehaald en betaald in de winkel');
    await atLocally(placed.id, 'picked-up');
    const record = await simulatorRecord(placed.id);
    expect(record.ropisMethod).to.equal('picked-up-paid');
    expect(record.charged, 'nothing charged online').to.not.equal(true);

    const transaction = (await shell.data.transactions.get(transactionId))!;
    expect(transaction.state).to.equal('finalized');
    expect(transaction.totalCents).to.equal(totalCents);
    expect(transaction.payments).to.have.length(1);
    expect(transaction.payments[0]).to.include({ method: 'card', label: 'Pin', amountCents: totalCents });
    await expectStockTaken(stock, transaction);
    await expectCompletedInScreen(placed.id);
  });
});
