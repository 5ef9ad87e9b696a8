import { expect } from '@open-wc/testing';
import { DEMO_DUPLICATES, demoCustomers, demoProducts, toGtin14 } from '../../shell/data/index.js';
import type { LocallyOrder, LocallyOrderLine } from '../../mocks/locally/locally-order.js';
import { OrderGenerator } from '../../mocks/locally/order-generator.js';

const START = Date.parse('2026-11-27T09:00:00.000Z');

/** How the plugin's import rules (DESIGN §5) would see a line: found once, several times, or not at all. */
function lineMatches(line: LocallyOrderLine): number {
  const products = demoProducts();
  if (line.upc) {
    const gtin = toGtin14(line.upc);
    const byGtin = products.filter((p) => p.ean && toGtin14(p.ean) === gtin).length;
    if (byGtin > 0) return byGtin;
  }
  const part = line.vendorPartNumber?.trim().toLowerCase();
  return part ? products.filter((p) => p.vendorPartNumber?.trim().toLowerCase() === part).length : 0;
}

function customerMatches(order: LocallyOrder): number {
  const email = order.customer.email.trim().toLowerCase();
  return demoCustomers().filter((c) => c.email?.trim().toLowerCase() === email).length;
}

describe('OrderGenerator', () => {
  const orders = Array.from({ length: 200 }, (_, i) => new OrderGenerator(2026).generate(i, { placedAt: START + i * 60_000 }));

  it('is deterministic for a seed and differs between seeds', () => {
    const again = Array.from({ length: 200 }, (_, i) => new OrderGenerator(2026).generate(i, { placedAt: START + i * 60_000 }));
    expect(again).to.deep.equal(orders);
    const other = new OrderGenerator(2027).generate(0, { placedAt: START });
    expect(other).not.to.deep.equal(orders[0]);
    expect(new Set(orders.map((o) => o.id)).size).to.equal(orders.length);
  });

  it('makes mostly orders that match the demo catalogue and customers, and some that do not', () => {
    let full = 0;
    let unknownProduct = 0;
    let ambiguous = 0;
    let unknownCustomer = 0;
    for (const order of orders) {
      const lines = order.lines.map(lineMatches);
      const customer = customerMatches(order);
      if (customer === 1 && lines.every((n) => n === 1)) full++;
      if (lines.includes(0)) unknownProduct++;
      if (lines.some((n) => n > 1)) ambiguous++;
      if (customer === 0) unknownCustomer++;
      expect(customer, order.customer.email).to.be.lessThan(2);
    }
    expect(full / orders.length).to.be.within(0.6, 0.85);
    expect(unknownProduct).to.be.greaterThan(5);
    expect(ambiguous).to.be.greaterThan(5);
    expect(unknownCustomer).to.be.greaterThan(5);
  });

  it('steers the kind and type when asked', () => {
    const generator = new OrderGenerator(5);
    for (let i = 0; i < 20; i++) {
      const unknown = generator.generate(i, { placedAt: START, kind: 'unknown-product', type: 'reserve' });
      expect(unknown.type).to.equal('reserve');
      expect(unknown.lines.map(lineMatches)).to.include(0);
      const ambiguous = generator.generate(i, { placedAt: START, kind: 'ambiguous-product' });
      expect(ambiguous.lines.some((l) => lineMatches(l) > 1)).to.equal(true);
      const stranger = generator.generate(i, { placedAt: START, kind: 'unknown-customer', type: 'buy' });
      expect(customerMatches(stranger)).to.equal(0);
      expect(stranger.lines.every((l) => lineMatches(l) === 1)).to.equal(true);
    }
    // Ambiguity comes from the demo data's deliberate duplicates.
    const ambiguousLines = Array.from({ length: 40 }, (_, i) => generator.generate(i, { placedAt: START, kind: 'ambiguous-product' }))
      .flatMap((o) => o.lines)
      .filter((l) => lineMatches(l) > 1);
    const duplicateGtins = new Set(DEMO_DUPLICATES.eans.map((e) => toGtin14(e)));
    const duplicateParts = new Set(DEMO_DUPLICATES.vendorPartNumbers.map((p) => p.toLowerCase()));
    for (const line of ambiguousLines)
      expect(duplicateGtins.has(line.upc ? toGtin14(line.upc) : undefined) || duplicateParts.has(line.vendorPartNumber?.toLowerCase() ?? '')).to.equal(true);
  });

  it('writes barcodes in every form the provider uses, all with valid check digits', () => {
    const upcs = orders.flatMap((o) => o.lines).map((l) => l.upc);
    const lengths = new Set(upcs.filter((u): u is string => u !== undefined).map((u) => u.length));
    expect([...lengths].sort()).to.include.members([12, 13, 14]);
    expect(upcs).to.include(undefined); // some lines by vendor part number only
    for (const upc of upcs) if (upc) expect(toGtin14(upc), upc).to.be.a('string');
    for (const line of orders.flatMap((o) => o.lines)) if (!line.upc) expect(line.vendorPartNumber).to.be.a('string');
  });

  it('gives believable orders: 1–3 lines, quantities 1–2, prices near the catalogue, VAT from the product', () => {
    const products = demoProducts();
    for (const order of orders) {
      expect(order.id).to.match(/^[A-Z0-9]{6}$/);
      expect(order.lines.length).to.be.within(1, 3);
      const total = order.lines.reduce((s, l) => s + Math.round(Number(l.unitPrice) * 100) * l.quantity, 0);
      expect((total / 100).toFixed(2)).to.equal(order.total);
      if (order.type === 'buy') {
        expect(order.payment?.amount).to.equal(order.total);
        expect(order.payment?.authorizationId).to.match(/^pi_/);
      } else expect(order.payment).to.equal(undefined);
      for (const line of order.lines) {
        expect(line.quantity).to.be.within(1, 2);
        if (lineMatches(line) !== 1) continue;
        const gtin = line.upc ? toGtin14(line.upc) : undefined;
        const product = products.find((p) =>
          gtin ? p.ean && toGtin14(p.ean) === gtin : p.vendorPartNumber?.toLowerCase() === line.vendorPartNumber?.toLowerCase(),
        )!;
        const cents = Math.round(Number(line.unitPrice) * 100);
        expect(cents / product.priceCents).to.be.within(0.75, 1.0001);
        expect(line.vatRate).to.equal(product.vatRate);
      }
    }
    expect(new Set(orders.map((o) => o.type))).to.deep.equal(new Set(['buy', 'reserve']));
    const notes = orders.map((o) => o.note).filter(Boolean);
    expect(notes.length).to.be.within(20, 120);
    expect(notes.some((n) => n!.includes('<b>') && n!.includes('&'))).to.equal(true);
  });
});
