import { expect } from '@open-wc/testing';
import { canTransition } from '../../src/services/lifecycle/order-lifecycle.js';
import {
  needsRopisMethod,
  planStatusChange,
  ROPIS_METHODS,
  ropisMethodLabel,
  statusOptions,
  type StatusAction,
} from '../../src/services/lifecycle/status-actions.js';
import { ORDER_STATUSES, type OrderStatus, type OrderType, type OutboxKind } from '../../src/services/store/order-model.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

type Target = Exclude<StatusAction, 'handle-sale'>;

/** What staff may do from each status (DESIGN §4's last column) and what the provider is told; nothing else. */
const ALLOWED: Readonly<Record<OrderStatus, Partial<Record<Target, OutboxKind | undefined>>>> = {
  received: { cancelled: 'decline' },
  new: { 'in-progress': 'accept', cancelled: 'decline' },
  'customer-id-required': { cancelled: 'decline' },
  'product-link-failed': { archived: undefined, cancelled: 'decline' },
  'processing-failed': { archived: undefined },
  'in-progress': { 'ready-for-pickup': 'ready-for-pickup', cancelled: 'cancel' },
  'ready-for-pickup': { completed: 'picked-up', cancelled: 'cancel' },
  cancelled: { completed: undefined },
  completed: {},
  archived: {},
};

/** The select's labels per status: the current one first, then what staff may pick. */
const OPTIONS: Readonly<Record<OrderStatus, readonly string[]>> = {
  received: ['Ontvangen, nog niet geïmporteerd', 'Annuleren'],
  new: ['Nieuw', 'In behandeling', 'Annuleren'],
  'customer-id-required': ['Klant-ID vereist', 'Verkoop afhandelen', 'Annuleren'],
  'product-link-failed': ['Productkoppeling mislukt', 'Verkoop afhandelen', 'Gearchiveerd', 'Annuleren'],
  'processing-failed': ['Verwerking van verkoop mislukt', 'Gearchiveerd'],
  'in-progress': ['In behandeling', 'Gereed voor afhalen', 'Annuleren'],
  'ready-for-pickup': ['Gereed voor afhalen', 'Afgehandeld', 'Annuleren'],
  cancelled: ['Geannuleerd', 'Afgehandeld'],
  completed: ['Afgehandeld'],
  archived: ['Gearchiveerd'],
};

const order = (status: OrderStatus, type: OrderType = 'buy') => storedOrder({ status, type, transactionId: 'T000001' });

