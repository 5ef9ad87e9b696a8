import { expect } from '@open-wc/testing';
import type { Product } from '../../../src/host/products.js';
import type { PriceChange, Transaction, TransactionChange } from '../../../src/host/transactions.js';
import { formatAmountInput, parseEuroAmount } from '../../../shell/data/amount-due.js';
import { openTestData, orderDraft, productDraft, rejectionOf, type TestData } from './shell-data-fixture.js';

describe('ShellTransactionService: line prices', () => {
  let t: TestData;
  let tyre: Product;
  let lock: Product;
  let sale: Transaction;

  beforeEach(async () => {
    t = await openTestData();
    tyre = await t.data.products.create(productDraft({ stock: 5 }));
    lock = await t.data.products.create(
      productDraft({ description: 'AXA Defender ringslot zwart', brand: 'AXA', ean: '8713249327105', vendorPartNumber: 'AX-RS-DEF-ZW', priceCents: 4999, stock: 1 }),
    );
    // Tyre at 4895 × 2, lock at 4899 × 1.
    sale = (await t.data.transactions.create(orderDraft('locally:L-7', [[tyre, 2], [lock, 1]]))).transaction;
  });

  afterEach(() => t.dispose());

  const tyreLine = () => sale.lines[0]!;

  it('changes one line\'s price, recomputes the total and fires "updated"', async () => {
    const changes: TransactionChange[] = [];
    t.data.transactions.onDidChange((change) => changes.push(change));

    const result = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 3995);

    expect(result.status).to.equal('changed');
    expect(result.transaction.lines.map((l) => l.unitPriceCents)).to.deep.equal([3995, 4899]);
    expect(result.transaction.totalCents).to.equal(2 * 3995 + 4899);
    expect(await t.data.transactions.get(sale.id)).to.deep.equal(result.transaction);
    expect(changes.map((c) => c.kind)).to.deep.equal(['updated']);
  });

  it('treats the same price as changed without asking or writing anything', async () => {
    let asked = 0;
    t.data.transactions.registerPriceChangeGuard(() => (asked++, false));
    const changes: TransactionChange[] = [];
    t.data.transactions.onDidChange((change) => changes.push(change));

    const result = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, tyreLine().unitPriceCents);
    expect(result).to.deep.equal({ status: 'changed', transaction: sale });
    expect(asked).to.equal(0);
    expect(changes).to.deep.equal([]);
  });

  it('keeps a repeated import of the order "existing" after a price change', async () => {
    await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 1000);
    const again = await t.data.transactions.create(orderDraft('locally:L-7', [[tyre, 2], [lock, 1]]));
    expect(again.status).to.equal('existing');
  });

  it('rejects a price that is not a whole number of cents ≥ 0, an unknown line or transaction, and a finalized transaction', async () => {
    for (const bad of [-1, 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejectionOf(t.data.transactions.setLinePrice(sale.id, tyreLine().id, bad));
      expect(error.message, String(bad)).to.contain('Ongeldige prijs');
    }
    expect((await rejectionOf(t.data.transactions.setLinePrice(sale.id, 'nope', 100))).message).to.contain('Regel niet gevonden: nope');
    expect((await rejectionOf(t.data.transactions.setLinePrice('T999999', 'x', 100))).message).to.contain('Transactie niet gevonden');

    const counter = await t.data.transactions.createCounterTransaction();
    await t.data.transactions.addProduct(counter.id, tyre.id);
    await t.data.payments.record(counter.id, { method: 'cash', label: 'Contant', amountCents: tyre.priceCents });
    const done = await t.data.transactions.finalize(counter.id);
    const error = await rejectionOf(t.data.transactions.setLinePrice(counter.id, done.lines[0]!.id, 100));
    expect(error.message).to.contain('al afgerond');
    expect(await t.data.transactions.get(counter.id)).to.deep.equal(done);
    expect(await t.data.transactions.get(sale.id)).to.deep.equal(sale);
  });

  it('asks the guards in registration order with the change, and the first "no" declines and leaves the transaction as stored', async () => {
    const asked: string[] = [];
    const seen: PriceChange[] = [];
    t.data.transactions.registerPriceChangeGuard((change) => (asked.push('first'), seen.push(change), true));
    t.data.transactions.registerPriceChangeGuard(async () => (asked.push('second'), await Promise.resolve(false)));
    t.data.transactions.registerPriceChangeGuard(() => (asked.push('third'), true));
    const changes: TransactionChange[] = [];
    t.data.transactions.onDidChange((change) => changes.push(change));

    const result = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100);

    expect(result).to.deep.equal({ status: 'declined', transaction: sale });
    expect(asked).to.deep.equal(['first', 'second']);
    expect(seen).to.deep.equal([{ transaction: sale, line: tyreLine(), newUnitPriceCents: 100 }]);
    expect(await t.data.transactions.get(sale.id)).to.deep.equal(sale);
    expect(changes).to.deep.equal([]);
  });

  it('changes the price when every guard says yes', async () => {
    const asked: string[] = [];
    t.data.transactions.registerPriceChangeGuard(() => (asked.push('first'), true));
    t.data.transactions.registerPriceChangeGuard(() => (asked.push('second'), Promise.resolve(true)));
    const result = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100);
    expect(result.status).to.equal('changed');
    expect(asked).to.deep.equal(['first', 'second']);
    expect((await t.data.transactions.get(sale.id))!.totalCents).to.equal(2 * 100 + 4899);
  });

  it('stops asking a guard once it is disposed, also one disposed while an earlier guard asks', async () => {
    let later = 0;
    const first = t.data.transactions.registerPriceChangeGuard(() => {
      second.dispose();
      return true;
    });
    const second = t.data.transactions.registerPriceChangeGuard(() => (later++, false));
    expect(t.data.transactions.priceChangeGuardCount).to.equal(2);

    expect((await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100)).status).to.equal('changed');
    expect(later).to.equal(0);

    first.dispose();
    first.dispose();
    expect(t.data.transactions.priceChangeGuardCount).to.equal(0);
  });

  it('counts a guard that throws or rejects as a refusal with a reason, and reports it on the console', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(...args);
    try {
      const broken = t.data.transactions.registerPriceChangeGuard(() => {
        throw new Error('kapot');
      });
      const result = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100);
      expect(result.status).to.equal('declined');
      expect(result.status === 'declined' && result.reason).to.contain('kapot');
      expect(result.transaction).to.deep.equal(sale);
      broken.dispose();

      t.data.transactions.registerPriceChangeGuard(() => Promise.reject(new Error('weg')));
      const rejected = await t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100);
      expect(rejected.status === 'declined' && rejected.reason).to.contain('weg');
    } finally {
      console.error = original;
    }
    expect(logged.map((e) => (e as Error).message)).to.deep.equal(['kapot', 'weg']);
    expect(await t.data.transactions.get(sale.id)).to.deep.equal(sale);
  });

  it('rejects when the line went while a guard asked, writing nothing', async () => {
    t.data.transactions.registerPriceChangeGuard(async () => {
      await t.data.transactions.removeLines(sale.id, [tyreLine().id]);
      return true;
    });
    const error = await rejectionOf(t.data.transactions.setLinePrice(sale.id, tyreLine().id, 100));
    expect(error.message).to.contain('Regel niet gevonden');
    expect((await t.data.transactions.get(sale.id))!.lines.map((l) => l.unitPriceCents)).to.deep.equal([4899]);
  });
});

describe('amounts typed by staff', () => {
  it('reads euro amounts as the payment dialog does, and refuses what is no amount or negative', () => {
    const cases: [string, number | undefined][] = [
      ['12,50', 1250],
      ['12,5', 1250],
      ['€ 12,50', 1250],
      ['12.50', 1250],
      ['12', 1200],
      ['1.234,50', 123450],
      [' 0 ', 0],
      ['', undefined],
      ['abc', undefined],
      ['12,505', undefined],
      ['-3', undefined],
    ];
    for (const [text, cents] of cases) expect(parseEuroAmount(text), JSON.stringify(text)).to.equal(cents);
  });

  it('shows cents as an amount to edit', () => {
    expect(formatAmountInput(1250)).to.equal('12,50');
    expect(formatAmountInput(5)).to.equal('0,05');
    expect(formatAmountInput(123450)).to.equal('1234,50');
  });
});
