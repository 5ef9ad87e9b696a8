import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BehaviorSubject } from 'rxjs';
import { findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import '../../src/components/ecommerce-screen.js';
import type { EcommerceScreen, StagedOutcome, StagedStatusChange } from '../../src/components/ecommerce-screen.js';
import type { OrderListSettings } from '../../src/services/screen/order-list-view.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

/** In-memory preferences, shared between two screens as the store would share them across a reload. */
class MemoryPreferences {
  stored: unknown;
  saves = 0;
  load = () => Promise.resolve(this.stored);
  save = (settings: OrderListSettings) => {
    this.saves++;
    this.stored = structuredClone(settings);
    return Promise.resolve();
  };
}

function manyOrders(count: number): StoredOrder[] {
  return Array.from({ length: count }, (_, i) =>
    storedOrder({ orderId: `N${String(i).padStart(5, '0')}`, placedAt: 1_000_000 + i * 1_000, status: i % 2 ? 'in-progress' : 'new', barcode: `20000${String(i).padStart(8, '0')}` }),
  );
}

async function screenWith(orders: readonly StoredOrder[], setup: Partial<EcommerceScreen> = {}) {
  const screen = await fixture<EcommerceScreen>(html`<locally-ecommerce-screen .orders=${new BehaviorSubject(orders)} .preferences=${setup.preferences} .applyChanges=${setup.applyChanges} .openTransaction=${setup.openTransaction} .deadline=${setup.deadline}></ecommerce-screen>`);
  await screen.updateComplete;
  const rows = () => [...screen.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
  return { screen, rows };
}

describe('the eCommerce-verkopen grid', () => {
  it('renders only the rows in view of 10,000 orders, and the rows further down when scrolled there', async () => {
    const { screen, rows } = await screenWith(manyOrders(10_000));
    const grid = await findByShadowRole(screen, 'grid', { name: 'eCommerce-bestellingen' });
    expect(grid.getAttribute('aria-rowcount')).to.equal('10001');
    expect(rows().length).to.be.within(5, 80);
    expect(rows()[0]!.textContent).to.contain('N09999');

    const viewport = screen.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    viewport.scrollTop = viewport.scrollHeight;
    await waitUntil(() => rows().some((row) => row.textContent.includes('N00000')), 'the last order rendered after scrolling');
    expect(rows().length).to.be.below(80);
    expect(rows().at(-1)!.getAttribute('aria-rowindex')).to.equal('10001');
  });

  it('offers per row only the status changes the lifecycle allows, and applies staged ones with "Opslaan" row by row', async () => {
    const fresh = storedOrder({ orderId: 'AAA001', placedAt: 3_000, status: 'new' });
    const busy = storedOrder({ orderId: 'BBB002', placedAt: 2_000, status: 'in-progress' });
    const reservation = storedOrder({ orderId: 'CCC003', placedAt: 1_000, status: 'ready-for-pickup', type: 'reserve' });
    const asked: StagedStatusChange[][] = [];
    const answers: StagedOutcome[] = [{ kind: 'applied' }, { kind: 'refused', reason: 'De bestelling is intussen veranderd; kijk opnieuw.' }, { kind: 'kept' }];
    const { screen } = await screenWith([fresh, busy, reservation], {
      applyChanges: (changes) => {
        asked.push([...changes]);
        return Promise.resolve(answers);
      },
    });
    const select = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status AAA001' });
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Nieuw', 'In behandeling', 'Annuleren']);
    const save = await findByShadowRole(screen, 'button', { name: 'Opslaan' });
    expect(save.getAttribute('aria-disabled')).to.equal('true');

    const choose = async (name: string, label: string) => {
      const box = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name });
      box.value = [...box.options].find((o) => o.text === label)!.value;
      box.dispatchEvent(new Event('change'));
      await screen.updateComplete;
    };
    await choose('Status AAA001', 'In behandeling');
    await choose('Status BBB002', 'Gereed voor afhalen');
    await choose('Status CCC003', 'Afgehandeld');
    expect(save.getAttribute('aria-disabled')).to.equal('false');
    save.click();
    await waitUntil(() => asked.length === 1 && !screen.shadowRoot!.textContent.includes('Bezig met opslaan'), 'saved');
    await screen.updateComplete;

    expect(asked[0]!.map((c) => [c.order.orderId, c.action])).to.deep.equal([
      ['AAA001', 'in-progress'],
      ['BBB002', 'ready-for-pickup'],
      ['CCC003', 'completed'],
    ]);
    const status = screen.shadowRoot!.querySelector('p[role="status"]')!;
    expect(status.textContent).to.contain('1 van 3 wijzigingen opgeslagen').and.contain('1 geweigerd').and.contain('1 nog niet toegepast');
    // The refused change stays staged, with its reason tied to its select; the kept one stays staged too.
    const refused = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status BBB002', description: 'De bestelling is intussen veranderd; kijk opnieuw.' });
    expect(refused.selectedOptions[0]!.text).to.equal('Gereed voor afhalen');
    expect((await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status CCC003' })).selectedOptions[0]!.text).to.equal('Afgehandeld');
    expect((await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Status AAA001' })).selectedOptions[0]!.text).to.equal('Nieuw');
    await expect(screen).to.be.accessible();
  });

  it('keeps filters, sort and columns across a reload', async () => {
    const preferences = new MemoryPreferences();
    const orders = [
      storedOrder({ orderId: 'BUY001', type: 'buy', status: 'new', placedAt: 2_000 }),
      storedOrder({ orderId: 'RES002', type: 'reserve', status: 'new', placedAt: 1_000 }),
      storedOrder({ orderId: 'DONE03', type: 'reserve', status: 'completed', placedAt: 3_000 }),
    ];
    const first = await screenWith(orders, { preferences });
    expect(first.rows().map((row) => row.cells[0]!.textContent)).to.deep.equal(['BUY001', 'RES002']);
    const type = await findByShadowRole<HTMLSelectElement>(first.screen, 'combobox', { name: 'Filter op type' });
    type.value = 'reserve';
    type.dispatchEvent(new Event('change'));
    const status = await findByShadowRole<HTMLSelectElement>(first.screen, 'combobox', { name: 'Filter op status' });
    status.value = 'all';
    status.dispatchEvent(new Event('change'));
    (await findByShadowRole(first.screen, 'button', { name: 'Kolommen' })).click();
    await first.screen.updateComplete;
    (await findByShadowRole(first.screen, 'checkbox', { name: 'Artikelen' })).click();
    (await findByShadowRole(first.screen, 'button', { name: 'Sorteren op eCommerce order-ID' })).click();
    await first.screen.updateComplete;
    expect(first.rows().map((row) => row.cells[0]!.textContent)).to.deep.equal(['DONE03', 'RES002']);
    first.screen.remove();

    const second = await screenWith(orders, { preferences });
    await waitUntil(() => second.rows().length === 2, 'the stored settings applied');
    expect(second.rows().map((row) => row.cells[0]!.textContent)).to.deep.equal(['DONE03', 'RES002']);
    expect((await findByShadowRole<HTMLSelectElement>(second.screen, 'combobox', { name: 'Filter op type' })).value).to.equal('reserve');
    expect(await findByShadowRole(second.screen, 'columnheader', { name: 'Artikelen' })).to.exist;
    expect((await findByShadowRole(second.screen, 'columnheader', { name: 'eCommerce order-ID' })).getAttribute('aria-sort')).to.equal('ascending');
  });

  it('finds an order by a scanned barcode or order number and selects it, even when a filter hid it', async () => {
    const orders = [...manyOrders(300), storedOrder({ orderId: 'OLD999', status: 'completed', placedAt: 1, barcode: '2000000000999' })];
    const { screen } = await screenWith(orders);
    const search = await findByShadowRole<HTMLInputElement>(screen, 'searchbox', { name: 'Zoeken' });
    search.focus();
    await sendKeys({ type: '2000000000999' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => screen.shadowRoot!.querySelector('tr[aria-selected="true"]')?.textContent.includes('OLD999'), 'the scanned order selected');
    expect(search.value).to.equal('');
    expect(await findByShadowRole(screen, 'region', { name: 'Details van bestelling OLD999' })).to.exist;

    search.focus();
    await sendKeys({ type: 'n00150' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => screen.shadowRoot!.querySelector('tr[aria-selected="true"]')?.textContent.includes('N00150'), 'found by order number');
    await waitUntil(() => screen.shadowRoot!.activeElement?.textContent?.includes('N00150') === true, 'focus on the found row');
  });

  it('moves through the rows with the arrow keys and opens the transaction with Enter or a double-click', async () => {
    const opened: string[] = [];
    const orders = manyOrders(200).map((order) => ({ ...order, transactionId: `T-${order.orderId}` }));
    const { screen, rows } = await screenWith(orders, { openTransaction: (order) => Promise.resolve(void opened.push(order.orderId)) });
    rows()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => screen.shadowRoot!.activeElement?.getAttribute('aria-selected') === 'true');
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['N00197']);
    await sendKeys({ press: 'End' });
    await waitUntil(() => screen.shadowRoot!.activeElement?.textContent?.includes('N00000') === true, 'End reaches the last order, rendered on the way');
    rows()[0]!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(opened).to.have.length(2);
  });

  it('highlights a row whose shipping address differs from the billing one, says so in words, and shows provider markup as text', async () => {
    const base = storedOrder({ orderId: 'SHIP01' });
    const elsewhere = storedOrder({
      orderId: 'SHIP02',
      order: { ...base.order!, id: 'SHIP02', customer: { ...base.order!.customer, firstName: '<img src=x onerror=alert(1)>', shippingAddress: { street: 'Kade 1', postcode: '1011 AA', city: 'Amsterdam', country: 'NL' } } },
    });
    const { screen, rows } = await screenWith([base, elsewhere]);
    const [second, first] = [rows().find((r) => r.textContent.includes('SHIP02'))!, rows().find((r) => r.textContent.includes('SHIP01'))!];
    expect(second.classList.contains('elsewhere')).to.equal(true);
    expect(first.classList.contains('elsewhere')).to.equal(false);
    expect(second.textContent).to.contain('wijkt af van factuuradres').and.contain('<img src=x onerror=alert(1)>');
    expect(screen.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('shows the time left to accept, and sorts by it', async () => {
    const soon = storedOrder({ orderId: 'SOON01', placedAt: 2_000 });
    const late = storedOrder({ orderId: 'LATE02', placedAt: 1_000 });
    const { screen, rows } = await screenWith([soon, late], {
      deadline: (order) => (order.orderId === 'SOON01' ? { at: 5_000, text: 'nog 25 min', level: 'urgent' } : { at: 4_000, text: 'te laat', level: 'overdue' }),
    });
    expect(rows()[0]!.textContent).to.contain('nog 25 min');
    (await findByShadowRole(screen, 'button', { name: 'Sorteren op Accepteren vóór' })).click();
    await screen.updateComplete;
    expect(rows().map((row) => row.cells[0]!.textContent)).to.deep.equal(['LATE02', 'SOON01']);
    expect(rows()[0]!.querySelector('td.deadline-overdue')!.textContent).to.equal('te laat');
    expect(queryByShadowRole(screen, 'columnheader', { name: 'Artikelen' }), 'hidden by default').to.equal(null);
  });
});