describe('status actions', () => {
  describe('planStatusChange, every status × every action (a paid order, transaction finalized)', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const allowed = ALLOWED[from];
        if (to in allowed) {
          const kind = allowed[to];
          it(`${from} → ${to}: allowed${kind ? `, sends ${kind}` : ', sends nothing'}`, () => {
            const plan = planStatusChange(order(from), to, { transactionFinalized: true });
            expect(plan).to.deep.equal(kind ? { ok: true, to, outbox: { kind } } : { ok: true, to });
          });
        } else {
          it(`${from} → ${to}: refused with a reason`, () => {
            const plan = planStatusChange(order(from), to, { transactionFinalized: true });
            expect(plan.ok).to.equal(false);
            const reason = plan.ok ? '' : plan.reason;
            expect(reason).to.match(from === to ? /heeft al status/ : / kan niet\.$/);
          });
        }
      }
    }

    it('names both statuses in Dutch when refusing', () => {
      expect(planStatusChange(order('new'), 'completed', {})).to.deep.equal({ ok: false, reason: 'Van Nieuw naar Afgehandeld kan niet.' });
      expect(planStatusChange(order('cancelled'), 'in-progress', {})).to.deep.equal({
        ok: false,
        reason: 'Van Geannuleerd naar In behandeling kan niet.',
      });
    });

    it("refuses the import's own moves, though the lifecycle knows them", () => {
      const importMoves: [OrderStatus, Target][] = [
        ['received', 'new'],
        ['received', 'customer-id-required'],
        ['received', 'processing-failed'],
        ['customer-id-required', 'new'],
        ['product-link-failed', 'new'],
        ['product-link-failed', 'customer-id-required'],
        ['processing-failed', 'received'],
        ['processing-failed', 'cancelled'],
      ];
      for (const [from, to] of importMoves) {
        expect(canTransition(from, to), `${from} → ${to} is in ORDER_TRANSITIONS`).to.equal(true);
        expect(planStatusChange(order(from), to, {}).ok, `${from} → ${to}`).to.equal(false);
      }
    });

    it('allows nothing the lifecycle forbids', () => {
      for (const from of ORDER_STATUSES) {
        for (const to of Object.keys(ALLOWED[from]) as Target[]) expect(canTransition(from, to), `${from} → ${to}`).to.equal(true);
      }
    });
  });

  describe('statusOptions', () => {
    for (const status of ORDER_STATUSES) {
      it(`${status}: ${OPTIONS[status].join(' · ')}`, () => {
        const options = statusOptions(order(status));
        expect(options.map((option) => option.label)).to.deep.equal(OPTIONS[status]);
        expect(options[0]!.action).to.equal(status);
        // Every offered status is one staff may apply; "Verkoop afhandelen" is the only action that is not a status.
        for (const { action } of options.slice(1)) {
          if (action === 'handle-sale') expect(['customer-id-required', 'product-link-failed']).to.include(status);
          else expect(planStatusChange(order(status), action, { ropisMethod: 'picked-up-paid' }).ok, action).to.equal(true);
        }
      });
    }

    it('offers the same to a reservation', () => {
      for (const status of ORDER_STATUSES) {
        expect(statusOptions(order(status, 'reserve')).map((option) => option.label)).to.deep.equal(OPTIONS[status]);
      }
    });
  });

  describe('ROPIS bestelwijze', () => {
    it('is asked for a reservation going to Afgehandeld, from Gereed voor afhalen and from Geannuleerd only', () => {
      for (const status of ORDER_STATUSES) {
        const expected = status === 'ready-for-pickup' || status === 'cancelled';
        expect(needsRopisMethod(order(status, 'reserve'), 'completed'), status).to.equal(expected);
        expect(needsRopisMethod(order(status, 'buy'), 'completed'), `${status} (buy)`).to.equal(false);
        for (const action of [...ORDER_STATUSES.filter((s) => s !== 'completed'), 'handle-sale'] as const) {
          expect(needsRopisMethod(order(status, 'reserve'), action), `${status} → ${action}`).to.equal(false);
        }
      }
    });

    it('refuses a reservation to Afgehandeld without a method', () => {
      for (const status of ['ready-for-pickup', 'cancelled'] as const) {
        expect(planStatusChange(order(status, 'reserve'), 'completed', { transactionFinalized: true })).to.deep.equal({
          ok: false,
          reason: 'Kies eerst de ROPIS bestelwijze.',
        });
      }
    });

    it('sends the method with "picked up" and notes its label in the history', () => {
      for (const ropisMethod of ROPIS_METHODS) {
        expect(planStatusChange(order('ready-for-pickup', 'reserve'), 'completed', { ropisMethod, transactionFinalized: true })).to.deep.equal({
          ok: true,
          to: 'completed',
          outbox: { kind: 'picked-up', payload: { ropisMethod } },
          note: ropisMethodLabel(ropisMethod),
        });
      }
    });

    it('sends nothing for a cancelled reservation (already declined or cancelled there), but notes the method', () => {
      expect(planStatusChange(order('cancelled', 'reserve'), 'completed', { ropisMethod: 'not-picked-up' })).to.deep.equal({
        ok: true,
        to: 'completed',
        note: 'Niet opgehaald',
      });
    });

    it('is not part of a paid order: "picked up" without payload, no note', () => {
      expect(planStatusChange(order('ready-for-pickup'), 'completed', { ropisMethod: 'picked-up-paid' })).to.deep.equal({
        ok: true,
        to: 'completed',
        outbox: { kind: 'picked-up' },
      });
    });

    it('refuses a method the provider does not know', () => {
      const plan = planStatusChange(order('ready-for-pickup', 'reserve'), 'completed', { ropisMethod: 'lost' as never });
      expect(plan.ok).to.equal(false);
    });

    it('labels the four methods in Dutch', () => {
      expect(ROPIS_METHODS.map(ropisMethodLabel)).to.deep.equal([
        'Opgehaald en betaald in de winkel',
        'Niet opgehaald',
        'Geannuleerd door de klant',
        'Geannuleerd door de winkel',
      ]);
    });
  });

  describe('Afgehandeld and the transaction', () => {
    const notFinalized = 'Rond eerst de transactie af (Afronden als een verkoop); daarna kan de bestelling naar Afgehandeld.';

    it('is refused while the transaction is not finalized, for buys and reservations, from either status', () => {
      for (const status of ['ready-for-pickup', 'cancelled'] as const) {
        expect(planStatusChange(order(status), 'completed', { transactionFinalized: false })).to.deep.equal({ ok: false, reason: notFinalized });
        expect(planStatusChange(order(status, 'reserve'), 'completed', { ropisMethod: 'picked-up-paid', transactionFinalized: false })).to.deep.equal({
          ok: false,
          reason: notFinalized,
        });
      }
    });

    it('is allowed once finalized, or when the order has no transaction to finalize', () => {
      expect(planStatusChange(order('ready-for-pickup'), 'completed', { transactionFinalized: true }).ok).to.equal(true);
      // Cancelled before the import made a transaction: nothing to finalize.
      const { transactionId: _none, ...withoutTransaction } = order('cancelled');
      expect(planStatusChange(withoutTransaction, 'completed', {}).ok).to.equal(true);
    });

    it('does not matter for the other changes', () => {
      expect(planStatusChange(order('in-progress'), 'ready-for-pickup', { transactionFinalized: false }).ok).to.equal(true);
      expect(planStatusChange(order('ready-for-pickup'), 'cancelled', { transactionFinalized: false }).ok).to.equal(true);
    });
  });
});
