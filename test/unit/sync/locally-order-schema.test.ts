import { expect } from '@open-wc/testing';
import { readLocallyOrder } from '../../../src/services/sync/locally/locally-order-schema.js';
import { resolveProviderUrl } from '../../../src/services/sync/locally/provider-url.js';
import { wireOrder } from '../../helpers/locally-wire.js';

describe('reading a Locally order', () => {
  it('maps a valid order to cents and epoch milliseconds, trimming text', () => {
    const received = readLocallyOrder(wireOrder());
    expect(received.kind).to.equal('valid');
    if (received.kind !== 'valid') return;
    const { order } = received;
    expect(order.placedAt).to.equal(Date.parse('2026-11-27T09:12:00.000Z'));
    expect(order.customer.firstName).to.equal('Sanne');
    expect(order.customer.email).to.equal('Sanne.deVries@example.nl');
    expect(order.lines.map((l) => l.unitPriceCents)).to.deep.equal([4500, 950]);
    expect(order.lines[0]!.gtin).to.equal('036000291452');
    expect(order.lines[1]!.gtin).to.equal(undefined);
    expect(order.totals.totalCents).to.equal(9950);
    expect(order.payment).to.deep.equal({ provider: 'stripe', amountCents: 9950, last4: '4242', authorizationId: 'pi_3Nf1' });
    expect(order.note).to.equal('Graag <b>voor</b> zaterdag & snel');
  });

  it('keeps an order with wrong types as invalid, with its id, raw payload and readable reasons', () => {
    const raw = wireOrder({ total: 99.5, lines: [{ lineId: '1', description: 'Band', quantity: 'twee', unitPrice: '45.00', vatRate: 21 }] });
    const received = readLocallyOrder(raw);
    expect(received.kind).to.equal('invalid');
    if (received.kind !== 'invalid') return;
    expect(received.orderId).to.equal('QE3QL6');
    expect(received.raw).to.equal(raw);
    expect(received.problems.join('\n')).to.contain('total').and.contain('lines.0.quantity');
  });

  it('has no order id when the payload has no sensible one', () => {
    for (const raw of [null, 'text', 42, wireOrder({ id: 12 }), wireOrder({ id: '<script>' })]) {
      const received = readLocallyOrder(raw);
      expect(received.kind, JSON.stringify(raw)).to.equal('invalid');
      expect(received.kind === 'invalid' && received.orderId, JSON.stringify(raw)).to.equal(undefined);
    }
  });

  it('refuses amounts, barcodes and addresses that are not what the contract says', () => {
    for (const overrides of [
      { total: '12,50' },
      { currency: 'USD' },
      { lines: [] },
      { placedAt: 'gisteren' },
      { type: 'ship' },
      { customer: { ...(wireOrder().customer as object), email: 'geen-adres' } },
    ]) {
      expect(readLocallyOrder(wireOrder(overrides)).kind, JSON.stringify(overrides)).to.equal('invalid');
    }
  });
});

describe('the provider URL', () => {
  const page = 'http://localhost:5173/shell/index.html';

  it('takes https anywhere, and http only on this computer', () => {
    expect('url' in resolveProviderUrl('https://api.example.com/locally', page)).to.equal(true);
    expect('url' in resolveProviderUrl('/locally-api', page)).to.equal(true);
    expect('url' in resolveProviderUrl('http://127.0.0.1:9000/api', page)).to.equal(true);
    expect('url' in resolveProviderUrl('http://[::1]/api', page)).to.equal(true);
    const refused = resolveProviderUrl('http://api.example.com', page);
    expect('problem' in refused && refused.problem).to.contain('https');
    expect('problem' in resolveProviderUrl('http://192.168.1.10/api', page)).to.equal(true);
    expect('problem' in resolveProviderUrl('/locally-api', 'http://pos.shop.nl/')).to.equal(true);
  });
});
