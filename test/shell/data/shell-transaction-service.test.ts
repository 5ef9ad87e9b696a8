import { expect } from '@open-wc/testing';
import type { Product } from '../../../src/host/products.js';
import type { Transaction, TransactionChange } from '../../../src/host/transactions.js';
import { toGtin14 } from '../../../shell/data/index.js';
import { openTestData, orderDraft, productDraft, rejectionOf, type TestData } from './shell-data-fixture.js';

describe('ShellTransactionService', () => {
  let t: TestData;
  let tyre: Product;
  let lock: Product;

  beforeEach(async () => {
    t = await openTestData();
    tyre = await t.data.products.create(productDraft({ stock: 5 }));
    lock = await t.data.products.create(
      productDraft({ description: 'AXA Defender ringslot zwart', brand: 'AXA', ean: '8713249327105', vendorPartNumber: 'AX-RS-DEF-ZW', priceCents: 4999, stock: 1 }),
    );
  });

  afterEach(() => t.dispose());

  const stockOf = async (product: Product) => (await t.data.products.get(product.id))!.stock;

  describe('create', () => {
    it('creates once, takes stock once and returns the same transaction on a repeat', async () => {
      const changes: TransactionChange[] = [];
      t.data.transactions.onDidChange((change) => changes.push(change));
      const draft = orderDraft('locally:L-1042', [[tyre, 2], [lock, 1]]);

      const first = await t.data.transactions.create(draft);
      expect(first.status).to.equal('created');
      expect(first.transaction.totalCents).to.equal(2 * 4895 + 4899);
      expect(first.transaction.createdAt).to.equal(t.clock.now());
      expect(first.transaction.state).to.equal('open');
      expect(await stockOf(tyre)).to.equal(3);

      // Same lines in another order: still the same order.
      const again = await t.data.transactions.create({ ...draft, lines: [...draft.lines].reverse() });
      expect(again.status).to.equal('existing');
      expect(again.transaction).to.deep.equal(first.transaction);
      expect(await stockOf(tyre)).to.equal(3);
      expect(changes.map((c) => c.kind)).to.deep.equal(['created']);
    });

    it('reports a repeat with other lines as a conflict and applies nothing', async () => {
      const first = await t.data.transactions.create(orderDraft('locally:L-1', [[tyre, 1]]));
      const result = await t.data.transactions.create(orderDraft('locally:L-1', [[tyre, 3]]));
      expect(result.status).to.equal('conflict');
      expect(result.status === 'conflict' && result.reason).to.contain('locally:L-1');
      expect(result.transaction).to.deep.equal(first.transaction);
      expect(await stockOf(tyre)).to.equal(4);
    });

    it('compares a repeat with the lines as created, not as edited since', async () => {
      const draft = orderDraft('locally:L-2', [[tyre, 1], [lock, 1]]);
      const first = await t.data.transactions.create(draft);
      await t.data.transactions.removeLines(first.transaction.id, [first.transaction.lines[1]!.id]);
      expect((await t.data.transactions.create(draft)).status).to.equal('existing');
    });

    it('takes prices from the draft and lets stock go below zero', async () => {
      const result = await t.data.transactions.create({
        externalRef: 'locally:L-3',
        lines: [{ productId: lock.id, description: lock.description, quantity: 3, unitPriceCents: 1234, vatRate: 21 }],
      });
      expect(result.transaction.lines[0]!.unitPriceCents).to.equal(1234);
      expect(result.transaction.totalCents).to.equal(3702);
      expect(await stockOf(lock)).to.equal(-2);
    });

    it('gives sequential, unique 13-digit in-store barcodes with a valid check digit', async () => {
      const a = (await t.data.transactions.create(orderDraft('x:1', [[tyre, 1]]))).transaction;
      const b = (await t.data.transactions.create(orderDraft('x:2', [[tyre, 1]]))).transaction;
      for (const barcode of [a.barcode, b.barcode]) {
        expect(barcode).to.match(/^2\d{12}$/);
        expect(toGtin14(barcode)).to.equal('0' + barcode);
      }
      expect(Number(b.barcode.slice(0, 12)) - Number(a.barcode.slice(0, 12))).to.equal(1);
      expect((await t.data.transactions.getByBarcode(b.barcode))?.id).to.equal(b.id);
      expect((await t.data.transactions.getByExternalRef('x:1'))?.id).to.equal(a.id);
    });

    it('writes nothing when a line names an unknown product', async () => {
      const draft = orderDraft('x:bad', [[tyre, 1]]);
      const error = await rejectionOf(
        t.data.transactions.create({ ...draft, lines: [...draft.lines, { ...draft.lines[0]!, productId: 'P9999' }] }),
      );
      expect(error.message).to.contain('P9999');
      expect(await stockOf(tyre)).to.equal(5);
      expect(await t.data.transactions.getByExternalRef('x:bad')).to.equal(undefined);
    });

    it('refuses a draft without external reference or with a bad quantity', async () => {
      await rejectionOf(t.data.transactions.create(orderDraft('', [[tyre, 1]])));
      await rejectionOf(t.data.transactions.create(orderDraft('x:q', [[tyre, 0]])));
      await rejectionOf(t.data.transactions.create(orderDraft('x:q', [[tyre, 1.5]])));
      expect(await t.data.transactions.list()).to.have.length(0);
    });
  });

  describe('createMany', () => {
    it('creates a batch with one result per draft, idempotent per draft and within the batch', async () => {
      await t.data.transactions.create(orderDraft('locally:A', [[tyre, 1]]));
      const created: string[] = [];
      t.data.transactions.onDidChange((change) => created.push(change.transaction.externalRef ?? ''));

      const results = await t.data.transactions.createMany([
        orderDraft('locally:A', [[tyre, 1]]),
        orderDraft('locally:B', [[tyre, 1], [lock, 2]]),
        orderDraft('locally:B', [[tyre, 1], [lock, 2]]),
        orderDraft('locally:C', [[lock, 1]]),
        orderDraft('locally:C', [[lock, 5]]),
      ]);
      expect(results.map((r) => r.status)).to.deep.equal(['existing', 'created', 'existing', 'created', 'conflict']);
      expect(results[2]!.transaction.id).to.equal(results[1]!.transaction.id);
      expect(results[4]!.transaction.id).to.equal(results[3]!.transaction.id);
      expect(created).to.deep.equal(['locally:B', 'locally:C']);
      expect(await stockOf(tyre)).to.equal(3);
      expect(await stockOf(lock)).to.equal(-2);
    });

    it('writes nothing of the batch when one draft fails', async () => {
      const bad = orderDraft('locally:bad', [[tyre, 1]]);
      await rejectionOf(
        t.data.transactions.createMany([
          orderDraft('locally:ok', [[tyre, 1]]),
          { ...bad, lines: [{ ...bad.lines[0]!, productId: 'P404' }] },
        ]),
      );
      expect(await t.data.transactions.getByExternalRef('locally:ok')).to.equal(undefined);
      expect(await stockOf(tyre)).to.equal(5);
    });
  });

  describe('changes', () => {
    let sale: Transaction;

    beforeEach(async () => {
      sale = (await t.data.transactions.create(orderDraft('locally:L-9', [[tyre, 2], [lock, 1]]))).transaction;
    });

    it('removeLines returns the stock of the removed lines and lowers the total', async () => {
      const after = await t.data.transactions.removeLines(sale.id, [sale.lines[0]!.id]);
      expect(after.lines.map((l) => l.productId)).to.deep.equal([lock.id]);
      expect(after.totalCents).to.equal(4899);
      expect(await stockOf(tyre)).to.equal(5);
      expect(await stockOf(lock)).to.equal(0);
      expect((await rejectionOf(t.data.transactions.removeLines(sale.id, ['nope']))).message).to.contain('nope');
    });

    it('adds a product at the catalogue price and takes its stock', async () => {
      const counter = await t.data.transactions.createCounterTransaction();
      expect(counter.externalRef).to.equal(undefined);
      const after = await t.data.transactions.addProduct(counter.id, lock.id, 2);
      expect(after.lines[0]).to.include({ productId: lock.id, quantity: 2, unitPriceCents: 4999, vatRate: 21 });
      expect(after.totalCents).to.equal(9998);
      expect(await stockOf(lock)).to.equal(-2);
      const again = await t.data.transactions.addProduct(counter.id, tyre.id);
      expect(new Set(again.lines.map((l) => l.id)).size).to.equal(2);
    });

    it('sets notes, customer and kept-open, and fires updated', async () => {
      const kinds: string[] = [];
      t.data.transactions.onDidChange((change) => kinds.push(change.kind));
      const customer = await t.data.customers.create({ firstName: 'Jan', lastName: 'Jansen', includeInCommunication: false });
      await t.data.transactions.setNotes(sale.id, 'Afhalen vrijdag');
      await t.data.transactions.setCustomer(sale.id, customer.id);
      await t.data.transactions.setKeptOpen(sale.id, true);
      const after = (await t.data.transactions.get(sale.id))!;
      expect(after).to.include({ notes: 'Afhalen vrijdag', customerId: customer.id, keptOpen: true });
      expect((await t.data.transactions.setCustomer(sale.id, undefined)).customerId).to.equal(undefined);
      await rejectionOf(t.data.transactions.setCustomer(sale.id, 'C404'));
      expect(kinds).to.deep.equal(['updated', 'updated', 'updated', 'updated']);
    });

    it('lists newest first, by state and limit', async () => {
      t.clock.advance(1000);
      const counter = await t.data.transactions.createCounterTransaction();
      await t.data.payments.record(counter.id, { method: 'cash', label: 'Contant', amountCents: 0 });
      await t.data.transactions.finalize(counter.id);
      t.clock.advance(1000);
      const newest = (await t.data.transactions.create(orderDraft('locally:L-10', [[lock, 1]]))).transaction;
      expect((await t.data.transactions.list()).map((x) => x.id)).to.deep.equal([newest.id, counter.id, sale.id]);
      expect((await t.data.transactions.list({ state: 'open' })).map((x) => x.id)).to.deep.equal([newest.id, sale.id]);
      expect((await t.data.transactions.list({ state: 'finalized' })).map((x) => x.id)).to.deep.equal([counter.id]);
      expect(await t.data.transactions.list({ limit: 1 })).to.have.length(1);
    });

    it('opens through the window opener the UI sets, and does nothing before', async () => {
      await t.data.transactions.open(sale.id);
      const opened: string[] = [];
      t.data.transactions.setWindowOpener((id) => {
        opened.push(id);
        return Promise.resolve();
      });
      await t.data.transactions.open(sale.id);
      expect(opened).to.deep.equal([sale.id]);
    });
  });

  describe('save and finalize', () => {
    let sale: Transaction;
    const prompted: Transaction[] = [];
    const pay = (amountCents: number) => t.data.payments.record(sale.id, { method: 'cash', label: 'Contant', amountCents });
    const answer = (choice: 'finalize' | 'keep-open' | undefined) =>
      t.data.transactions.setFinalizePrompt((transaction) => {
        prompted.push(transaction);
        return Promise.resolve(choice);
      });

    beforeEach(async () => {
      prompted.length = 0;
      sale = (await t.data.transactions.create(orderDraft('locally:S-1', [[tyre, 1]]))).transaction;
    });

    it('saves without prompting while something is due', async () => {
      answer('finalize');
      await pay(1000);
      expect(await t.data.transactions.save(sale.id)).to.equal('saved');
      expect(prompted).to.have.length(0);
      expect((await t.data.transactions.get(sale.id))!.state).to.equal('open');
    });

    it('finalizes a fully paid transaction when staff choose "Afronden als een verkoop"', async () => {
      answer('finalize');
      const kinds: string[] = [];
      t.data.transactions.onDidChange((change) => kinds.push(change.kind));
      await pay(sale.totalCents);
      t.clock.advance(60_000);
      expect(await t.data.transactions.save(sale.id)).to.equal('finalized');
      expect(prompted).to.have.length(1);
      const after = (await t.data.transactions.get(sale.id))!;
      expect(after.state).to.equal('finalized');
      expect(after.finalizedAt).to.equal(t.clock.now());
      expect(kinds).to.deep.equal(['updated', 'finalized']);
    });

    it('keeps it open when staff choose "Blijf Open", and then saves without prompting', async () => {
      answer('keep-open');
      await pay(sale.totalCents);
      expect(await t.data.transactions.save(sale.id)).to.equal('kept-open');
      expect((await t.data.transactions.get(sale.id))!.keptOpen).to.equal(true);
      expect(await t.data.transactions.save(sale.id)).to.equal('kept-open');
      expect(prompted).to.have.length(1);
    });

    it('leaves it saved when the prompt is closed, or when no prompt is set', async () => {
      await pay(sale.totalCents);
      expect(await t.data.transactions.save(sale.id)).to.equal('saved');
      answer(undefined);
      expect(await t.data.transactions.save(sale.id)).to.equal('saved');
      expect(prompted).to.have.length(1);
      expect((await t.data.transactions.get(sale.id))!.state).to.equal('open');
    });

    it('does not prompt for a kept-open transaction until that is lifted', async () => {
      answer('finalize');
      await t.data.transactions.setKeptOpen(sale.id, true);
      await pay(sale.totalCents);
      expect(await t.data.transactions.save(sale.id)).to.equal('kept-open');
      expect(prompted).to.have.length(0);
      await t.data.transactions.setKeptOpen(sale.id, false);
      expect(await t.data.transactions.save(sale.id)).to.equal('finalized');
    });

    it('refuses to finalize while something is due', async () => {
      await pay(100);
      const error = await rejectionOf(t.data.transactions.finalize(sale.id));
      expect(error.message).to.contain('open');
      expect((await t.data.transactions.get(sale.id))!.state).to.equal('open');
    });

    it('finalizes a cancelled order emptied to zero after a zero payment', async () => {
      await t.data.transactions.removeLines(sale.id, sale.lines.map((l) => l.id));
      await t.data.payments.record(sale.id, { method: 'ecommerce', label: 'eCommerce', cardType: 'Stripe', amountCents: 0 });
      answer('finalize');
      expect(await t.data.transactions.save(sale.id)).to.equal('finalized');
      expect(await stockOf(tyre)).to.equal(5);
    });

    it('keeps a finalized transaction as it is', async () => {
      await pay(sale.totalCents);
      await t.data.transactions.finalize(sale.id);
      const finalized = await t.data.transactions.get(sale.id);
      const attempts = [
        t.data.transactions.removeLines(sale.id, [sale.lines[0]!.id]),
        t.data.transactions.setNotes(sale.id, 'later'),
        t.data.transactions.setKeptOpen(sale.id, true),
        t.data.transactions.setCustomer(sale.id, undefined),
        t.data.transactions.addProduct(sale.id, lock.id),
        t.data.transactions.finalize(sale.id),
        t.data.transactions.save(sale.id),
        t.data.payments.record(sale.id, { method: 'cash', label: 'Contant', amountCents: 0 }),
        t.data.payments.remove(sale.id, finalized!.payments[0]!.id),
      ];
      for (const attempt of attempts) {
        expect((await rejectionOf(attempt)).message).to.equal('Transactie is al afgerond');
      }
      expect(await t.data.transactions.get(sale.id)).to.deep.equal(finalized);
      expect(await stockOf(tyre)).to.equal(4);
      expect(await stockOf(lock)).to.equal(1);
    });
  });
});
