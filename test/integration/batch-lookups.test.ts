// The batch forms the import uses once per chunk (issue #8): the shell's getMany/findByGtins/
// findByEmails answer as their one-at-a-time forms do, createMany reports the stock it left, and the
// order store reads many links at once, whether a source has none, few or many.
import { expect } from '@open-wc/testing';
import type { Product } from '../../src/host/products.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { openTestData, customerDraft, orderDraft, productDraft, type TestData } from '../shell/data/shell-data-fixture.js';
import { cleanUp, uniqueDbName } from '../unit/store/order-store-fixtures.js';

describe('batch look-ups for the import', () => {
  let t: TestData;
  let tyre: Product;
  let upc: Product;

  beforeEach(async () => {
    t = await openTestData();
    tyre = await t.data.products.create(productDraft({ stock: 1 }));
    upc = await t.data.products.create(productDraft({ description: 'Park Tool TL-1.2', ean: '036000291452', vendorPartNumber: 'PT-TL12', stock: 4 }));
  });

  afterEach(() => t.dispose());

  it('products: getMany and findByGtins answer in order as get and findByGtin do', async () => {
    const ids = [upc.id, 'P9999', tyre.id, upc.id];
    expect(await t.data.products.getMany(ids)).to.deep.equal(await Promise.all(ids.map((id) => t.data.products.get(id))));
    const gtins = ['0036000291452', 'geen-gtin', '4026495366892', '036000291453'];
    expect(await t.data.products.findByGtins(gtins)).to.deep.equal(await Promise.all(gtins.map((g) => t.data.products.findByGtin(g))));
    expect(await t.data.products.findByGtins([])).to.deep.equal([]);
  });

  it('customers: getMany and findByEmails answer in order as get and findByEmail do', async () => {
    const sanne = await t.data.customers.create(customerDraft());
    await t.data.customers.create(customerDraft({ firstName: 'Sanne', lastName: 'Bakker' }));
    const emails = [' SANNE.devries@gmail.com ', '', 'niemand@example.nl'];
    const many = await t.data.customers.findByEmails(emails);
    expect(many).to.deep.equal(await Promise.all(emails.map((e) => t.data.customers.findByEmail(e))));
    expect(many[0]).to.have.length(2);
    expect(await t.data.customers.getMany([sanne.id, 'C9999'])).to.deep.equal([sanne, undefined]);
  });

  it('createMany reports the stock each draft left after the whole batch, and finds earlier transactions again', async () => {
    const [first] = await t.data.transactions.createMany([orderDraft('locally:A', [[tyre, 1]])]);
    expect(first!.stockAfter).to.deep.equal({ [tyre.id]: 0 });
    const results = await t.data.transactions.createMany([
      orderDraft('locally:B', [[tyre, 2], [upc, 1]]),
      orderDraft('locally:A', [[tyre, 1]]),
      orderDraft('locally:C', [[upc, 1]]),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['created', 'existing', 'created']);
    expect(results[1]!.transaction).to.deep.equal(first!.transaction);
    expect(results.map((r) => r.stockAfter)).to.deep.equal([{ [tyre.id]: -2, [upc.id]: 2 }, { [tyre.id]: -2 }, { [upc.id]: 2 }]);
    expect((await t.data.products.get(tyre.id))!.stock).to.equal(-2);
    expect((await t.data.products.get(upc.id))!.stock).to.equal(2);
    // The counter went on from where it was: the barcodes differ and follow the order of the drafts.
    expect(new Set([first!.transaction.id, results[0]!.transaction.id, results[2]!.transaction.id]).size).to.equal(3);
  });

  it('createMany writes nothing of a batch with an unknown product', async () => {
    const unknown = { ...tyre, id: 'P9999' };
    let failed = false;
    await t.data.transactions.createMany([orderDraft('locally:D', [[tyre, 1]]), orderDraft('locally:E', [[unknown, 1]])]).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(await t.data.transactions.getByExternalRef('locally:D')).to.equal(undefined);
    expect((await t.data.products.get(tyre.id))!.stock).to.equal(1);
  });
});

describe('reading many links at once', () => {
  let dbName: string;
  let store: OrderStore;

  beforeEach(() => {
    dbName = uniqueDbName();
    store = new OrderStore({ dbName });
  });

  afterEach(() => cleanUp(dbName, store));

  const link = (source: string, lineIdentifier: string) => ({ source, lineIdentifier, productId: `P-${lineIdentifier}`, linkedAt: 1, by: 'Kim' });

  it('answers in order with none, few or many links stored, and only for the source asked', async () => {
    expect(await store.getProductLinks('locally', ['a', 'b'])).to.deep.equal([undefined, undefined]);
    await store.putProductLink(link('locally', 'b'));
    await store.putProductLink(link('other', 'a'));
    expect(await store.getProductLinks('locally', ['a', 'b', 'c'])).to.deep.equal([undefined, link('locally', 'b'), undefined]);
    // More links than asked for: read one by one, with the same answer.
    for (const id of ['c', 'd', 'e']) await store.putProductLink(link('locally', id));
    expect(await store.getProductLinks('locally', ['e', 'x'])).to.deep.equal([link('locally', 'e'), undefined]);
    const customer = { source: 'locally', providerCustomerId: 'PC-1', hostCustomerId: 'C0001', linkedAt: 1, by: 'Kim' };
    await store.putCustomerLink(customer);
    expect(await store.getCustomerLinks('locally', ['PC-2', 'PC-1'])).to.deep.equal([undefined, customer]);
    expect(await store.getCustomerLinks('other', ['PC-1'])).to.deep.equal([undefined]);
  });
});
