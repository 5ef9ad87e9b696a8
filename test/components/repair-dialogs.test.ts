import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findAllByShadowRole, findByShadowRole, queryAllByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import '../../src/components/customer-identify-dialog.js';
import '../../src/components/product-link-dialog.js';
import type { CustomerIdentifyDialog } from '../../src/components/customer-identify-dialog.js';
import type { HandleSaleResult, ProductLinkDialog } from '../../src/components/product-link-dialog.js';
import type { Customer, CustomerQuery, Product } from '../../src/host/index.js';
import type { CloseMatch } from '../../src/services/import/close-matches.js';
import type { LineMatchState } from '../../src/services/import/line-match-state.js';
import { formatEuro } from '../../src/services/money.js';
import type { ProviderOrderLine, StoredOrder } from '../../src/services/store/order-model.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

/** Counts the dialog's requests to close. */
function closeRequests(element: HTMLElement): { count: number } {
  const seen = { count: 0 };
  element.addEventListener('close-dialog', () => seen.count++);
  return seen;
}

/** A promise with its resolve and reject at hand, to hold an action "busy". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const text = (element: Element | ShadowRoot) => (element.textContent ?? '').replace(/\s+/g, ' ');
/** An amount as `text` shows it. */
const euro = (cents: number) => formatEuro(cents).replace(/\s+/g, ' ');

