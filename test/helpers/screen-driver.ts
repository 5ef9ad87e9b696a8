import { expect, waitUntil } from '@open-wc/testing';
import { waitFor } from './wait-for.js';
import { findAllByShadowRole, findByShadowRole } from 'shadow-dom-testing-library';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';

const WAIT = { timeout: 15_000 };

/** What staff do in "eCommerce-verkopen", by role and accessible name, for the through-shell tests. Plain functions: take them apart freely. */
export interface ScreenDriver {
  /** Presses "Nu controleren". */
  readonly checkNow: () => Promise<void>;
  /** Waits until the row's status select shows `status` as stored (not a change still staged); returns the select. */
  readonly statusOf: (orderId: string, status: string) => Promise<HTMLSelectElement>;
  /** Chooses `option` in the row's status select (now showing `current`) and presses "Opslaan". */
  readonly stageAndSave: (orderId: string, current: string, option: string) => Promise<void>;
  /** The order's row once it is shown. */
  readonly rowOf: (orderId: string) => Promise<HTMLElement>;
  /** Waits until the Locally simulator has the order in `status`; returns it. */
  readonly atLocally: (orderId: string, status: string) => Promise<LocallyOrder>;
}

export function screenDriver(screen: HTMLElement, simulator: LocallySimulator): ScreenDriver {
  const statusOf = async (orderId: string, status: string): Promise<HTMLSelectElement> => {
    let select: HTMLSelectElement | undefined;
    const staged = () => select!.closest('td')!.classList.contains('staged');
    await waitFor(
      async () => {
        select = (await findAllByShadowRole<HTMLSelectElement>(screen, 'combobox')).find((box) => box.getAttribute('aria-label') === `Status ${orderId}`);
        return select?.selectedOptions[0]?.text === status && !staged();
      },
      () => `order ${orderId} shown as ${status} (now ${select ? `${select.selectedOptions[0]?.text}${staged() ? ', staged' : ''}` : 'no row'})`,
      WAIT,
    );
    return select!;
  };

  return {
    statusOf,
    checkNow: async () => {
      (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    },
    stageAndSave: async (orderId, current, option) => {
      const select = await statusOf(orderId, current);
      const value = [...select.options].find((o) => o.text === option);
      expect(value, `"${option}" offered from ${current}: ${[...select.options].map((o) => o.text).join(', ')}`).to.exist;
      select.value = value!.value;
      select.dispatchEvent(new Event('change'));
      (await findByShadowRole(screen, 'button', { name: 'Opslaan' })).click();
    },
    rowOf: async (orderId) => {
      let row: HTMLElement | undefined;
      await waitUntil(async () => (row = (await findAllByShadowRole(screen, 'row')).find((r) => r.textContent.includes(orderId))) !== undefined, `row of ${orderId}`, WAIT);
      return row!;
    },
    atLocally: async (orderId, status) => {
      let order: LocallyOrder | undefined;
      await waitFor(async () => (order = await simulator.getOrder(orderId))?.status === status, () => `${orderId} ${status} at Locally (now ${order?.status})`, WAIT);
      return order!;
    },
  };
}
