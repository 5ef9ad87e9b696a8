import { expect } from '@open-wc/testing';
import { canTransition, statusAfterProviderChange } from '../../../src/services/lifecycle/order-lifecycle.js';
import type { StoredOrder } from '../../../src/services/store/order-model.js';
import { readLocallyOrder } from '../../../src/services/sync/locally/locally-order-schema.js';
import type { OrderSource } from '../../../src/services/sync/order-source.js';
import { receivedPage } from '../../../src/services/sync/received-page.js';
import { wireOrder } from '../../helpers/locally-wire.js';

const source = { id: 'locally', label: 'Locally' } as OrderSource;
const NOW = 1_800_000_000_000;

function page(...raws: unknown[]) {
  return receivedPage(source, { received: raws.map(readLocallyOrder), nextCursor: 'c-2', hasMore: false }, NOW);
}

describe('what a fetched page means for the store', () => {
  it('keeps new valid orders waiting for the import, failed ones with their payload, unreadable ones apart', () => {
    const result = page(wireOrder(), wireOrder({ id: 'BAD1', total: 3 }), { nonsense: true });
    expect(result.orders.map((o) => [o.orderId, o.status])).to.deep.equal([
      ['QE3QL6', 'received'],
      ['BAD1', 'processing-failed'],
    ]);
    expect(result.orders[1]!.raw).to.deep.include({ id: 'BAD1', total: 3 });
    expect(result.orders[1]!.problems).to.have.length.greaterThan(0);
    expect(result.quarantined).to.have.length(1);
    expect(result.quarantined[0]!.raw).to.deep.equal({ nonsense: true });
    expect(result.syncState).to.include({ source: 'locally', cursor: 'c-2' });
  });

  it('stores an order that arrives already cancelled as cancelled', () => {
    expect(page(wireOrder({ status: 'auto-cancelled' })).orders[0]!.status).to.equal('cancelled');
  });

  it('cancels a known order the customer cancelled, with a history entry, where the lifecycle allows', () => {
    const [incoming] = page(wireOrder({ status: 'cancelled-by-customer', updatedAt: '2026-11-27T10:00:00.000Z' })).orders;
    const reconcile = page().reconcile;
    const current: StoredOrder = { ...page(wireOrder()).orders[0]!, status: 'in-progress', revision: 3 };
    const outcome = reconcile(current, incoming!);
    expect(outcome?.next.status).to.equal('cancelled');
    expect(outcome?.next.revision).to.equal(4);
    expect(outcome?.history).to.include({ from: 'in-progress', to: 'cancelled', by: 'Locally', note: 'Geannuleerd door de klant' });

    // Completed stays completed (only the provider's copy follows, without history); a repeat of what
    // we hold changes nothing; a bad copy is ignored.
    const late = reconcile({ ...current, status: 'completed' }, incoming!);
    expect(late?.next.status).to.equal('completed');
    expect(late?.next.order?.status).to.equal('cancelled-by-customer');
    expect(late?.history).to.equal(undefined);
    expect(reconcile(current, page(wireOrder()).orders[0]!)).to.equal(undefined);
    expect(reconcile(current, page(wireOrder({ total: 1 })).orders[0]!)).to.equal(undefined);
  });
});

describe('the order lifecycle', () => {
  it('allows the changes of DESIGN §4 and no others', () => {
    expect(canTransition('new', 'in-progress')).to.equal(true);
    expect(canTransition('in-progress', 'ready-for-pickup')).to.equal(true);
    expect(canTransition('ready-for-pickup', 'completed')).to.equal(true);
    expect(canTransition('cancelled', 'completed')).to.equal(true);
    expect(canTransition('processing-failed', 'archived')).to.equal(true);
    expect(canTransition('new', 'completed')).to.equal(false);
    expect(canTransition('completed', 'cancelled')).to.equal(false);
    expect(canTransition('archived', 'new')).to.equal(false);
  });

  it('turns provider cancellations into "cancelled" only where allowed', () => {
    expect(statusAfterProviderChange('received', 'cancelled-by-customer')).to.equal('cancelled');
    expect(statusAfterProviderChange('ready-for-pickup', 'auto-cancelled')).to.equal('cancelled');
    expect(statusAfterProviderChange('cancelled', 'cancelled-by-customer')).to.equal(undefined);
    expect(statusAfterProviderChange('completed', 'cancelled-by-customer')).to.equal(undefined);
    expect(statusAfterProviderChange('processing-failed', 'auto-cancelled')).to.equal('cancelled');
    expect(statusAfterProviderChange('archived', 'auto-cancelled')).to.equal(undefined);
    expect(statusAfterProviderChange('new', 'accepted')).to.equal(undefined);
  });
});