describe('the "Klant identificeren" dialog', () => {
  const sanne: Customer = {
    id: 'C-17',
    firstName: 'Sanne',
    lastName: 'de Vries',
    email: 'sanne@oud-adres.nl',
    address: { street: 'Biltstraat 3', postcode: '3572 AA', city: 'Utrecht', country: 'NL' },
    includeInCommunication: false,
  };
  const sanneJansen: Customer = {
    id: 'C-42',
    firstName: 'Sanne',
    lastName: 'de Vries-Jansen',
    email: 'sanne.devries@example.nl',
    shippingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
    includeInCommunication: true,
  };
  const sanneName = 'Sanne de Vries, sanne@oud-adres.nl, 3572 AA, klantnummer C-17';
  const sanneJansenName = 'Sanne de Vries-Jansen, sanne.devries@example.nl, 3511 AB, klantnummer C-42';

  function order(): StoredOrder {
    const base = storedOrder({ status: 'customer-id-required' });
    return { ...base, order: { ...base.order!, customer: { ...base.order!.customer, phone: '06-12345678' } } };
  }

  interface Fakes {
    search?: (query: CustomerQuery) => Promise<readonly Customer[]>;
    closeMatches?: () => Promise<readonly CloseMatch[]>;
    choose?: (customer: Customer) => Promise<unknown>;
    createCustomer?: () => Promise<unknown>;
    order?: StoredOrder;
  }

  async function render(fakes: Fakes = {}) {
    const calls = { queries: [] as CustomerQuery[], chosen: [] as Customer[], created: 0, closeMatches: 0 };
    const search = fakes.search ?? (() => Promise.resolve([sanne, sanneJansen]));
    const dialog = await fixture<CustomerIdentifyDialog>(html`<locally-customer-identify-dialog
      .order=${fakes.order ?? order()}
      .search=${(query: CustomerQuery) => {
        calls.queries.push(query);
        return search(query);
      }}
      .closeMatches=${() => {
        calls.closeMatches++;
        return (fakes.closeMatches ?? (() => Promise.resolve([])))();
      }}
      .choose=${(customer: Customer) => {
        calls.chosen.push(customer);
        return (fakes.choose ?? (() => Promise.resolve()))(customer);
      }}
      .createCustomer=${() => {
        calls.created++;
        return (fakes.createCustomer ?? (() => Promise.resolve()))();
      }}
    ></customer-identify-dialog>`);
    return { dialog, calls, closes: closeRequests(dialog) };
  }

  it("shows the order's customer, searches the pre-filled name at once, starts in the name field and is accessible", async () => {
    const { dialog, calls } = await render();
    const found = await findByShadowRole(dialog, 'radiogroup', { name: 'Gevonden klanten' });
    const options = await findAllByShadowRole(found, 'radio');
    expect(options.map((option) => option.getAttribute('value'))).to.deep.equal(['C-17', 'C-42']);
    expect(await findByShadowRole(found, 'radio', { name: sanneName })).to.exist;
    expect(await findByShadowRole(found, 'radio', { name: sanneJansenName })).to.exist;
    expect(calls.queries).to.deep.equal([{ name: 'Sanne de Vries' }]);

    const shown = text(dialog.shadowRoot!);
    expect(shown).to.contain('sanne.devries@example.nl').and.contain('06-12345678');
    expect(shown).to.contain('Oudegracht 12, 3511 AB Utrecht, NL').and.contain('wil e-mail ontvangen');

    expect(await findByShadowRole(dialog, 'search')).to.exist;
    const name = await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'Naam' });
    expect(name.value).to.equal('Sanne de Vries');
    for (const field of ['E-mail', 'Telefoon', 'Postcode']) {
      expect((await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: field })).value, field).to.equal('');
    }
    expect(dialog.shadowRoot!.activeElement).to.equal(name);
    expect(await findByShadowRole(dialog, 'button', { name: 'Zoeken' })).to.exist;
    expect(await findByShadowRole(dialog, 'button', { name: 'Nieuwe klant aanmaken' })).to.exist;
    expect(await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).to.exist;
    const choose = await findByShadowRole(dialog, 'button', { name: 'Kies klant' });
    expect(choose.getAttribute('aria-disabled')).to.equal('true');
    await expect(dialog).to.be.accessible();
  });

  it('"Kies klant" links the chosen customer once, even when pressed twice, and then closes', async () => {
    const pending = deferred<unknown>();
    const { dialog, calls, closes } = await render({ choose: () => pending.promise });
    const choose = await findByShadowRole(dialog, 'button', { name: 'Kies klant' });
    choose.click();
    await dialog.updateComplete;
    expect(calls.chosen).to.have.length(0);
    expect(queryAllByShadowRole(dialog, 'alert').map(text).join(' ')).to.contain('Kies eerst een klant');

    (await findByShadowRole(dialog, 'radio', { name: sanneJansenName })).click();
    await dialog.updateComplete;
    expect(choose.getAttribute('aria-disabled')).to.equal('false');
    choose.click();
    await dialog.updateComplete;
    expect(choose.getAttribute('aria-disabled')).to.equal('true');
    choose.click();
    expect(calls.chosen).to.deep.equal([sanneJansen]);
    expect(closes.count).to.equal(0);

    pending.resolve(undefined);
    await waitUntil(() => closes.count === 1, 'the dialog asks to close');
    expect(calls.chosen).to.have.length(1);
  });

  it('Enter in a search field searches with the filled-in fields, and says when nothing was found', async () => {
    const { dialog, calls } = await render({ search: (query) => Promise.resolve(query.email ? [] : [sanne]) });
    await findByShadowRole(dialog, 'radio', { name: sanneName });
    const name = await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'Naam' });
    name.value = '';
    (await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'E-mail' })).focus();
    await sendKeys({ type: 'Nobody@Example.nl' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => text(dialog.shadowRoot!).includes('Geen klanten gevonden.'), 'the empty result is shown');
    expect(calls.queries.at(-1)).to.deep.equal({ email: 'Nobody@Example.nl' });
    expect(queryByShadowRole(dialog, 'radiogroup')).to.equal(null);
    expect(queryAllByShadowRole(dialog, 'radio')).to.have.length(0);
    await expect(dialog).to.be.accessible();
  });

  it('shows why "Kies klant" failed and stays open', async () => {
    const { dialog, closes } = await render({ choose: () => Promise.reject(new Error('Klant C-17 is <b>geblokkeerd</b>')) });
    (await findByShadowRole(dialog, 'radio', { name: sanneName })).click();
    (await findByShadowRole(dialog, 'button', { name: 'Kies klant' })).click();
    await waitUntil(
      () => queryAllByShadowRole(dialog, 'alert').some((alert) => text(alert).includes('Klant C-17 is <b>geblokkeerd</b>')),
      'the reason is shown as an alert',
    );
    expect(dialog.shadowRoot!.querySelector('b')).to.equal(null);
    expect(closes.count).to.equal(0);
    await expect(dialog).to.be.accessible();
  });

  it('"Nieuwe klant aanmaken" first offers customers that look alike, and "Kies klant" can take one', async () => {
    const match: CloseMatch = { customer: sanneJansen, score: 0.92, reasons: ['email', 'name'] };
    const { dialog, calls, closes } = await render({ search: () => Promise.resolve([]), closeMatches: () => Promise.resolve([match]) });
    await waitUntil(() => text(dialog.shadowRoot!).includes('Geen klanten gevonden.'), 'the first search finished');
    (await findByShadowRole(dialog, 'button', { name: 'Nieuwe klant aanmaken' })).click();

    const alike = await findByShadowRole(dialog, 'radiogroup', { name: 'Lijkende klanten' });
    expect(text(dialog.shadowRoot!)).to.contain('Deze klanten lijken op de klant van de bestelling. Kies er een, of maak toch een nieuwe klant aan.');
    const option = await findByShadowRole(alike, 'radio', { name: `${sanneJansenName} (zelfde e-mailadres, lijkende naam)` });
    expect(calls.closeMatches).to.equal(1);
    expect(calls.created).to.equal(0);
    expect(queryByShadowRole(dialog, 'button', { name: 'Nieuwe klant aanmaken' })).to.equal(null);
    expect(await findByShadowRole(dialog, 'button', { name: 'Toch nieuwe klant aanmaken' })).to.exist;
    await expect(dialog).to.be.accessible();

    option.click();
    (await findByShadowRole(dialog, 'button', { name: 'Kies klant' })).click();
    await waitUntil(() => closes.count === 1, 'the dialog asks to close');
    expect(calls.chosen).to.deep.equal([sanneJansen]);
    expect(calls.created).to.equal(0);
  });

  it('"Toch nieuwe klant aanmaken" creates the customer; without look-alikes "Nieuwe klant aanmaken" creates at once', async () => {
    const match: CloseMatch = { customer: sanne, score: 0.6, reasons: ['phone', 'postcode'] };
    const first = await render({ closeMatches: () => Promise.resolve([match]) });
    (await findByShadowRole(first.dialog, 'button', { name: 'Nieuwe klant aanmaken' })).click();
    expect(await findByShadowRole(first.dialog, 'radio', { name: `${sanneName} (zelfde telefoonnummer, zelfde postcode)` })).to.exist;
    expect(first.calls.created).to.equal(0);
    (await findByShadowRole(first.dialog, 'button', { name: 'Toch nieuwe klant aanmaken' })).click();
    await waitUntil(() => first.closes.count === 1, 'the dialog asks to close');
    expect(first.calls.created).to.equal(1);
    expect(first.calls.chosen).to.have.length(0);

    const second = await render({ closeMatches: () => Promise.resolve([]) });
    (await findByShadowRole(second.dialog, 'button', { name: 'Nieuwe klant aanmaken' })).click();
    await waitUntil(() => second.closes.count === 1, 'the dialog asks to close');
    expect(second.calls.closeMatches).to.equal(1);
    expect(second.calls.created).to.equal(1);
  });

  it('shows why creating the customer failed and stays open', async () => {
    const { dialog, closes } = await render({ createCustomer: () => Promise.reject(new Error('E-mailadres ontbreekt')) });
    (await findByShadowRole(dialog, 'button', { name: 'Nieuwe klant aanmaken' })).click();
    await waitUntil(() => queryAllByShadowRole(dialog, 'alert').some((alert) => text(alert).includes('E-mailadres ontbreekt')), 'the reason');
    expect(closes.count).to.equal(0);
  });

  it('renders provider and host text as text, and "Sluiten" closes without change', async () => {
    const base = order();
    const tricky: StoredOrder = { ...base, order: { ...base.order!, customer: { ...base.order!.customer, firstName: '<b>Sanne</b>' } } };
    const hostile: Customer = { ...sanne, lastName: '<img src=x onerror=alert(1)>' };
    const { dialog, calls, closes } = await render({ order: tricky, search: () => Promise.resolve([hostile]) });
    await findAllByShadowRole(dialog, 'radio');
    expect(dialog.shadowRoot!.querySelector('b, img')).to.equal(null);
    expect(text(dialog.shadowRoot!)).to.contain('<b>Sanne</b> de Vries').and.contain('<img src=x onerror=alert(1)>');
    expect((await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'Naam' })).value).to.equal('<b>Sanne</b> de Vries');
    expect(calls.queries).to.deep.equal([{ name: '<b>Sanne</b> de Vries' }]);

    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    expect(closes.count).to.equal(1);
    expect(calls.chosen).to.have.length(0);
    expect(calls.created).to.equal(0);
    expect(calls.closeMatches).to.equal(0);
  });
});

