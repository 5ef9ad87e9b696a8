import { expect } from '@open-wc/testing';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { ConfirmRequest, ModalRequest } from '../../shell/host/dialog-queue.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import type { OrderStatus, OrderType, StoredOrder } from '../../src/services/store/order-model.js';
import { productDraft } from '../shell/data/shell-data-fixture.js';
import { loadPluginInto, startPlugin, startShell, storedOrder, until, type PluginFixture } from '../helpers/plugin-fixture.js';

const QUESTION = 'Bestelling afhandelen';

// "Afronden als een verkoop" on a Locally order's transaction offers "Afgehandeld" (issue #6 item 4).
describe('the offer to set an order to Afgehandeld after finalizing', function () {
  this.timeout(20_000);
  let fixture: PluginFixture;
  let tyre: Product;

  beforeEach(async () => {
    fixture = await startPlugin();
    // storedOrder()'s line is this tyre (same EAN).
    tyre = await fixture.shell.data.products.create(productDraft({ stock: 10 }));
  });
  afterEach(async () => {
    fixture.shell.dialogs.closeAll();
    await fixture.dispose();
  });

  /** A stored order in `status` with its host transaction, as the import and staff left it. */
  async function seed(status: OrderStatus, type: OrderType = 'buy'): Promise<{ order: StoredOrder; transaction: Transaction }> {
    const base = storedOrder({ status, type });
    const line = base.order!.lines[0]!;
    const { transaction } = await fixture.shell.data.transactions.create({
      externalRef: `locally:${base.orderId}`,
      lines: [{ productId: tyre.id, description: line.description, quantity: line.quantity, unitPriceCents: line.unitPriceCents, vatRate: line.vatRate }],
    });
    const order: StoredOrder = { ...base, transactionId: transaction.id, barcode: transaction.barcode };
    await fixture.otherTab.putOrders([order]);
    return { order, transaction };
  }

  async function payAndFinalize(transaction: Transaction): Promise<void> {
    await fixture.shell.data.payments.record(transaction.id, { method: 'cash', label: 'Contant', amountCents: transaction.totalCents });
    await fixture.shell.data.transactions.finalize(transaction.id);
  }

  const stored = async (order: StoredOrder) => (await fixture.otherTab.getOrder('locally', order.orderId))!;
  const toasts = () => fixture.shell.messages.toasts.map((toast) => toast.text);
  const outboxOf = async (order: StoredOrder) =>
    (await fixture.otherTab.getPendingOutbox(Number.MAX_SAFE_INTEGER)).filter((message) => message.orderId === order.orderId);

  it('asks about a paid order in "Gereed voor afhalen" and sets it to Afgehandeld on yes', async () => {
    const { order, transaction } = await seed('ready-for-pickup');
    await payAndFinalize(transaction);

    const question = (await fixture.shell.dialogs.waitFor(QUESTION)) as ConfirmRequest;
    expect(question.kind).to.equal('confirm');
    expect(question.message).to.include(`Bestelling ${order.orderId} van Sanne de Vries afhandelen?`);
    expect(question.actions).to.deep.equal([{ id: 'complete', label: 'Afgehandeld' }]);
    question.answer('complete');

    await until(async () => (await stored(order)).status === 'completed', 'order completed');
    const history = await fixture.otherTab.getHistory('locally', order.orderId);
    expect(history.at(-1)).to.include({ from: 'ready-for-pickup', to: 'completed', by: fixture.shell.session.user.name });
    expect((await outboxOf(order)).map((message) => message.kind)).to.deep.equal(['picked-up']);
    await until(() => toasts().includes(`Bestelling ${order.orderId} staat op Afgehandeld.`), 'applied toast');
  });

  it('leaves the order as it was on "Sluiten"', async () => {
    const { order, transaction } = await seed('ready-for-pickup');
    await payAndFinalize(transaction);
    await fixture.shell.dialogs.waitFor(QUESTION);
    fixture.shell.dialogs.answer(QUESTION, undefined);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stored(order)).status).to.equal('ready-for-pickup');
    expect(await outboxOf(order)).to.deep.equal([]);
    expect(fixture.shell.dialogs.pending).to.have.length(0);
  });

  it('asks a reservation its ROPIS bestelwijze and stores it with the status', async () => {
    const { order, transaction } = await seed('ready-for-pickup', 'reserve');
    fixture.shell.dialogs.answerWhenAsked(QUESTION, 'complete');
    await payAndFinalize(transaction);

    const dialog = (await fixture.shell.dialogs.waitFor('ROPIS bestelwijze')) as ModalRequest;
    document.body.append(dialog.content);
    try {
      (await findByShadowRole(dialog.content, 'radio', { name: 'Opgehaald en betaald in de winkel' })).click();
      (await findByShadowRole(dialog.content, 'button', { name: 'OK' })).click();
    } finally {
      dialog.content.remove();
    }

    await until(async () => (await stored(order)).status === 'completed', 'reservation completed');
    expect((await stored(order)).ropisMethod).to.equal('picked-up-paid');
    const [message] = await outboxOf(order);
    expect(message).to.include({ kind: 'picked-up' });
    expect(message!.payload).to.deep.equal({ ropisMethod: 'picked-up-paid' });
  });

  it('leaves a reservation as it was when the ROPIS dialog is closed, and says so', async () => {
    const { order, transaction } = await seed('ready-for-pickup', 'reserve');
    fixture.shell.dialogs.answerWhenAsked(QUESTION, 'complete');
    await payAndFinalize(transaction);

    const dialog = (await fixture.shell.dialogs.waitFor('ROPIS bestelwijze')) as ModalRequest;
    dialog.close();

    await until(() => toasts().includes(`Bestelling ${order.orderId} blijft op Gereed voor afhalen.`), 'kept toast');
    expect((await stored(order)).status).to.equal('ready-for-pickup');
    expect(await outboxOf(order)).to.deep.equal([]);
  });

  it('completes a cancelled order too, without telling the provider again', async () => {
    const { order, transaction } = await seed('cancelled');
    fixture.shell.dialogs.answerWhenAsked(QUESTION, 'complete');
    await payAndFinalize(transaction);

    await until(async () => (await stored(order)).status === 'completed', 'cancelled order completed');
    expect(await outboxOf(order)).to.deep.equal([]);
  });

  it('tells staff the reason when the lifecycle refuses', async () => {
    const { order, transaction } = await seed('ready-for-pickup');
    await payAndFinalize(transaction);
    await fixture.shell.dialogs.waitFor(QUESTION);
    // Meanwhile another tab completed it already.
    await fixture.otherTab.putOrders([{ ...(await stored(order)), status: 'completed' }]);
    fixture.shell.dialogs.answer(QUESTION, 'complete');

    await until(() => toasts().includes('De bestelling heeft al status Afgehandeld.'), 'refusal toast');
  });

  it('does not ask about an order "In behandeling", and says what comes first', async () => {
    const { order, transaction } = await seed('in-progress');
    await payAndFinalize(transaction);

    await until(() => toasts().some((text) => text.startsWith(`Bestelling ${order.orderId} staat op In behandeling`)), 'in-progress toast');
    expect(toasts().find((text) => text.startsWith(`Bestelling ${order.orderId}`))).to.include('Gereed voor afhalen');
    expect(fixture.shell.dialogs.pending).to.have.length(0);
    expect((await stored(order)).status).to.equal('in-progress');
  });

  it('does not ask for a counter sale', async () => {
    const sale = await fixture.shell.data.transactions.createCounterTransaction();
    const withLine = await fixture.shell.data.transactions.addProduct(sale.id, tyre.id);
    await payAndFinalize(withLine);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fixture.shell.dialogs.pending).to.have.length(0);
  });
});

describe('the offer after deactivation', () => {
  it('leaves no listener and asks nothing once the plugin is deactivated', async () => {
    const { shell } = await startShell();
    const before = shell.data.transactions.listenerCount;
    const plugin = await loadPluginInto(shell);
    await plugin.deactivate();
    expect(shell.data.transactions.listenerCount).to.equal(before);

    await finalizeSomeOrderTransaction(shell);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(shell.dialogs.pending).to.have.length(0);
    shell.dispose();
  });
});

async function finalizeSomeOrderTransaction(shell: ShellHost): Promise<void> {
  const tyre = await shell.data.products.create(productDraft({ stock: 10 }));
  const { transaction } = await shell.data.transactions.create({
    externalRef: 'locally:QEGONE1',
    lines: [{ productId: tyre.id, description: tyre.description, quantity: 1, unitPriceCents: 4500, vatRate: 21 }],
  });
  await shell.data.payments.record(transaction.id, { method: 'cash', label: 'Contant', amountCents: transaction.totalCents });
  await shell.data.transactions.finalize(transaction.id);
}
