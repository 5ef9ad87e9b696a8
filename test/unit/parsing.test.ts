import { expect } from '@open-wc/testing';
import { parseEuroCents } from '../../src/components/ecommerce-payment-dialog.js';
import { parseExternalRef } from '../../src/services/transaction-orders.js';

describe('parseExternalRef', () => {
  it('splits source and order id at the first colon', () => {
    expect(parseExternalRef('locally:QE3QL6')).to.deep.equal({ source: 'locally', orderId: 'QE3QL6' });
    expect(parseExternalRef('shop:A:1')).to.deep.equal({ source: 'shop', orderId: 'A:1' });
  });

  it('refuses references without both parts', () => {
    for (const ref of [undefined, '', 'QE3QL6', ':QE3QL6', 'locally:']) {
      expect(parseExternalRef(ref), String(ref)).to.equal(undefined);
    }
  });
});

describe('parseEuroCents', () => {
  it('reads the ways staff type amounts', () => {
    expect(parseEuroCents('12,50')).to.equal(1250);
    expect(parseEuroCents('12.5')).to.equal(1250);
    expect(parseEuroCents('€ 1.234,56')).to.equal(123456);
    // As typed in English (the dialog pre-fills "12.50" there).
    expect(parseEuroCents('€1,234.56')).to.equal(123456);
    expect(parseEuroCents('0')).to.equal(0);
    expect(parseEuroCents('-3')).to.equal(-300);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '12,345', '1,2,3', '€']) {
      expect(parseEuroCents(text), text).to.equal(undefined);
    }
  });
});
