import { LazyModules } from '../../src/contributions/lazy-modules.js';
import { expect } from '@open-wc/testing';
import { OrderRepair } from '../../src/services/import/order-repair.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { startImportFixture, type ImportFixture } from '../helpers/import-fixture.js';
import { until } from '../helpers/plugin-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

// "Klant identificeren", "Product koppelen", "Verkoop afhandelen" and "Gearchiveerd" as services,
// against the demo bike shop and the Locally simulator. The dialogs themselves are tested in
// test/components and through the shell in test/integration/repair-through-shell.test.ts.
describe('repairing orders the import could not finish', function () {
  this.timeout(60_000);
  const kit = new SimulatorKit('order-repair');
  let fixture: ImportFixture;
  let repair: OrderRepair;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixture = await startImportFixture(kit, 'order-repair');
    // Repairs belong to the screen's module, loaded when the screen opens.
    await fixture.container.get(LazyModules).screen();
    repair = fixture.container.get(OrderRepair);
  });

  afterEach(() => fixture.dispose());

  it('"Kies klant" remembers the customer for the provider customer id, imports the order, and the next order of that customer imports by itself', async () => {
    const { placed, stored } = await fixture.placeAndImport('unknown-customer');
    expect(stored.status).to.equal('customer-id-required');
    const [chosen] = await fixture.shell.data.customers.search({ name: 'de' }, 1);
    const before = (await fixture.shell.data.customers.get(chosen!.id))!;

    const result = await repair.chooseCustomer(stored, chosen!);
    expect(result.status, result.problems.join('\n')).to.equal('new');
    const transaction = (await fixture.shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    expect(transaction.customerId).to.equal(chosen!.id);
    const after = (await fixture.shell.data.customers.get(chosen!.id))!;
    // Only the shipping address (and the opt-in) may change; names and e-mail stay the shop's.
    expect([after.firstName, after.lastName, after.email]).to.deep.equal([before.firstName, before.lastName, before.email]);
    expect(after.shippingAddress).to.deep.equal(stored.order!.customer.shippingAddress);
    const history = await fixture.store.getHistory('locally', placed.id);
    expect(history.map((entry) => [entry.from, entry.to])).to.deep.equal([
      ['received', 'customer-id-required'],
      ['customer-id-required', 'new'],
    ]);

    // Same provider customer, another order: the link decides, no dialog needed.
    const next = await fixture.simulator.placeOrder('buy', { kind: 'match', customer: placed.customer });
    await fixture.sync.checkNow();
    let nextStored: StoredOrder | undefined;
    await until(async () => (nextStored = await fixture.store.getOrder('locally', next.id))?.status !== 'received' && nextStored !== undefined, 'next order imported', 10_000);
    expect(nextStored!.status, (nextStored!.problems ?? []).join('\n')).to.equal('new');
    expect((await fixture.shell.data.transactions.getByExternalRef(`locally:${next.id}`))!.customerId).to.equal(chosen!.id);
  });

  it('"Nieuwe klant aanmaken" creates the customer from the order (opt-in ticked), after close matches that catch a misspelling', async () => {
    const { placed, stored } = await fixture.placeAndImport('unknown-customer');
    const customer = stored.order!.customer;
    const misspelt = await fixture.shell.data.customers.create({
      firstName: customer.firstName,
      lastName: `${customer.lastName.slice(0, -1)}${customer.lastName.slice(-1) === 'e' ? 'a' : 'e'}`,
      email: 'iemand.anders@example.nl',
      includeInCommunication: false,
    });
    const matches = await repair.closeMatches(stored);
    expect(matches.map((match) => match.customer.id)).to.include(misspelt.id);
    expect(matches.find((match) => match.customer.id === misspelt.id)!.reasons).to.include('name');

    const result = await repair.createCustomer(stored);
    expect(result.status, result.problems.join('\n')).to.equal('new');
    const [created] = await fixture.shell.data.customers.findByEmail(customer.email);
    expect(created).to.include({ firstName: customer.firstName, lastName: customer.lastName, includeInCommunication: customer.emailOptIn });
    expect(created!.shippingAddress).to.deep.equal(customer.shippingAddress);
    const transaction = (await fixture.shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    expect(transaction.customerId).to.equal(created!.id);
  });

  it('"Product koppelen" per line, then "Verkoop afhandelen": the link is remembered and the transaction takes the chosen product\'s stock', async () => {
    const { placed, stored } = await fixture.placeAndImport('unknown-product');
    expect(stored.status).to.equal('product-link-failed');
    const states = await repair.lineStates(stored);
    const failing = states.filter((state) => state.kind !== 'matched');
    expect(failing.length).to.be.greaterThan(0);

    const [product] = await repair.searchProducts('Schwalbe');
    const stockBefore = product!.stock;
    for (const state of failing) await repair.linkProduct(stored, state.index, product!);
    expect((await repair.lineStates(stored)).every((state) => state.kind === 'matched')).to.equal(true);

    const result = await repair.importAgain(stored);
    expect(result.status, result.problems.join('\n')).to.equal('new');
    const transaction = (await fixture.shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!;
    const taken = failing.reduce((sum, state) => sum + state.line.quantity, 0);
    expect((await fixture.shell.data.products.get(product!.id))!.stock).to.equal(stockBefore - taken);
    expect(transaction.lines.filter((line) => line.productId === product!.id)).to.have.length(failing.length);
  });

  it('"Nieuw product toevoegen" adds the line as a catalogue product with its codes and price, linked to the line', async () => {
    const { stored } = await fixture.placeAndImport('unknown-product');
    const [state] = (await repair.lineStates(stored)).filter((s) => s.kind !== 'matched');
    const created = await repair.createProduct(stored, state!.index);
    expect(created).to.include({ description: state!.line.description, priceCents: state!.line.unitPriceCents, vatRate: state!.line.vatRate, stock: 0 });
    if (state!.line.gtin) expect((await fixture.shell.data.products.findByGtin(state!.line.gtin)).map((p) => p.id)).to.include(created.id);
    const after = (await repair.lineStates(stored))[state!.index]!;
    expect(after.kind === 'matched' && after.product.id).to.equal(created.id);
  });

  it('"Verkoop afhandelen" without a repair keeps the order where it was, with the reason', async () => {
    const { stored } = await fixture.placeAndImport('ambiguous-product');
    const result = await repair.importAgain(stored);
    expect(result.status).to.equal('product-link-failed');
    expect(result.problems.join('\n')).to.match(/meerdere producten/);
  });

  it('"Gearchiveerd" takes a failed order out of the import; an order waiting for its customer cannot be archived', async () => {
    const failed = await fixture.placeAndImport('unknown-product');
    const archived = await repair.archive(failed.stored);
    expect(archived.status).to.equal('archived');
    expect((await fixture.store.getHistory('locally', failed.placed.id)).at(-1)).to.include({ from: 'product-link-failed', to: 'archived' });
    expect(await fixture.shell.data.transactions.getByExternalRef(`locally:${failed.placed.id}`)).to.equal(undefined);

    const waiting = await fixture.placeAndImport('unknown-customer');
    let refusal: unknown;
    await repair.archive(waiting.stored).catch((error: unknown) => (refusal = error));
    expect(String(refusal)).to.contain('kan niet worden gearchiveerd');
    expect((await fixture.store.getOrder('locally', waiting.placed.id))!.status).to.equal('customer-id-required');
  });

});