describe('the "Product koppelen" dialog', () => {
  const tyre: Product = { id: 'P-1', description: 'Schwalbe Marathon Plus', ean: '4026495366892', priceCents: 4500, vatRate: 21, stock: 4 };
  const bell: Product = { id: 'P-30', description: 'Fietsbel chroom', ean: '8712345678906', priceCents: 1295, vatRate: 21, stock: 2 };
  const otherBell: Product = { id: 'P-31', description: 'Fietsbel zwart', ean: '5012345678900', priceCents: 995, vatRate: 21, stock: 7 };
  const lightA: Product = { id: 'P-20', description: 'Achterlicht LED', vendorPartNumber: 'LK-200', priceCents: 1999, vatRate: 21, stock: 1 };
  const lightB: Product = { id: 'P-21', description: 'Achterlicht LED (oud)', vendorPartNumber: 'LK-200', priceCents: 1799, vatRate: 21, stock: 0 };
  const created: Product = { id: 'P-40', description: 'Achterlicht', vendorPartNumber: 'LK-200', priceCents: 2495, vatRate: 21, stock: 0 };

  const lines: ProviderOrderLine[] = [
    { lineId: '1', gtin: '4026495366892', description: 'Schwalbe Marathon Plus 28 x 1.75', quantity: 2, unitPriceCents: 4500, vatRate: 21 },
    { lineId: '2', gtin: '8712345678906', vendorPartNumber: 'VPN-77', description: 'Fietsbel <b>chroom</b>', quantity: 1, unitPriceCents: 1295, vatRate: 21 },
    { lineId: '3', vendorPartNumber: 'LK-200', mpn: 'AL-9', description: 'Achterlicht', quantity: 3, unitPriceCents: 2495, vatRate: 21 },
  ];

  function order(): StoredOrder {
    const base = storedOrder({ status: 'product-link-failed' });
    return { ...base, order: { ...base.order!, lines } };
  }

  interface Fakes {
    search?: (text: string) => Promise<readonly Product[]>;
    link?: (lineIndex: number, product: Product) => Promise<unknown>;
    createProduct?: (lineIndex: number) => Promise<Product>;
    handleSale?: () => Promise<HandleSaleResult>;
    archive?: () => Promise<unknown>;
  }

  /** The dialog over fakes that behave like the plugin: a link or a new product makes the line match. */
  async function render(fakes: Fakes = {}) {
    const linked = new Map<number, Product>([[0, tyre]]);
    const calls = { lineStates: 0, searches: [] as string[], links: [] as [number, Product][], creates: [] as number[], sales: 0, archives: 0 };
    const lineStates = (): Promise<LineMatchState[]> => {
      calls.lineStates++;
      return Promise.resolve(
        lines.map((line, index): LineMatchState => {
          const product = linked.get(index);
          if (product) return { index, line, kind: 'matched', product, by: index === 0 ? 'EAN' : 'link' };
          return index === 2 ? { index, line, kind: 'ambiguous', candidates: [lightA, lightB], by: 'VPN' } : { index, line, kind: 'not-found' };
        }),
      );
    };
    const dialog = await fixture<ProductLinkDialog>(html`<locally-product-link-dialog
      .order=${order()}
      .lineStates=${lineStates}
      .search=${(query: string) => {
        calls.searches.push(query);
        return (fakes.search ?? (() => Promise.resolve([bell, otherBell])))(query);
      }}
      .link=${async (index: number, product: Product) => {
        calls.links.push([index, product]);
        await (fakes.link ?? (() => Promise.resolve()))(index, product);
        linked.set(index, product);
      }}
      .createProduct=${async (index: number) => {
        calls.creates.push(index);
        const product = await (fakes.createProduct ?? (() => Promise.resolve(created)))(index);
        linked.set(index, product);
        return product;
      }}
      .handleSale=${() => {
        calls.sales++;
        return (fakes.handleSale ?? (() => Promise.resolve({ status: 'new' as const, problems: [] })))();
      }}
      .archive=${() => {
        calls.archives++;
        return (fakes.archive ?? (() => Promise.resolve()))();
      }}
    ></product-link-dialog>`);
    await findAllByShadowRole(dialog, 'group');
    return { dialog, calls, closes: closeRequests(dialog) };
  }

  const line2 = 'Regel 2: Fietsbel <b>chroom</b>';
  const line3 = 'Regel 3: Achterlicht';

  it('lists matched lines compactly and each failing line in its own named group, starting in its search field', async () => {
    const { dialog, calls } = await render();
    const shown = text(dialog.shadowRoot!);
    expect(shown).to.contain('Regel 1: Schwalbe Marathon Plus 28 x 1.75 → Schwalbe Marathon Plus (P-1)');
    expect(queryByShadowRole(dialog, 'group', { name: /^Regel 1/ })).to.equal(null);

    const second = await findByShadowRole(dialog, 'group', { name: line2 });
    expect(text(second)).to.contain('8712345678906').and.contain('VPN-77').and.contain(euro(1295)).and.contain('Geen product gevonden');
    const secondSearch = await findByShadowRole<HTMLInputElement>(second, 'searchbox', { name: 'Product zoeken' });
    expect(secondSearch.value).to.equal('8712345678906');

    const third = await findByShadowRole(dialog, 'group', { name: line3 });
    expect(text(third)).to.contain('LK-200').and.contain('AL-9').and.contain(euro(2495)).and.contain('Meerdere producten gevonden');
    const candidates = await findByShadowRole(third, 'radiogroup', { name: 'Kandidaten' });
    expect((await findAllByShadowRole(candidates, 'radio')).map((radio) => radio.getAttribute('value'))).to.deep.equal(['P-20', 'P-21']);
    expect(await findByShadowRole(third, 'radio', { name: 'Achterlicht LED, VPN LK-200, artikel P-20' })).to.exist;
    expect((await findByShadowRole<HTMLInputElement>(third, 'searchbox', { name: 'Product zoeken' })).value).to.equal('LK-200');
    for (const group of [second, third]) {
      for (const name of ['Zoeken', 'Koppelen', 'Nieuw product toevoegen']) expect(await findByShadowRole(group, 'button', { name }), name).to.exist;
      expect((await findByShadowRole(group, 'button', { name: 'Koppelen' })).getAttribute('aria-disabled')).to.equal('true');
    }
    for (const name of ['Verkoop afhandelen', 'Gearchiveerd', 'Sluiten']) expect(await findByShadowRole(dialog, 'button', { name }), name).to.exist;

    expect(dialog.shadowRoot!.querySelector('b')).to.equal(null);
    expect(dialog.shadowRoot!.activeElement).to.equal(secondSearch);
    expect(calls.lineStates).to.equal(1);
    expect(calls.searches).to.have.length(0);
    await expect(dialog).to.be.accessible();
  });

  it('Enter in "Product zoeken" searches; "Koppelen" links the chosen product and the lines are asked again', async () => {
    const { dialog, calls } = await render({ search: (query) => Promise.resolve(query === 'fietsbel' ? [bell] : []) });
    const second = await findByShadowRole(dialog, 'group', { name: line2 });
    const search = await findByShadowRole<HTMLInputElement>(second, 'searchbox', { name: 'Product zoeken' });
    search.value = '';
    search.focus();
    await sendKeys({ type: 'fietsbel' });
    await sendKeys({ press: 'Enter' });

    const results = await findByShadowRole(second, 'radiogroup', { name: 'Zoekresultaten' });
    expect(calls.searches).to.deep.equal(['fietsbel']);
    (await findByShadowRole(results, 'radio', { name: 'Fietsbel chroom, EAN 8712345678906, artikel P-30' })).click();
    await dialog.updateComplete;
    await expect(dialog).to.be.accessible();
    (await findByShadowRole(second, 'button', { name: 'Koppelen' })).click();

    await waitUntil(() => !queryByShadowRole(dialog, 'group', { name: line2 }), 'the linked line leaves the failing lines');
    expect(calls.links).to.deep.equal([[1, bell]]);
    expect(calls.lineStates).to.equal(2);
    expect(text(dialog.shadowRoot!)).to.contain('Regel 2: Fietsbel <b>chroom</b> → Fietsbel chroom (P-30)');
    expect(text(await findByShadowRole(dialog, 'status'))).to.contain('Regel 2 is gekoppeld aan Fietsbel chroom (P-30).');
    const third = await findByShadowRole(dialog, 'group', { name: line3 });
    await waitUntil(() => dialog.shadowRoot!.activeElement === third.querySelector('input[type="search"]'), 'focus moves on to the next failing line');
  });

  it('warns when the product carries a different EAN, and links only after "Toch koppelen"', async () => {
    const { dialog, calls } = await render();
    const second = await findByShadowRole(dialog, 'group', { name: line2 });
    (await findByShadowRole(second, 'button', { name: 'Zoeken' })).click();
    expect(calls.searches).to.deep.equal(['8712345678906']);
    (await findByShadowRole(second, 'radio', { name: 'Fietsbel zwart, EAN 5012345678900, artikel P-31' })).click();
    (await findByShadowRole(second, 'button', { name: 'Koppelen' })).click();

    const confirm = await findByShadowRole(second, 'button', { name: 'Toch koppelen' });
    const warning = queryAllByShadowRole(second, 'alert').map(text).join(' ');
    expect(warning).to.contain('Let op: de EAN van de regel (8712345678906) verschilt van die van het product (5012345678900).');
    expect(calls.links).to.have.length(0);
    await expect(dialog).to.be.accessible();

    confirm.click();
    await waitUntil(() => calls.links.length === 1, 'the link is made');
    expect(calls.links[0]).to.deep.equal([1, otherBell]);
    await waitUntil(() => !queryByShadowRole(dialog, 'group', { name: line2 }), 'the linked line leaves the failing lines');
  });

  it('links a matching product at once, and choosing another product withdraws the warning', async () => {
    const { dialog, calls } = await render();
    const second = await findByShadowRole(dialog, 'group', { name: line2 });
    (await findByShadowRole(second, 'button', { name: 'Zoeken' })).click();
    (await findByShadowRole(second, 'radio', { name: 'Fietsbel zwart, EAN 5012345678900, artikel P-31' })).click();
    (await findByShadowRole(second, 'button', { name: 'Koppelen' })).click();
    await findByShadowRole(second, 'button', { name: 'Toch koppelen' });

    (await findByShadowRole(second, 'radio', { name: 'Fietsbel chroom, EAN 8712345678906, artikel P-30' })).click();
    await dialog.updateComplete;
    expect(queryByShadowRole(second, 'button', { name: 'Toch koppelen' })).to.equal(null);
    expect(queryAllByShadowRole(second, 'alert').map(text).join('')).not.to.contain('Let op');
    (await findByShadowRole(second, 'button', { name: 'Koppelen' })).click();
    await waitUntil(() => calls.links.length === 1, 'the link is made');
    expect(calls.links[0]).to.deep.equal([1, bell]);
  });

  it('shows why a link failed inside the line, and keeps the line', async () => {
    const { dialog } = await render({ link: () => Promise.reject(new Error('Artikel P-21 is <b>vervallen</b>')) });
    const third = await findByShadowRole(dialog, 'group', { name: line3 });
    (await findByShadowRole(third, 'radio', { name: 'Achterlicht LED (oud), VPN LK-200, artikel P-21' })).click();
    (await findByShadowRole(third, 'button', { name: 'Koppelen' })).click();
    await waitUntil(() => queryAllByShadowRole(third, 'alert').some((alert) => text(alert).includes('Artikel P-21 is <b>vervallen</b>')), 'the reason');
    expect(dialog.shadowRoot!.querySelector('b')).to.equal(null);
    expect(queryByShadowRole(dialog, 'group', { name: line3 })).to.equal(third);
  });

  it('"Nieuw product toevoegen" adds the product once, says which, and asks the lines again', async () => {
    const pending = deferred<Product>();
    const { dialog, calls } = await render({ createProduct: () => pending.promise });
    const third = await findByShadowRole(dialog, 'group', { name: line3 });
    const add = await findByShadowRole(third, 'button', { name: 'Nieuw product toevoegen' });
    add.click();
    await dialog.updateComplete;
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    add.click();
    expect(calls.creates).to.deep.equal([2]);

    pending.resolve(created);
    await waitUntil(() => !queryByShadowRole(dialog, 'group', { name: line3 }), 'the new product matches the line');
    expect(calls.creates).to.deep.equal([2]);
    expect(calls.lineStates).to.equal(2);
    expect(text(await findByShadowRole(dialog, 'status'))).to.contain('Nieuw product toegevoegd en gekoppeld aan regel 3: Achterlicht (P-40).');
    expect(text(dialog.shadowRoot!)).to.contain('Regel 3: Achterlicht → Achterlicht (P-40)');
    expect(await findByShadowRole(dialog, 'group', { name: line2 })).to.exist;
  });

  it('"Verkoop afhandelen" shows the remaining problems and stays; on "new" it closes', async () => {
    let answer: HandleSaleResult = { status: 'product-link-failed', problems: ['Regel 3: meerdere producten met <b>LK-200</b>'] };
    const { dialog, calls, closes } = await render({ handleSale: () => Promise.resolve(answer) });
    const handle = await findByShadowRole(dialog, 'button', { name: 'Verkoop afhandelen' });
    handle.click();
    handle.click();
    await waitUntil(
      () => queryAllByShadowRole(dialog, 'alert').some((alert) => text(alert).includes('Regel 3: meerdere producten met <b>LK-200</b>')),
      'the problems are shown',
    );
    expect(calls.sales).to.equal(1);
    expect(closes.count).to.equal(0);
    expect(dialog.shadowRoot!.querySelector('b')).to.equal(null);
    await expect(dialog).to.be.accessible();

    answer = { status: 'new', problems: [] };
    handle.click();
    await waitUntil(() => closes.count === 1, 'the dialog asks to close');
    expect(calls.sales).to.equal(2);
  });

  it('"Gearchiveerd" asks for confirmation before archiving, then closes', async () => {
    const { dialog, calls, closes } = await render();
    const archive = await findByShadowRole(dialog, 'button', { name: 'Gearchiveerd' });
    archive.click();
    expect(await findByShadowRole(dialog, 'button', { name: 'Archiveren bevestigen' })).to.exist;
    expect(text(dialog.shadowRoot!)).to.contain('De bestelling wordt niet geïmporteerd; handel haar zelf af in de kassa.');
    expect(calls.archives).to.equal(0);
    expect(archive.getAttribute('aria-expanded')).to.equal('true');
    await expect(dialog).to.be.accessible();

    (await findByShadowRole(dialog, 'button', { name: 'Niet archiveren' })).click();
    await dialog.updateComplete;
    expect(queryByShadowRole(dialog, 'button', { name: 'Archiveren bevestigen' })).to.equal(null);
    expect(calls.archives).to.equal(0);

    archive.click();
    (await findByShadowRole(dialog, 'button', { name: 'Archiveren bevestigen' })).click();
    await waitUntil(() => closes.count === 1, 'the dialog asks to close');
    expect(calls.archives).to.equal(1);
  });

  it('"Sluiten" closes without change', async () => {
    const { dialog, calls, closes } = await render();
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    expect(closes.count).to.equal(1);
    expect(calls).to.deep.include({ links: [], creates: [], sales: 0, archives: 0 });
  });
});
