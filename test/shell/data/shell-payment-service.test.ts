import { expect } from '@open-wc/testing';
import type { Transaction } from '../../../src/host/transactions.js';
import { openTestData, orderDraft, productDraft, rejectionOf, type TestData } from './shell-data-fixture.js';

describe('ShellPaymentService', () => {
  let t: TestData;
  let sale: Transaction;
  const ecommerce = (amountCents: number) => ({ method: 'locally.pay', label: 'eCommerce', cardType: 'Stripe', amountCents, note: 'AUTH-77' });

  beforeEach(async () => {
    t = await openTestData();
    const product = await t.data.products.create(productDraft({ priceCents: 2500 }));
    // The order's price: 2 × 24,00.
    sale = (await t.data.transactions.create(orderDraft('locally:P-1', [[product, 2]]))).transaction;
  });

  afterEach(() => t.dispose());

  it('records payments with the clock time and lowers what is due', async () => {
    expect(await t.data.payments.getAmountDue(sale.id)).to.equal(4800);
    t.clock.advance(5000);
    const after = await t.data.payments.record(sale.id, ecommerce(1800));
    expect(after.payments[0]).to.include({ method: 'locally.pay', label: 'eCommerce', cardType: 'Stripe', amountCents: 1800, note: 'AUTH-77', time: t.clock.now() });
    expect(await t.data.payments.getAmountDue(sale.id)).to.equal(3000);
    await t.data.payments.record(sale.id, ecommerce(3000));
    expect(await t.data.payments.getAmountDue(sale.id)).to.equal(0);
  });

  it('refuses a negative amount and one above what is due', async () => {
    expect((await rejectionOf(t.data.payments.record(sale.id, ecommerce(-1)))).message).to.contain('negatief');
    expect((await rejectionOf(t.data.payments.record(sale.id, ecommerce(4801)))).message).to.contain('hoger');
    expect((await t.data.transactions.get(sale.id))!.payments).to.have.length(0);
  });

  it('allows 0 even when nothing is due', async () => {
    await t.data.payments.record(sale.id, ecommerce(4800));
    const after = await t.data.payments.record(sale.id, ecommerce(0));
    expect(after.payments).to.have.length(2);
    await rejectionOf(t.data.payments.record(sale.id, ecommerce(1)));
  });

  it('never reports less than 0 due after lines are removed from a paid sale', async () => {
    await t.data.payments.record(sale.id, ecommerce(4800));
    await t.data.transactions.removeLines(sale.id, [sale.lines[0]!.id]);
    expect(await t.data.payments.getAmountDue(sale.id)).to.equal(0);
  });

  it('removes a payment from an open transaction', async () => {
    const paid = await t.data.payments.record(sale.id, ecommerce(1000));
    const after = await t.data.payments.remove(sale.id, paid.payments[0]!.id);
    expect(after.payments).to.have.length(0);
    expect(await t.data.payments.getAmountDue(sale.id)).to.equal(4800);
    await rejectionOf(t.data.payments.remove(sale.id, 'nope'));
  });

  it('refuses payments on a finalized transaction', async () => {
    await t.data.payments.record(sale.id, ecommerce(4800));
    await t.data.transactions.finalize(sale.id);
    expect((await rejectionOf(t.data.payments.record(sale.id, ecommerce(0)))).message).to.equal('Transactie is al afgerond');
  });
});
