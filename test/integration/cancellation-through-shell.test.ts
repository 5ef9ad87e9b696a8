import { expect, waitUntil } from '@open-wc/testing';
import { findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { Permissions } from '../../src/host/session.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import type { Transaction } from '../../src/host/transactions.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { screenDriver, type ScreenDriver } from '../helpers/screen-driver.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

const NOTE = 'Bestelling geannuleerd – artikel uitverkocht';

/** Text of an element including what its custom elements render in their shadow roots. */
function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const children = [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes];
  return children.map(deepText).join('');
}

// Issue #6 item 5 and its flows "cancel a paid order", "cancel a reservation" and "a no-show", as staff
// do them in the shell (DESIGN §8 "Cancel"), found by role and name only; checked afterwards on the
// order, the provider, the transaction and the stock.
describe('cancelling an order and a reservation nobody picked up, through the shell', function () {
  this.timeout(120_000);
  const kit = new SimulatorKit('cancellation-through-shell');
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
    // The guide and the screen are lazily imported: compiled once here, so the first test's waits do not
    // race the dev server's first compile on a busy machine.
    await Promise.all([
      import('../../src/contributions/screen-module.js'),
      import('../../src/contributions/cancellation-guide.js'),
      import('../../src/components/cancellation-guide-dialog.js'),
      import('../../src/components/ecommerce-payment-dialog.js'),
      import('../../src/components/ropis-method-dialog.js'),
    ]);
  });
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'cancellation-through-shell');
    ({ shell, simulator, ui, screen } = fixtureUi);
    ({ statusOf, stageAndSave, atLocally, rowOf } = screenDriver(screen, simulator));
    store = new OrderStore({ dbName: `${shell.dbName}:${fixtureUi.plugin.manifest.id}:orders` });
  });

  afterEach(async () => {
    store.dispose();
    shell.dialogs.closeAll();
    await fixtureUi.dispose();
  });

  /** Places an order, imports it with "Nu controleren", and returns it with the stock of its products before the import. */
  async function placeAndImport(type: 'buy' | 'reserve'): Promise<{ placed: LocallyOrder; stockBefore: Map<string, number> }> {
    const placed = await simulator.placeOrder(type, { kind: 'match' });
    const stockBefore = new Map<string, number>();
    for (const line of placed.lines) {
      const [product] = await shell.data.products.findByGtin(line.upc!);
      stockBefore.set(product!.id, product!.stock);
    }
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    await statusOf(placed.id, 'Nieuw');
    return { placed, stockBefore };
  }

  const transactionOf = async (orderId: string) => (await shell.data.transactions.getByExternalRef(`locally:${orderId}`))!;
  const storedOrder = async (orderId: string) => (await store.getOrder('locally', orderId))!;

  /** Double-clicks the order's row: its transaction window opens. */
  async function openTransaction(orderId: string): Promise<HTMLElement> {
    const row = await rowOf(orderId);
    row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    return windowOf(await transactionOf(orderId));
  }

  const windowOf = (transaction: Transaction) => findByShadowRole(ui, 'region', { name: `Transactie ${transaction.barcode}` }, { timeout: 10_000 });

  async function dialogNamed(name: string | RegExp): Promise<HTMLElement> {
    return findByShadowRole(ui, 'dialog', { name }, { timeout: 20_000 });
  }

  async function press(within: HTMLElement, name: string | RegExp): Promise<void> {
    const button = await findByShadowRole(within, 'button', { name }, { timeout: 10_000 });
    await waitUntil(() => button.getAttribute('aria-disabled') !== 'true', `"${String(name)}" available`, { timeout: 10_000 });
    button.click();
  }

  /** "Transactie leegmaken en afronden", the shell's "Afronden als een verkoop", then the plugin's "Afgehandeld". */
  async function emptyAndFinalize(guide: HTMLElement): Promise<void> {
    await press(guide, 'Transactie leegmaken en afronden');
    await press(await dialogNamed('Volledige transactie betaald'), 'Afronden als een verkoop');
    await press(await dialogNamed('Bestelling afhandelen'), 'Afgehandeld');
  }

  async function expectStockBack(stockBefore: Map<string, number>): Promise<void> {
    for (const [productId, before] of stockBefore) {
      await waitUntil(async () => (await shell.data.products.get(productId))!.stock === before, `stock of ${productId} back to ${before}`, { timeout: 10_000 });
    }
  }

  async function expectEmptiedAtZero(orderId: string, note: string): Promise<Transaction> {
    const transaction = await transactionOf(orderId);
    expect(transaction.state).to.equal('finalized');
    expect(transaction.lines).to.deep.equal([]);
    expect(transaction.totalCents).to.equal(0);
    expect(transaction.payments.map((p) => ({ label: p.label, cardType: p.cardType, amountCents: p.amountCents }))).to.deep.equal([
      { label: 'eCommerce', cardType: 'Stripe', amountCents: 0 },
    ]);
    expect(transaction.notes).to.contain(note);
    return transaction;
  }

  async function historyOf(orderId: string): Promise<string[]> {
    return (await store.getHistory('locally', orderId)).map((entry) => entry.to);
  }

  it('cancels a paid order after it was accepted and paid in the till: Locally cancels, the transaction ends empty at € 0,00, the stock is back', async () => {
    const { placed, stockBefore } = await placeAndImport('buy');
    for (const [productId, before] of stockBefore) expect((await shell.data.products.get(productId))!.stock, 'the import took the stock').to.be.below(before);
    await stageAndSave(placed.id, 'Nieuw', 'In behandeling');
    await atLocally(placed.id, 'accepted');

    // The buy-online flow up to the cancellation: Blijf Open and the eCommerce payment.
    let window = await openTransaction(placed.id);
    await press(window, 'Blijf Open');
    await press(window, 'eCommerce');
    const payment = await dialogNamed('eCommerce-betaling');
    await press(payment, 'Opslaan');
    await waitUntil(async () => (await transactionOf(placed.id)).payments.length === 1, 'the online payment recorded');
    // "Blijf Open" is recorded on the order too (without a new revision: a status staged before it still applies).
    await waitUntil(async () => (await storedOrder(placed.id)).keptOpen, 'Blijf Open recorded on the order', { timeout: 10_000 });

    await stageAndSave(placed.id, 'In behandeling', 'Annuleren');
    const guide = await dialogNamed(`Annulering afronden – ${placed.id}`);
    expect(deepText(guide)).to.contain('twee weken').and.contain('betalingsreservering');
    const steps = await findByShadowRole(guide, 'list', { name: 'Stappen' });
    expect(deepText(steps)).to.contain('Alle artikelen verwijderen').and.contain(NOTE).and.contain('€ 0,00');
    const notes = await findByShadowRole<HTMLTextAreaElement>(guide, 'textbox', { name: 'Opmerkingen' });
    expect(notes.value, 'the procedure\'s note below what the import wrote').to.match(new RegExp(`^eCommerce-bestelling ${placed.id}[^]*\n${NOTE}$`));
    await expect(guide).to.be.accessible();
    // The guide opened the transaction for staff to watch.
    window = await windowOf(await transactionOf(placed.id));

    await emptyAndFinalize(guide);
    await atLocally(placed.id, 'cancelled-by-store');
    await waitUntil(async () => (await storedOrder(placed.id)).status === 'completed', 'order completed', { timeout: 15_000 });
    expect(await historyOf(placed.id)).to.deep.equal(['new', 'in-progress', 'cancelled', 'completed']);
    await expectEmptiedAtZero(placed.id, NOTE);
    await expectStockBack(stockBefore);
    expect(window.textContent).to.contain('Afgerond');
  });

  it('cancels a reservation while it is new: declined at Locally, the ROPIS bestelwijze asked, the stock back', async () => {
    const { placed, stockBefore } = await placeAndImport('reserve');
    await stageAndSave(placed.id, 'Nieuw', 'Annuleren');
    const guide = await dialogNamed(`Annulering afronden – ${placed.id}`);
    expect(deepText(guide)).to.contain('niets afgeschreven');
    const notes = await findByShadowRole<HTMLTextAreaElement>(guide, 'textbox', { name: 'Opmerkingen' });
    notes.value = 'Bestelling geannuleerd – klant belde af';
    notes.dispatchEvent(new InputEvent('input'));

    await emptyAndFinalize(guide);
    const ropis = await dialogNamed('ROPIS bestelwijze');
    expect(queryByShadowRole<HTMLInputElement>(ropis, 'radio', { checked: true }), 'nothing chosen for staff: they know who cancelled').to.equal(null);
    (await findByShadowRole(ropis, 'radio', { name: 'Geannuleerd door de klant' })).click();
    await press(ropis, 'OK');

    await waitUntil(async () => (await storedOrder(placed.id)).status === 'completed', 'order completed', { timeout: 15_000 });
    const order: StoredOrder = await storedOrder(placed.id);
    expect(order.ropisMethod).to.equal('cancelled-by-customer');
    expect(await historyOf(placed.id)).to.deep.equal(['new', 'cancelled', 'completed']);
    await atLocally(placed.id, 'declined');
    await expectEmptiedAtZero(placed.id, 'klant belde af');
    await expectStockBack(stockBefore);
  });

  it('a reservation nobody picked up: "Transactie leegmaken" in its transaction, ROPIS "Niet opgehaald" proposed, the stock back', async () => {
    const { placed, stockBefore } = await placeAndImport('reserve');
    await stageAndSave(placed.id, 'Nieuw', 'In behandeling');
    let window = await openTransaction(placed.id);
    await press(window, 'Blijf Open');
    await waitUntil(async () => (await storedOrder(placed.id)).keptOpen, 'Blijf Open recorded on the order', { timeout: 10_000 });
    await stageAndSave(placed.id, 'In behandeling', 'Gereed voor afhalen');
    await atLocally(placed.id, 'ready-for-pickup');

    window = await openTransaction(placed.id);
    await press(window, 'Transactie leegmaken');
    const guide = await dialogNamed(`Niet opgehaald – ${placed.id}`);
    expect((await findByShadowRole<HTMLTextAreaElement>(guide, 'textbox', { name: 'Opmerkingen' })).value).to.match(/\nReservering niet opgehaald$/);
    await emptyAndFinalize(guide);
    const ropis = await dialogNamed('ROPIS bestelwijze');
    expect((await findByShadowRole<HTMLInputElement>(ropis, 'radio', { name: 'Niet opgehaald' })).checked, 'proposed').to.equal(true);
    await press(ropis, 'OK');

    await atLocally(placed.id, 'picked-up');
    await waitUntil(async () => (await storedOrder(placed.id)).status === 'completed', 'order completed', { timeout: 15_000 });
    expect((await storedOrder(placed.id)).ropisMethod).to.equal('not-picked-up');
    expect(await historyOf(placed.id)).to.deep.equal(['new', 'in-progress', 'ready-for-pickup', 'completed']);
    await expectEmptiedAtZero(placed.id, 'Reservering niet opgehaald');
    await expectStockBack(stockBefore);
  });

  it('"Sluiten" half-way changes nothing; "Transactie leegmaken" later resumes; a counter payment must be returned first', async () => {
    const { placed, stockBefore } = await placeAndImport('reserve');
    await stageAndSave(placed.id, 'Nieuw', 'In behandeling');
    const window = await openTransaction(placed.id);
    // Paid at the counter before the customer changed their mind.
    await press(await findByShadowRole(window, 'toolbar', { name: 'Betalingen' }), 'Pin');
    await waitUntil(async () => (await transactionOf(placed.id)).payments.length === 1, 'paid by card');

    await stageAndSave(placed.id, 'In behandeling', 'Annuleren');
    let guide = await dialogNamed(`Annulering afronden – ${placed.id}`);
    await press(guide, 'Sluiten');
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: /Annulering afronden/ }), 'guide closed');
    expect((await transactionOf(placed.id)).lines.length, 'nothing removed').to.equal(placed.lines.length);

    const empty = await findByShadowRole(window, 'button', { name: 'Transactie leegmaken' });
    await waitUntil(() => window.textContent.includes('Geef die eerst terug'), 'the reason shown');
    expect(empty.getAttribute('aria-disabled'), 'unavailable while a counter payment stands').to.equal('true');

    const card = (await transactionOf(placed.id)).payments[0]!;
    await shell.data.payments.remove((await transactionOf(placed.id)).id, card.id);
    await press(window, 'Transactie leegmaken');
    guide = await dialogNamed(`Annulering afronden – ${placed.id}`);
    await emptyAndFinalize(guide);
    (await findByShadowRole(await dialogNamed('ROPIS bestelwijze'), 'radio', { name: 'Geannuleerd door de winkel' })).click();
    await press(await dialogNamed('ROPIS bestelwijze'), 'OK');
    await waitUntil(async () => (await storedOrder(placed.id)).status === 'completed', 'order completed', { timeout: 15_000 });
    await atLocally(placed.id, 'cancelled-by-store');
    await expectEmptiedAtZero(placed.id, NOTE);
    await expectStockBack(stockBefore);
  });

  it('an order the customer cancelled at Locally: the message points to "Transactie leegmaken", which returns the stock', async () => {
    const { placed, stockBefore } = await placeAndImport('buy');
    await stageAndSave(placed.id, 'Nieuw', 'In behandeling');
    await atLocally(placed.id, 'accepted');
    await simulator.cancelByCustomer(placed.id);
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    await statusOf(placed.id, 'Geannuleerd');
    await waitUntil(
      () => shell.messages.toasts.some((toast) => toast.text === `Bestelling ${placed.id} is bij Locally geannuleerd. Open de transactie en kies "Transactie leegmaken".`),
      'told staff what to do',
    );

    const window = await openTransaction(placed.id);
    await press(window, 'Transactie leegmaken');
    await emptyAndFinalize(await dialogNamed(`Annulering afronden – ${placed.id}`));
    await waitUntil(async () => (await storedOrder(placed.id)).status === 'completed', 'order completed', { timeout: 15_000 });
    expect((await simulator.getOrder(placed.id))!.status, 'nothing more told to Locally').to.equal('cancelled-by-customer');
    await expectEmptiedAtZero(placed.id, NOTE);
    await expectStockBack(stockBefore);
  });

  it('without "Geavanceerde betalingen" the guide\'s button is unavailable, saying why', async () => {
    const { placed } = await placeAndImport('buy');
    const noAdvanced = shell.session.users.find((user) => user.permissions.includes(Permissions.ecommerceImport) && !user.permissions.includes(Permissions.advancedPayments));
    expect(noAdvanced, 'the demo has such a user').to.exist;
    await stageAndSave(placed.id, 'Nieuw', 'Annuleren');
    const guide = await dialogNamed(`Annulering afronden – ${placed.id}`);
    await press(guide, 'Sluiten');
    shell.session.switchUser(noAdvanced!.id);
    const window = await windowOf(await transactionOf(placed.id));
    const empty = await findByShadowRole(window, 'button', { name: 'Transactie leegmaken' });
    await waitUntil(() => window.textContent.includes('Geavanceerde betalingen'), 'the reason shown');
    expect(empty.getAttribute('aria-disabled')).to.equal('true');
    expect((await transactionOf(placed.id)).lines.length).to.equal(placed.lines.length);
  });
});
