import { expect } from '@open-wc/testing';
import { vatSummary } from '../../src/services/receipt/vat-summary.js';

describe('vatSummary', () => {
  it('splits the VAT contained in prices per Dutch rate, highest rate first', () => {
    const summary = vatSummary([
      { quantity: 2, unitPriceCents: 1210, vatRate: 21 },
      { quantity: 1, unitPriceCents: 109, vatRate: 9 },
      { quantity: 1, unitPriceCents: 2420, vatRate: 21 },
    ]);
    expect(summary.rows).to.deep.equal([
      { rate: 21, grossCents: 4840, vatCents: 840, netCents: 4000 },
      { rate: 9, grossCents: 109, vatCents: 9, netCents: 100 },
    ]);
    expect(summary.grossCents).to.equal(4949);
    expect(summary.vatCents).to.equal(849);
    expect(summary.netCents).to.equal(4100);
  });

  it('rounds once per rate, so the rows add up to the total', () => {
    const lines = Array.from({ length: 7 }, () => ({ quantity: 1, unitPriceCents: 999, vatRate: 21 }));
    const summary = vatSummary(lines);
    expect(summary.rows).to.have.length(1);
    expect(summary.vatCents).to.equal(Math.round((6993 * 21) / 121));
    expect(summary.netCents + summary.vatCents).to.equal(summary.grossCents);
  });

  it('gives an empty summary for no lines', () => {
    expect(vatSummary([])).to.deep.equal({ rows: [], grossCents: 0, vatCents: 0, netCents: 0 });
  });
});
