import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import { findByShadowRole } from 'shadow-dom-testing-library';
import { renderLocallyReceipt } from '../../src/components/locally-receipt.js';
import '../../src/components/ecommerce-payment-dialog.js';
import '../../src/components/ecommerce-screen.js';
import type { EcommerceScreen } from '../../src/components/ecommerce-screen.js';
import type { EcommercePaymentDialog } from '../../src/components/ecommerce-payment-dialog.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

describe('the eCommerce-verkopen screen', () => {
  it('lists the orders newest first with status labels, and follows the stream', async () => {
    const older = storedOrder({ orderId: 'AAA111', placedAt: 1_000, status: 'in-progress' });
    const newer = storedOrder({ orderId: 'BBB222', placedAt: 2_000, status: 'customer-id-required', problems: ['Klant: geen klant met e-mailadres <b>x</b>@example.nl'] });
    const orders = new BehaviorSubject<readonly StoredOrder[]>([older]);
    const seen: string[] = [];
    const screen = await fixture<EcommerceScreen>(
      html`<locally-ecommerce-screen .orders=${orders} .markSeen=${(o: readonly StoredOrder[]) => Promise.resolve(seen.push(...o.map((x) => x.orderId)))}></ecommerce-screen>`,
    );
    orders.next([older, newer]);
    await screen.updateComplete;

    const rows = [...screen.shadowRoot!.querySelectorAll('tbody tr.row')].map((row) => row.textContent.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('BBB222').and.contain('Klant-ID vereist').and.contain('Klant: geen klant met e-mailadres <b>x</b>@example.nl');
    expect(rows[1]).to.contain('AAA111').and.contain('In behandeling');
    expect(await findByShadowRole(screen, 'columnheader', { name: 'eCommerce order-ID' })).to.exist;
    expect(seen).to.include.members(['AAA111', 'BBB222']);
    await expect(screen).to.be.accessible();
  });

  it('"Nu controleren" says how the check went', async () => {
    let answer: unknown = { failures: 2, lastError: { kind: 'offline', message: 'Locally is niet bereikbaar (geen verbinding)' } };
    const screen = await fixture<EcommerceScreen>(
      html`<locally-ecommerce-screen .orders=${new BehaviorSubject([])} .checkNow=${() => Promise.resolve(answer)}></ecommerce-screen>`,
    );
    const button = await findByShadowRole(screen, 'button', { name: 'Nu controleren' });
    const status = await findByShadowRole(screen, 'status');
    button.click();
    await waitUntil(() => status.textContent.includes('Controleren lukte niet: Locally is niet bereikbaar (geen verbinding)'));
    answer = { failures: 0 };
    button.click();
    await waitUntil(() => status.textContent === 'Gecontroleerd.');
  });

  it('"Nu controleren" pressed again while a check runs asks again, and the last press says how it went', async () => {
    const checks: ((status: unknown) => void)[] = [];
    const screen = await fixture<EcommerceScreen>(
      html`<locally-ecommerce-screen .orders=${new BehaviorSubject([])} .checkNow=${() => new Promise((resolve) => checks.push(resolve))}></ecommerce-screen>`,
    );
    const button = await findByShadowRole(screen, 'button', { name: 'Nu controleren' });
    const status = await findByShadowRole(screen, 'status');
    button.click();
    await screen.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    // An order placed while the first check runs: staff press again, and the poller is asked again.
    button.click();
    expect(checks).to.have.length(2);
    checks[0]!({ failures: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await screen.updateComplete;
    expect(status.textContent, 'the first answer does not end the second check').to.equal('Bezig met controleren…');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    checks[1]!({ failures: 0 });
    await waitUntil(() => status.textContent === 'Gecontroleerd.');
    expect(button.getAttribute('aria-busy')).to.equal('false');
  });

  it('says so when there are no orders', async () => {
    const screen = await fixture<EcommerceScreen>(html`<locally-ecommerce-screen .orders=${new BehaviorSubject([])}></ecommerce-screen>`);
    expect(screen.shadowRoot!.textContent).to.contain('Er zijn nog geen eCommerce-bestellingen.');
    await expect(screen).to.be.accessible();
  });
});

describe('the eCommerce-verkopen screen: selection, repairs and the detail', () => {
  const waiting = storedOrder({ orderId: 'CID001', placedAt: 3_000, status: 'customer-id-required', problems: ['Klant: geen klant met e-mailadres'] });
  const linkFailed = storedOrder({ orderId: 'PLF002', placedAt: 2_000, status: 'product-link-failed', problems: ['Regel 1. Band: geen product gevonden'] });
  const { order: _valid, ...unreadableBase } = storedOrder({ orderId: 'BAD003', placedAt: 1_000, status: 'processing-failed' });
  const unreadable = { ...unreadableBase, raw: { id: 'BAD003', customer: '<b>kapot</b>' }, problems: ['Ongeldige gegevens: lines ontbreekt'] };

  async function screenWith(orders: readonly StoredOrder[]) {
    const screen = await fixture<EcommerceScreen>(html`<locally-ecommerce-screen .orders=${new BehaviorSubject(orders)}></ecommerce-screen>`);
    const actions: string[] = [];
    screen.addEventListener('order-action', (event) => actions.push(`${event.action} ${event.order.orderId}`));
    const rows = () => [...screen.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr.row')];
    return { screen, actions, rows };
  }

  it('selects a row by click and by the arrow keys, and shows its detail', async () => {
    const { screen, rows } = await screenWith([waiting, linkFailed, unreadable]);
    expect(rows()[0]!.tabIndex, 'the first row takes the focus before any choice').to.equal(0);
    rows()[1]!.click();
    await screen.updateComplete;
    expect(rows().map((row) => row.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    expect(await findByShadowRole(screen, 'region', { name: 'Details van bestelling PLF002' })).to.exist;

    rows()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await screen.updateComplete;
    await waitUntil(() => screen.shadowRoot!.activeElement === rows()[2]);
    expect(rows()[2]!.getAttribute('aria-selected')).to.equal('true');
    rows()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await screen.updateComplete;
    expect(rows()[0]!.getAttribute('aria-selected')).to.equal('true');
    await expect(screen).to.be.accessible();
  });

  it('offers "Klant identificeren" and "Product koppelen" for the selected order in the matching status only', async () => {
    const { screen, actions, rows } = await screenWith([waiting, linkFailed]);
    const identify = await findByShadowRole(screen, 'button', { name: 'Klant identificeren' });
    const link = await findByShadowRole(screen, 'button', { name: 'Product koppelen' });
    expect([identify.getAttribute('aria-disabled'), link.getAttribute('aria-disabled')]).to.deep.equal(['true', 'true']);
    identify.click();
    await screen.updateComplete;
    expect((await findByShadowRole(screen, 'status')).textContent).to.contain('Kies eerst een bestelling met status Klant-ID vereist');
    expect(actions).to.deep.equal([]);

    rows()[0]!.click();
    await screen.updateComplete;
    expect([identify.getAttribute('aria-disabled'), link.getAttribute('aria-disabled')]).to.deep.equal(['false', 'true']);
    identify.click();
    rows()[1]!.click();
    await screen.updateComplete;
    link.click();
    identify.click();
    expect(actions).to.deep.equal(['identify-customer CID001', 'link-products PLF002']);
  });

  it('shows an unreadable order\'s payload as text with the order id for support, copies it, and offers only "Gearchiveerd"', async () => {
    const { screen, actions, rows } = await screenWith([unreadable]);
    rows()[0]!.click();
    await screen.updateComplete;
    const detail = await findByShadowRole(screen, 'region', { name: 'Details van bestelling BAD003' });
    expect(detail.textContent).to.contain('Neem contact op met support').and.contain('BAD003');
    const payload = await findByShadowRole(screen, 'region', { name: 'Ontvangen gegevens' });
    expect(payload.textContent).to.contain('"customer": "<b>kapot</b>"');
    expect(detail.querySelector('b'), 'provider text is never HTML').to.equal(null);

    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (text: string) => Promise.resolve(void copied.push(text)) } });
    try {
      (await findByShadowRole(screen, 'button', { name: 'Kopiëren' })).click();
      await waitUntil(() => detail.textContent.includes('Gekopieerd.'));
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    expect(copied[0]).to.contain('BAD003').and.contain('<b>kapot</b>');

    const buttons = [...detail.querySelectorAll('button')].map((button) => button.textContent.trim());
    expect(buttons).to.deep.equal(['Kopiëren', 'Gearchiveerd']);
    (await findByShadowRole(screen, 'button', { name: 'Gearchiveerd' })).click();
    expect(actions).to.deep.equal(['archive BAD003']);
    await expect(screen).to.be.accessible();
  });
});

describe('the eCommerce payment dialog', () => {
  it('has named fields and buttons and passes the accessibility check', async () => {
    const dialog = await fixture<EcommercePaymentDialog>(html`<locally-ecommerce-payment-dialog .amountDueCents=${9000} .order=${storedOrder()}></ecommerce-payment-dialog>`);
    for (const [role, name] of [
      ['combobox', 'Kaarttype'],
      ['textbox', 'Bedrag'],
      ['textbox', 'Opmerkingen'],
      ['button', 'Opslaan'],
      ['button', 'Sluiten'],
    ] as const) {
      expect(await findByShadowRole(dialog, role, { name }), name).to.exist;
    }
    await expect(dialog).to.be.accessible();
  });

  it('refuses an amount above what is due, and asks the shell to close on "Sluiten"', async () => {
    let recorded = false;
    const dialog = await fixture<EcommercePaymentDialog>(
      html`<locally-ecommerce-payment-dialog .amountDueCents=${5000} .order=${storedOrder()} .record=${() => Promise.resolve((recorded = true))}></ecommerce-payment-dialog>`,
    );
    const amount = await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'Bedrag' });
    expect(amount.value).to.equal('50,00');
    amount.value = '50,01';
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    const alert = await findByShadowRole(dialog, 'alert');
    await dialog.updateComplete;
    expect(alert.textContent).to.contain('hoger dan wat nog te betalen is');
    expect(recorded).to.equal(false);

    let closeRequested = false;
    dialog.addEventListener('close-dialog', () => (closeRequested = true));
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    expect(closeRequested).to.equal(true);
  });
});

describe('the Locally receipt', () => {
  it('shows lines, VAT per rate and the payment, with provider text as text', async () => {
    const order = storedOrder().order!;
    const receipt = renderLocallyReceipt({
      ...order,
      customer: { ...order.customer, firstName: '<img src=x onerror=alert(1)>' },
      lines: [...order.lines, { lineId: '2', description: 'Fietskaart Utrecht', quantity: 1, unitPriceCents: 1090, vatRate: 9 }],
    });
    document.body.append(receipt);
    try {
      expect(receipt.querySelector('img')).to.equal(null);
      expect(receipt.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(receipt.textContent).to.contain('21%').and.contain('9%').and.contain('4242').and.contain('pi_3Nf1');
      await expect(receipt).to.be.accessible();
    } finally {
      receipt.remove();
    }
  });
});
