import { expect } from '@open-wc/testing';
import type { Payment } from '../../src/host/payments.js';
import type { Transaction } from '../../src/host/transactions.js';
import {
  defaultEmptyingNote,
  emptyingProblem,
  emptyingReason,
  emptyingSteps,
  planEmptying,
  proposedNotes,
} from '../../src/services/lifecycle/empty-transaction-plan.js';
import { ORDER_STATUSES, type OrderStatus } from '../../src/services/store/order-model.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

const ECOMMERCE = 'locally.ecommercePayment';

function transaction(overrides: Partial<Transaction> = {}): Transaction {
  return {
    id: 'T000001',
    barcode: '2000000000015',
    externalRef: 'locally:QE1',
    lines: [
      { id: 'T000001-L1', productId: 'P1', description: 'Band', quantity: 2, unitPriceCents: 4500, vatRate: 21 },
      { id: 'T000001-L2', productId: 'P2', description: 'Bel', quantity: 1, unitPriceCents: 995, vatRate: 21 },
    ],
    payments: [],
    notes: '',
    keptOpen: false,
    state: 'open',
    totalCents: 9995,
    createdAt: 0,
    ...overrides,
  };
}

function payment(method: string, amountCents: number, id = `${method}-${amountCents}`): Payment {
  return { id, method, label: method === ECOMMERCE ? 'eCommerce' : 'Pin', amountCents, time: 0 };
}

// DESIGN §8 "Cancel": which orders get their transaction emptied, and what emptying it writes.
describe('emptying a cancelled or not-picked-up order\'s transaction', () => {
  it('applies to cancelled orders of both types and to reservations ready for pickup, and to nothing else', () => {
    const expected = (status: OrderStatus, type: 'buy' | 'reserve') =>
      status === 'cancelled' ? 'cancelled' : type === 'reserve' && status === 'ready-for-pickup' ? 'not-picked-up' : undefined;
    for (const status of ORDER_STATUSES) {
      for (const type of ['buy', 'reserve'] as const) {
        expect(emptyingReason(storedOrder({ status, type })), `${type} ${status}`).to.equal(expected(status, type));
      }
    }
  });

  it('says why it cannot: another status, no transaction, finalized, or money taken at the counter', () => {
    const cancelled = storedOrder({ status: 'cancelled' });
    expect(emptyingProblem(storedOrder({ status: 'in-progress' }), transaction(), ECOMMERCE)).to.match(/In behandeling/);
    expect(emptyingProblem(cancelled, undefined, ECOMMERCE)).to.match(/geen transactie/);
    expect(emptyingProblem(cancelled, transaction({ state: 'finalized' }), ECOMMERCE)).to.match(/al afgerond/);
    expect(emptyingProblem(cancelled, transaction({ payments: [payment('card', 9995)] }), ECOMMERCE)).to.match(/Pin.*Geef die eerst terug/);
    // eCommerce payments and a €0,00 counter payment do not stand in the way.
    expect(emptyingProblem(cancelled, transaction({ payments: [payment(ECOMMERCE, 9995), payment('card', 0)] }), ECOMMERCE)).to.equal(undefined);
  });

  it('removes every line and earlier eCommerce payments, and adds the €0,00 payment only once', () => {
    const paid = transaction({ payments: [payment(ECOMMERCE, 9995, 'pay-1')] });
    expect(planEmptying(paid, ECOMMERCE)).to.deep.equal({ lineIds: ['T000001-L1', 'T000001-L2'], ecommercePaymentIds: ['pay-1'], needsZeroPayment: true });
    const halfWay = transaction({ lines: [], totalCents: 0, payments: [payment(ECOMMERCE, 0, 'zero')] });
    expect(planEmptying(halfWay, ECOMMERCE)).to.deep.equal({ lineIds: [], ecommercePaymentIds: [], needsZeroPayment: false });
  });

  it('keeps what staff wrote and adds the procedure\'s note below it, once', () => {
    const note = defaultEmptyingNote('cancelled');
    expect(note).to.equal('Bestelling geannuleerd – artikel uitverkocht');
    expect(proposedNotes({ notes: '' }, 'cancelled')).to.equal(note);
    expect(proposedNotes({ notes: 'Klant belt terug  ' }, 'cancelled')).to.equal(`Klant belt terug\n${note}`);
    expect(proposedNotes({ notes: `Klant belt terug\n${note}` }, 'cancelled')).to.equal(`Klant belt terug\n${note}`);
    expect(proposedNotes({ notes: '' }, 'not-picked-up')).to.equal('Reservering niet opgehaald');
  });

  it('lists the steps in the procedure\'s order with what is done', () => {
    const order = storedOrder({ status: 'cancelled', type: 'reserve' });
    const before = emptyingSteps(order, transaction(), ECOMMERCE);
    expect(before.map((step) => step.id)).to.deep.equal(['remove-lines', 'note', 'zero-payment', 'finalize', 'complete']);
    expect(before.every((step) => !step.done)).to.equal(true);
    expect(before.at(-1)!.label).to.contain('ROPIS');

    const emptied = transaction({ lines: [], totalCents: 0, notes: defaultEmptyingNote('cancelled'), payments: [payment(ECOMMERCE, 0)], state: 'finalized' });
    const after = emptyingSteps(order, emptied, ECOMMERCE);
    expect(after.map((step) => step.done)).to.deep.equal([true, true, true, true, false]);
  });
});
