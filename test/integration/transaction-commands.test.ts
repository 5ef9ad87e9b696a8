import { expect } from '@open-wc/testing';
import { findByShadowRole, findByShadowText } from 'shadow-dom-testing-library';
import type { ModalRequest } from '../../shell/host/dialog-queue.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import { startPlugin, storedOrder, type PluginFixture } from '../helpers/plugin-fixture.js';

describe('the transaction window buttons', () => {
  let fixture: PluginFixture;
  let product: Product;

  beforeEach(async () => {
    fixture = await startPlugin();
    product = await fixture.shell.data.products.create({
      description: 'Schwalbe Marathon Plus 28 x 1.75',
      brand: 'Schwalbe',
      ean: '4026495366892',
      vendorPartNumber: 'SW-11100',
      priceCents: 4995,
      vatRate: 21,
      stock: 5,
    });
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  /** A transaction for a stored order, as the import will make it. */
  async function orderTransaction(type: 'buy' | 'reserve' = 'buy'): Promise<Transaction> {
    const order = storedOrder({ type });
    await fixture.otherTab.putOrders([order]);
    const result = await fixture.shell.data.transactions.create({
      externalRef: `locally:${order.orderId}`,
      lines: [{ productId: product.id, description: product.description, quantity: 2, unitPriceCents: 4500, vatRate: 21 }],
    });
    return result.transaction;
  }

  const transactionMenu = (menu: 'transaction/toolbar' | 'transaction/payments', transaction: Transaction) =>
    fixture.shell.visibleMenuItems(menu, fixture.shell.transactionContext(transaction)).map((item) => item.title);

  it('shows "Blijf Open" and "eCommerce" only on an eCommerce transaction', async () => {
    const counterSale = await fixture.shell.data.transactions.createCounterTransaction();
    expect(transactionMenu('transaction/toolbar', counterSale)).not.to.include('Blijf Open');
    expect(transactionMenu('transaction/payments', counterSale)).not.to.include('eCommerce');

    const ecommerce = await orderTransaction();
    expect(transactionMenu('transaction/toolbar', ecommerce)).to.include('Blijf Open');
    expect(transactionMenu('transaction/payments', ecommerce)).to.include('eCommerce');
  });

  it('"Blijf Open" keeps the transaction open on the host and on the order, so saving does not prompt', async () => {
    const transaction = await orderTransaction();
    await fixture.shell.executeCommand('locally.keepOpen', { transaction });

    const kept = (await fixture.shell.data.transactions.get(transaction.id))!;
    expect(kept.keptOpen).to.equal(true);
    const [order] = await fixture.api.getOrders();
    expect(order!.keptOpen).to.equal(true);
    expect(await fixture.shell.getAvailability('locally.keepOpen', { transaction: kept })).to.deep.equal({
      enabled: false,
      reason: 'Deze transactie blijft al open tot het afhalen.',
    });

    await fixture.shell.data.payments.record(transaction.id, { method: 'cash', label: 'Contant', amountCents: 9000 });
    expect(await fixture.shell.data.transactions.save(transaction.id)).to.equal('kept-open');
    expect(fixture.shell.dialogs.pending).to.have.length(0);
  });

  it('"eCommerce" records what the customer paid online, with Stripe and the authorization id', async () => {
    const transaction = await orderTransaction('buy');
    const running = fixture.shell.executeCommand('locally.ecommercePayment', { transaction });
    const dialog = (await fixture.shell.dialogs.waitFor('eCommerce-betaling')) as ModalRequest;
    document.body.append(dialog.content);
    try {
      const amount = await findByShadowRole<HTMLInputElement>(dialog.content, 'textbox', { name: 'Bedrag' });
      expect(amount.value).to.equal('90,00');
      const note = await findByShadowRole<HTMLTextAreaElement>(dialog.content, 'textbox', { name: 'Opmerkingen' });
      expect(note.value).to.equal('pi_3Nf1');
      const cardType = await findByShadowRole<HTMLSelectElement>(dialog.content, 'combobox', { name: 'Kaarttype' });
      expect(cardType.value).to.equal('Stripe');
      (await findByShadowRole(dialog.content, 'button', { name: 'Opslaan' })).click();
      await running;
    } finally {
      dialog.content.remove();
    }
    const paid = (await fixture.shell.data.transactions.get(transaction.id))!;
    expect(paid.payments).to.have.length(1);
    expect(paid.payments[0]).to.include({ label: 'eCommerce', cardType: 'Stripe', amountCents: 9000, note: 'pi_3Nf1' });
  });

  it('"eCommerce" refuses a non-zero amount on a reservation and one above what is due', async () => {
    const transaction = await orderTransaction('reserve');
    const running = fixture.shell.executeCommand('locally.ecommercePayment', { transaction });
    const dialog = (await fixture.shell.dialogs.waitFor('eCommerce-betaling')) as ModalRequest;
    document.body.append(dialog.content);
    try {
      const amount = await findByShadowRole<HTMLInputElement>(dialog.content, 'textbox', { name: 'Bedrag' });
      expect(amount.value).to.equal('0,00');
      const save = await findByShadowRole(dialog.content, 'button', { name: 'Opslaan' });
      amount.value = '10';
      save.click();
      await findByShadowText(dialog.content, 'Een reservering wordt in de winkel betaald; alleen € 0,00 kan hier.');
      amount.value = '-1';
      save.click();
      await findByShadowText(dialog.content, 'Het bedrag mag niet negatief zijn.');
      (await findByShadowRole(dialog.content, 'button', { name: 'Sluiten' })).click();
      await running;
    } finally {
      dialog.content.remove();
    }
    expect((await fixture.shell.data.transactions.get(transaction.id))!.payments).to.have.length(0);
  });

  it('"Locally Ontvangstbewijs afdrukken" prints a paid Locally order and says why it cannot elsewhere', async () => {
    const counterSale = await fixture.shell.data.transactions.createCounterTransaction();
    expect(await fixture.shell.getAvailability('locally.printReceipt', { transaction: counterSale })).to.deep.equal({
      enabled: false,
      reason: 'Alleen beschikbaar op de transactie van een betaalde Locally-bestelling.',
    });
    const reservation = await orderTransaction('reserve');
    expect((await fixture.shell.getAvailability('locally.printReceipt', { transaction: reservation })).enabled).to.equal(false);

    const paid = await orderTransaction('buy');
    expect(await fixture.shell.getAvailability('locally.printReceipt', { transaction: paid })).to.deep.equal({ enabled: true });
    const printing = fixture.shell.executeCommand('locally.printReceipt', { transaction: paid });
    const request = await fixture.shell.printing.waitFor();
    expect(request.document.title).to.match(/^Locally ontvangstbewijs /);
    expect(request.document.format).to.equal('receipt-80mm');
    const text = request.document.content.textContent;
    expect(text).to.contain('Sanne de Vries');
    expect(text).to.contain('21%');
    expect(text).to.contain('4242');
    request.complete(true);
    await printing;
  });
});
