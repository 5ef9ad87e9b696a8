import { expect } from '@open-wc/testing';
import { mulberry32 } from '../../shell/data/mulberry32.js';
import { renderLocallyReceipt } from '../../src/components/locally-receipt.js';
import type { ProviderOrder, ProviderOrderLine } from '../../src/services/store/order-model.js';

// Issue #6: "The receipt's VAT amounts sum to the order total to the cent for orders with mixed VAT
// rates." vat-summary.test.ts checks the arithmetic of vatSummary(); this file checks what the
// printed Locally receipt shows: the amounts read back from its DOM, against the order's own total.

const ADDRESS = { street: 'Oudegracht 1', postcode: '3511 AA', city: 'Utrecht', country: 'NL' };

function order(lines: readonly Omit<ProviderOrderLine, 'lineId'>[], id = 'VAT001'): ProviderOrder {
  const withIds = lines.map((line, i) => ({ ...line, lineId: String(i + 1) }));
  const totalCents = withIds.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  return {
    id,
    placedAt: Date.parse('2026-11-27T10:00:00+01:00'),
    type: 'buy',
    customer: {
      providerCustomerId: 'c-1',
      firstName: 'Sanne',
      lastName: 'de Vries',
      email: 'sanne@example.nl',
      billingAddress: ADDRESS,
      shippingAddress: ADDRESS,
      emailOptIn: false,
    },
    lines: withIds,
    totals: { totalCents },
    payment: { provider: 'stripe', amountCents: totalCents, last4: '4242', authorizationId: 'pi_3vat' },
  };
}

/** "€ 1.234,56" (any spaces) → 123456; throws on anything else, so a changed format fails loudly. */
function euroCents(text: string): number {
  const normal = text.replace(/\s/g, ' ').trim();
  const match = /^€ ?(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})$/.exec(normal);
  if (!match) throw new Error(`not a euro amount: "${text}"`);
  return Number(match[1]!.replace(/\./g, '')) * 100 + Number(match[2]);
}

interface ReceiptReading {
  /** Amount of each order line, in order. */
  readonly lineAmounts: number[];
  readonly total: number;
  /** Per rate as shown, top to bottom. */
  readonly vatRows: { rate: number; net: number; vat: number }[];
  readonly vatTotal: number;
  readonly paymentText: string;
}

/** Reads the receipt as printed: the line table, then the VAT table ("Btw", "Excl.", "Btw"). */
function read(receipt: HTMLElement): ReceiptReading {
  const [linesTable, vatTable] = [...receipt.querySelectorAll('table')];
  expect(linesTable, 'the lines table').to.exist;
  expect(vatTable, 'the VAT table').to.exist;
  const lineRows = [...linesTable!.rows];
  const totalRow = lineRows.at(-1)!;
  expect(totalRow.cells[0]!.textContent.trim()).to.equal('Totaal');
  const vatRowsDom = [...vatTable!.rows];
  expect([...vatRowsDom[0]!.cells].map((c) => c.textContent.trim())).to.deep.equal(['Btw', 'Excl.', 'Btw']);
  const vatTotalRow = vatRowsDom.at(-1)!;
  expect(vatTotalRow.cells[0]!.textContent.trim()).to.equal('Totaal btw');
  return {
    lineAmounts: lineRows.slice(0, -1).map((row) => euroCents(row.cells[1]!.textContent)),
    total: euroCents(totalRow.cells[1]!.textContent),
    vatRows: vatRowsDom.slice(1, -1).map((row) => {
      const rate = /^(\d+)%$/.exec(row.cells[0]!.textContent.trim());
      expect(rate, `a rate cell: "${row.cells[0]!.textContent}"`).to.not.equal(null);
      return { rate: Number(rate![1]), net: euroCents(row.cells[1]!.textContent), vat: euroCents(row.cells[2]!.textContent) };
    }),
    vatTotal: euroCents(vatTotalRow.cells[2]!.textContent),
    paymentText: [...receipt.querySelectorAll('section')].at(-1)!.textContent.replace(/\s+/g, ' '),
  };
}

/**
 * What must hold for any order: every line's amount; per rate, excl. + btw is exactly that rate's
 * lines and the btw is within half a cent of the exact VAT contained; the rates add up to the
 * order total to the cent; "Totaal btw" is the sum of the rows; highest rate first.
 */
function expectConsistent(placed: ProviderOrder, reading: ReceiptReading, label: string): void {
  const total = placed.totals.totalCents;
  expect(reading.lineAmounts, `${label}: line amounts`).to.deep.equal(placed.lines.map((l) => l.quantity * l.unitPriceCents));
  expect(reading.total, `${label}: Totaal`).to.equal(total);

  const grossByRate = new Map<number, number>();
  for (const line of placed.lines) grossByRate.set(line.vatRate, (grossByRate.get(line.vatRate) ?? 0) + line.quantity * line.unitPriceCents);
  expect(reading.vatRows.map((r) => r.rate), `${label}: one row per rate, highest first`).to.deep.equal([...grossByRate.keys()].sort((a, b) => b - a));
  for (const row of reading.vatRows) {
    const gross = grossByRate.get(row.rate)!;
    expect(row.net + row.vat, `${label}: ${row.rate}% excl. + btw = its lines`).to.equal(gross);
    const exact = (gross * row.rate) / (100 + row.rate);
    expect(Math.abs(row.vat - exact), `${label}: ${row.rate}% btw ${row.vat} vs exact ${exact.toFixed(3)}`).to.be.at.most(0.5);
    expect(row.net, `${label}: ${row.rate}% excl. not negative`).to.be.at.least(0);
  }
  expect(reading.vatRows.reduce((sum, r) => sum + r.net + r.vat, 0), `${label}: excl. + btw over all rates = order total`).to.equal(total);
  expect(reading.vatTotal, `${label}: Totaal btw = sum of the rows`).to.equal(reading.vatRows.reduce((sum, r) => sum + r.vat, 0));
  expect(reading.paymentText, `${label}: the payment`).to.contain('Betaald met Stripe: ').and.contain('4242');
  expect(euroCents(/Betaald met Stripe: (€\s?[\d.,]+)/.exec(reading.paymentText)![1]!), `${label}: paid`).to.equal(total);
}

