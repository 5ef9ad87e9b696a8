import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import { findByShadowRole, findByShadowText, queryByShadowText } from 'shadow-dom-testing-library';
import '../../src/components/ecommerce-screen.js';
import type { EcommerceScreen, StagedOutcome, StagedStatusChange } from '../../src/components/ecommerce-screen.js';
import type { OrderActionEvent } from '../../src/components/order-action-event.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

const REASON = 'U heeft geen recht "eCommerce importeren".';

describe('the eCommerce-verkopen screen, read-only', () => {
  async function readOnlyScreen() {
    const orders = [
      storedOrder({ orderId: 'RO001', placedAt: 3_000, status: 'new' }),
      storedOrder({ orderId: 'RO002', placedAt: 2_000, status: 'customer-id-required' }),
      storedOrder({ orderId: 'RO003', placedAt: 1_000, status: 'product-link-failed' }),
    ];
    const asked: StagedStatusChange[][] = [];
    const actions: string[] = [];
    let checks = 0;
    const screen = await fixture<EcommerceScreen>(html`<locally-ecommerce-screen
      .orders=${new BehaviorSubject(orders)}
      .readOnlyReason=${REASON}
      .checkNow=${() => {
        checks++;
        return Promise.resolve({ failures: 0 });
      }}
      .applyChanges=${(changes: readonly StagedStatusChange[]) => {
        asked.push([...changes]);
        return Promise.resolve(changes.map((): StagedOutcome => ({ kind: 'applied' })));
      }}
      @order-action=${(event: OrderActionEvent) => actions.push(event.action)}
    ></ecommerce-screen>`);
    await screen.updateComplete;
    return { screen, asked, actions, checks: () => checks };
  }

  it('says so at the top, and every status select is unavailable with the reason as its description; a change is undone', async () => {
    const { screen, asked } = await readOnlyScreen();
    await findByShadowText(screen, `Alleen lezen. ${REASON}`);
    for (const id of ['RO001', 'RO002', 'RO003']) {
      const select = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: `Status ${id}`, description: `Alleen lezen. ${REASON}` });
      expect(select.getAttribute('aria-disabled')).to.equal('true');
    }

    const select = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status RO001' });
    select.value = [...select.options].find((o) => o.text === 'In behandeling')!.value;
    select.dispatchEvent(new Event('change'));
    await screen.updateComplete;
    expect(select.value).to.equal('new');
    expect(queryByShadowText(screen, /wijziging\(en\) klaar om op te slaan/)).to.equal(null);
    expect((await findByShadowRole(screen, 'status')).textContent).to.contain(REASON);

    const save = await findByShadowRole(screen, 'button', { name: 'Opslaan', description: REASON });
    expect(save.getAttribute('aria-disabled')).to.equal('true');
    save.click();
    await screen.updateComplete;
    expect(asked).to.have.length(0);
    await expect(screen).to.be.accessible();
  });

  it('keeps the repairs unavailable with the reason, and "E-mail" and "Nu controleren" usable', async () => {
    const { screen, actions, checks } = await readOnlyScreen();
    const row = [...screen.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')].find((r) => r.textContent.includes('RO002'))!;
    row.click();
    await screen.updateComplete;

    for (const name of ['Klant identificeren', 'Product koppelen']) {
      const button = await findByShadowRole(screen, 'button', { name, description: REASON });
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      button.click();
      await screen.updateComplete;
    }
    expect(actions).to.deep.equal([]);
    expect((await findByShadowRole(screen, 'status')).textContent).to.contain(REASON);

    const email = await findByShadowRole(screen, 'button', { name: 'E-mail' });
    expect(email.getAttribute('aria-disabled')).to.equal('false');
    email.click();
    expect(actions).to.deep.equal(['email']);

    const check = await findByShadowRole(screen, 'button', { name: 'Nu controleren' });
    expect(check.hasAttribute('aria-disabled'), 'usable').to.equal(false);
    expect(check.getAttribute('aria-busy')).to.equal('false');
    check.click();
    await waitUntil(() => checks() === 1, '"Nu controleren" ran');
    await expect(screen).to.be.accessible();
  });

  it('lets changes be made again once the reason is gone', async () => {
    const { screen, asked } = await readOnlyScreen();
    screen.readOnlyReason = undefined;
    await screen.updateComplete;
    expect(queryByShadowText(screen, `Alleen lezen. ${REASON}`)).to.equal(null);
    const select = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status RO001' });
    expect(select.hasAttribute('aria-disabled')).to.equal(false);
    select.value = [...select.options].find((o) => o.text === 'In behandeling')!.value;
    select.dispatchEvent(new Event('change'));
    await screen.updateComplete;
    const save = await findByShadowRole(screen, 'button', { name: 'Opslaan' });
    expect(save.getAttribute('aria-disabled')).to.equal('false');
    expect(save.hasAttribute('title')).to.equal(false);
    save.click();
    await waitUntil(() => asked.length === 1, 'saved');
    expect(asked[0]!.map((c) => [c.order.orderId, c.action])).to.deep.equal([['RO001', 'in-progress']]);
  });
});
