import { expect, fixture as mount, html } from '@open-wc/testing';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { ModalRequest } from '../../shell/host/dialog-queue.js';
import { cardTypes, type EcommercePaymentDialog } from '../../src/components/ecommerce-payment-dialog.js';
import '../../src/components/ecommerce-payment-dialog.js';
import { renderLocallyReceipt } from '../../src/components/locally-receipt.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction } from '../../src/host/transactions.js';
import { startPlugin, storedOrder, type PluginFixture } from '../helpers/plugin-fixture.js';

/** Width in CSS pixels of a length such as "72mm". */
function px(length: string): number {
  const probe = document.createElement('div');
  probe.style.width = length;
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

describe('the Locally receipt: shop name and paper', () => {
  const order = storedOrder().order!;

  it('heads the receipt with the shop name, as text, above "Locally ontvangstbewijs"', async () => {
    const receipt = renderLocallyReceipt(order, 'nl-NL', { shopName: 'Fietsen <b>Jansen</b>' });
    document.body.append(receipt);
    try {
      const headings = [...receipt.querySelectorAll('h1, h2')].map((h) => `${h.localName}:${h.textContent}`);
      expect(headings).to.deep.equal(['h1:Fietsen <b>Jansen</b>', 'h2:Locally ontvangstbewijs']);
      expect(receipt.querySelector('b')).to.equal(null);
      await expect(receipt).to.be.accessible();
    } finally {
      receipt.remove();
    }
    // Without a shop name, the receipt's own title is the heading, as before.
    const plain = renderLocallyReceipt(order);
    expect([...plain.querySelectorAll('h1, h2')].map((h) => h.textContent)).to.deep.equal(['Locally ontvangstbewijs']);
  });

  it('80 mm (the default) is narrow and monospace; A4 is full width in a larger sans-serif, with the same content', async () => {
    const narrow = renderLocallyReceipt(order, 'nl-NL', { shopName: 'De Spaak' });
    const explicit = renderLocallyReceipt(order, 'nl-NL', { shopName: 'De Spaak', paper: 'receipt-80mm' });
    const wide = renderLocallyReceipt(order, 'nl-NL', { shopName: 'De Spaak', paper: 'a4' });
    const page = await mount<HTMLDivElement>(html`<div style="width: 190mm"></div>`);
    page.append(narrow, explicit, wide);

    const narrowStyle = getComputedStyle(narrow);
    expect(narrowStyle.fontFamily).to.contain('monospace');
    expect(narrowStyle.maxWidth).to.not.equal('none');
    expect(narrow.getBoundingClientRect().width).to.be.closeTo(px('72mm'), 1);
    expect(explicit.getBoundingClientRect().width).to.equal(narrow.getBoundingClientRect().width);

    const wideStyle = getComputedStyle(wide);
    expect(wideStyle.fontFamily).to.contain('sans-serif').and.not.contain('monospace');
    expect(wideStyle.maxWidth).to.equal('none');
    expect(wide.getBoundingClientRect().width).to.be.closeTo(page.getBoundingClientRect().width, 1);
    expect(parseFloat(wideStyle.fontSize)).to.be.greaterThan(parseFloat(narrowStyle.fontSize));
    expect(wide.textContent).to.equal(narrow.textContent);
    await expect(wide).to.be.accessible();
  });
});

describe('the payment dialog\'s card types', () => {
  it('offers the configured card types in order, the first preselected, and falls back on the built-in list', async () => {
    const dialog = await mount<EcommercePaymentDialog>(
      html`<locally-ecommerce-payment-dialog .amountDueCents=${9000} .order=${storedOrder()} .cardTypes=${['Adyen', 'Stripe']}></ecommerce-payment-dialog>`,
    );
    const select = await findByShadowRole<HTMLSelectElement>(dialog, 'combobox', { name: 'Kaarttype' });
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Adyen', 'Stripe']);
    expect(select.value).to.equal('Adyen');

    dialog.cardTypes = [];
    await dialog.updateComplete;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Stripe', 'PayPal', 'Overig']);
  });

  it('trims and de-duplicates a configured list, and ignores one that is not a non-empty list of texts', () => {
    const builtIn = ['Stripe', 'PayPal', 'Overig'];
    expect(cardTypes([' Pin ', 'Stripe', 'Pin'])).to.deep.equal(['Pin', 'Stripe']);
    for (const bad of [undefined, null, 'Stripe', [], ['Stripe', ''], ['Stripe', '  '], ['Stripe', 3], { 0: 'Stripe' }]) {
      expect(cardTypes(bad), JSON.stringify(bad)).to.deep.equal(builtIn);
    }
  });
});

describe('the settings reach the till', () => {
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

  const settings = () => fixture.shell.settings.forPlugin(fixture.manifest);

  /** A transaction for a paid online order, as the import will make it. */
  async function paidOrderTransaction(): Promise<Transaction> {
    const order = storedOrder({ type: 'buy' });
    await fixture.otherTab.putOrders([order]);
    const result = await fixture.shell.data.transactions.create({
      externalRef: `locally:${order.orderId}`,
      lines: [{ productId: product.id, description: product.description, quantity: 2, unitPriceCents: 4500, vatRate: 21 }],
    });
    return result.transaction;
  }

  it('"Locally Ontvangstbewijs afdrukken" prints on A4 with the shop name when the settings say so', async () => {
    await settings().update('locally.receiptPaper', 'a4');
    await settings().update('locally.shopName', 'Rijwielhandel Van Dijk');
    const transaction = await paidOrderTransaction();
    const printing = fixture.shell.executeCommand('locally.printReceipt', { transaction });
    const request = await fixture.shell.printing.waitFor();
    expect(request.document.format).to.equal('a4');
    expect(request.document.content.classList.contains('a4')).to.equal(true);
    expect(request.document.content.querySelector('h1')!.textContent).to.equal('Rijwielhandel Van Dijk');
    request.complete(true);
    await printing;
    expect(fixture.shell.printing.printed.at(-1)).to.include({ format: 'a4' });
  });

  it('the default paper is the receipt printer, with the default shop name', async () => {
    const transaction = await paidOrderTransaction();
    const printing = fixture.shell.executeCommand('locally.printReceipt', { transaction });
    const request = await fixture.shell.printing.waitFor();
    expect(request.document.format).to.equal('receipt-80mm');
    expect(request.document.content.querySelector('h1')!.textContent).to.equal('Fietsenwinkel De Ketting');
    request.complete(false);
    await printing;
  });

  /** Opens "eCommerce" on the transaction and returns the choices of "Kaarttype" and the preselected one. */
  async function offeredCardTypes(transaction: Transaction): Promise<{ options: string[]; selected: string }> {
    const running = fixture.shell.executeCommand('locally.ecommercePayment', { transaction });
    const dialog = (await fixture.shell.dialogs.waitFor('eCommerce-betaling')) as ModalRequest;
    document.body.append(dialog.content);
    try {
      const select = await findByShadowRole<HTMLSelectElement>(dialog.content, 'combobox', { name: 'Kaarttype' });
      const offered = { options: [...select.options].map((o) => o.textContent), selected: select.value };
      (await findByShadowRole(dialog.content, 'button', { name: 'Sluiten' })).click();
      await running;
      return offered;
    } finally {
      dialog.content.remove();
    }
  }

  it('"eCommerce" offers the configured card types, read each time it opens, and the built-in ones for a bad setting', async () => {
    const transaction = await paidOrderTransaction();
    expect(await offeredCardTypes(transaction)).to.deep.equal({ options: ['Stripe', 'PayPal', 'Overig'], selected: 'Stripe' });

    await settings().update('locally.cardTypes', ['Mollie', ' Stripe ', 'Mollie']);
    expect(await offeredCardTypes(transaction)).to.deep.equal({ options: ['Mollie', 'Stripe'], selected: 'Mollie' });

    await settings().update('locally.cardTypes', ['Mollie', 42]);
    expect(await offeredCardTypes(transaction)).to.deep.equal({ options: ['Stripe', 'PayPal', 'Overig'], selected: 'Stripe' });
  });
});