describe('the Locally receipt\'s VAT for orders with mixed rates', () => {
  function renderAndRead(placed: ProviderOrder): ReceiptReading {
    const receipt = renderLocallyReceipt(placed, 'nl-NL');
    document.body.append(receipt);
    try {
      return read(receipt);
    } finally {
      receipt.remove();
    }
  }

  it('awkward prices at 21 % and 9 %: the printed rows add up to the order total to the cent', () => {
    const placed = order([
      { description: 'Fietshelm', quantity: 3, unitPriceCents: 1999, vatRate: 21 },
      { description: 'Ventieldopje', quantity: 7, unitPriceCents: 333, vatRate: 21 },
      { description: 'Fietskaart Utrecht', quantity: 3, unitPriceCents: 333, vatRate: 9 },
      { description: 'Sticker', quantity: 7, unitPriceCents: 1, vatRate: 9 },
      { description: 'Bel', quantity: 1, unitPriceCents: 1, vatRate: 21 },
    ]);
    const reading = renderAndRead(placed);
    expectConsistent(placed, reading, 'fixed order');
    // 21 %: 5997 + 2331 + 1 = 8329 incl., btw 8329 × 21/121 = 1445.54 → 1446; 9 %: 999 + 7 = 1006 incl., btw 83.06 → 83.
    expect(reading.vatRows).to.deep.equal([
      { rate: 21, net: 6883, vat: 1446 },
      { rate: 9, net: 923, vat: 83 },
    ]);
    expect(reading.total).to.equal(9335);
    expect(reading.vatTotal).to.equal(1529);
  });

  it('rounds once per rate, not per line: per-line rounding would be a cent off the total', () => {
    // Per line: 333 × 21/121 = 57.79 → 58, three times 174; per rate: 999 × 21/121 = 173.38 → 173.
    // At 9 %: 1 cent has 0.08 cent VAT, seven of them 0.58 → 1, where per line each rounds to 0.
    const placed = order([
      { description: 'A', quantity: 1, unitPriceCents: 333, vatRate: 21 },
      { description: 'B', quantity: 1, unitPriceCents: 333, vatRate: 21 },
      { description: 'C', quantity: 1, unitPriceCents: 333, vatRate: 21 },
      ...Array.from({ length: 7 }, (_, i) => ({ description: `Sticker ${i + 1}`, quantity: 1, unitPriceCents: 1, vatRate: 9 })),
    ]);
    const reading = renderAndRead(placed);
    expectConsistent(placed, reading, 'per-rate rounding');
    expect(reading.vatRows).to.deep.equal([
      { rate: 21, net: 826, vat: 173 },
      { rate: 9, net: 6, vat: 1 },
    ]);
  });

  it('shows thousands with a separator and still adds up (7 × € 1.999,99 at 21 %, 3 × € 0,01 at 9 %)', () => {
    const placed = order([
      { description: 'E-bike', quantity: 7, unitPriceCents: 199_999, vatRate: 21 },
      { description: 'Sticker', quantity: 3, unitPriceCents: 1, vatRate: 9 },
    ]);
    const receipt = renderLocallyReceipt(placed, 'nl-NL');
    expect(receipt.textContent).to.contain('13.999,93').and.contain('13.999,96');
    const reading = read(receipt);
    expectConsistent(placed, reading, 'large amounts');
    expect(reading.total).to.equal(1_399_996);
  });

  it('property: 400 seeded random mixed-rate orders all add up to the cent on the printed receipt', () => {
    const random = mulberry32(0x10ca11);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    // Prices from a cent to a few thousand euros, biased to awkward ones (odd cents, ...99, ...33).
    const price = () => [() => int(1, 99), () => int(1, 99) * 100 + 99, () => int(1, 30) * 111, () => int(100, 400_000), () => 333, () => 1999][int(0, 5)]!();
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const count = int(2, 8);
      const lines = Array.from({ length: count }, (_, i) => ({
        description: `Artikel ${i + 1}`,
        quantity: [1, 1, 2, 3, 7, int(1, 25)][int(0, 5)]!,
        unitPriceCents: price(),
        // Mixed: the first two lines take both rates, the rest either.
        vatRate: i === 0 ? 21 : i === 1 ? 9 : random() < 0.6 ? 21 : 9,
      }));
      const placed = order(lines, `P${n}`);
      expectConsistent(placed, renderAndRead(placed), `order ${n} (${JSON.stringify(lines.map((l) => [l.quantity, l.unitPriceCents, l.vatRate]))})`);
      checked++;
    }
    expect(checked).to.equal(400);
  });
});
