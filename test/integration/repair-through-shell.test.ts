import { expect, waitUntil } from '@open-wc/testing';
import { findAllByShadowRole, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

// The "done when", as a person does it: orders from the simulator that the import could
// not finish are repaired in the shell through "Klant identificeren" and "Product koppelen" until
// they are "Nieuw" with a barcode. Everything is found by role and accessible name.
describe('repairing orders through the shell, as staff do', function () {
  this.timeout(90_000);
  const kit = new SimulatorKit('repair-through-shell');
  let fixtureUi: ShellUiFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let ui: PosShell;
  let screen: HTMLElement;

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'repair-through-shell');
    ({ shell, simulator, ui, screen } = fixtureUi);
  });

  afterEach(() => fixtureUi.dispose());

  /** Places an order, presses "Nu controleren" and selects the order's row once it shows `status`. */
  async function placeAndSelect(kind: 'unknown-customer' | 'unknown-product', status: string) {
    const placed = await simulator.placeOrder('buy', { kind });
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    const row = await rowOf(placed.id, status);
    row.click();
    await waitUntil(() => row.getAttribute('aria-selected') === 'true', 'row selected');
    return placed;
  }

  async function rowOf(orderId: string, status: string): Promise<HTMLElement> {
    let found: HTMLElement | undefined;
    await waitUntil(
      async () => {
        const rows = await findAllByShadowRole(screen, 'row');
        // The status is the selected option of the row's status select (the others are the changes it offers).
        found = rows.find((row) => row.textContent.includes(orderId) && row.querySelector('select')?.selectedOptions[0]?.text === status);
        return found !== undefined;
      },
      `order ${orderId} shown as ${status}`,
      { timeout: 15_000 },
    );
    return found!;
  }

  async function openDialog(button: string): Promise<HTMLElement> {
    (await findByShadowRole(screen, 'button', { name: button })).click();
    return findByShadowRole(ui, 'dialog', { name: button }, { timeout: 5_000 });
  }

  async function expectNewWithBarcode(orderId: string): Promise<void> {
    const row = await rowOf(orderId, 'Nieuw');
    const transaction = (await shell.data.transactions.getByExternalRef(`locally:${orderId}`))!;
    expect(row.textContent).to.contain(transaction.barcode);
  }

  it('"Klant identificeren": the name search is already done, "Kies klant" links the customer and the order becomes "Nieuw"', async () => {
    const placed = await simulator.placeOrder('buy', { kind: 'unknown-customer' });
    // The shop knows this person under another e-mail address.
    const known = await shell.data.customers.create({
      firstName: placed.customer.firstName,
      lastName: placed.customer.lastName,
      email: 'oud.adres@example.nl',
      includeInCommunication: false,
    });
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    (await rowOf(placed.id, 'Klant-ID vereist')).click();

    const dialog = await openDialog('Klant identificeren');
    await expect(dialog).to.be.accessible();
    const found = await findByShadowRole(dialog, 'radiogroup', { name: 'Gevonden klanten' }, { timeout: 5_000 });
    const option = await findByShadowRole(found, 'radio', { name: new RegExp(`klantnummer ${known.id}`) });
    option.click();
    (await findByShadowRole(dialog, 'button', { name: 'Kies klant' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Klant identificeren' }), 'the dialog closed', { timeout: 10_000 });

    await expectNewWithBarcode(placed.id);
    expect((await shell.data.transactions.getByExternalRef(`locally:${placed.id}`))!.customerId).to.equal(known.id);
  });

  it('"Nieuwe klant aanmaken" creates the customer from the order and imports it', async () => {
    const placed = await placeAndSelect('unknown-customer', 'Klant-ID vereist');
    const dialog = await openDialog('Klant identificeren');
    (await findByShadowRole(dialog, 'button', { name: 'Nieuwe klant aanmaken' })).click();
    // Look-alikes in the demo file may come first; creating anyway stays possible.
    await waitUntil(
      () => !queryByShadowRole(ui, 'dialog', { name: 'Klant identificeren' }) || queryByShadowRole(dialog, 'button', { name: 'Toch nieuwe klant aanmaken' }),
      'created, or look-alikes shown',
      { timeout: 10_000 },
    );
    queryByShadowRole(dialog, 'button', { name: 'Toch nieuwe klant aanmaken' })?.click();
    await expectNewWithBarcode(placed.id);
    const [created] = await shell.data.customers.findByEmail(placed.customer.email);
    expect(created).to.include({ firstName: placed.customer.firstName, lastName: placed.customer.lastName });
  });

  it('"Product koppelen": search, choose (with a warning when the codes differ), "Verkoop afhandelen" makes it "Nieuw" and takes the stock', async () => {
    const placed = await placeAndSelect('unknown-product', 'Productkoppeling mislukt');
    const [product] = await shell.data.products.search('Schwalbe', 1);
    const dialog = await openDialog('Product koppelen');
    await expect(dialog).to.be.accessible();

    for (const line of await findAllByShadowRole(dialog, 'group', { name: /^Regel \d+:/ }, { timeout: 5_000 })) {
      const search = await findByShadowRole<HTMLInputElement>(line, 'searchbox', { name: 'Product zoeken' });
      search.value = product!.description;
      (await findByShadowRole(line, 'button', { name: 'Zoeken' })).click();
      const results = await findByShadowRole(line, 'radiogroup', { name: 'Zoekresultaten' }, { timeout: 5_000 });
      (await findByShadowRole(results, 'radio', { name: new RegExp(product!.id) })).click();
      (await findByShadowRole(line, 'button', { name: 'Koppelen' })).click();
      // The unknown line carries its own EAN, so the shell's product disagrees: the dialog says so first.
      (await findByShadowRole(line, 'button', { name: 'Toch koppelen' }, { timeout: 5_000 })).click();
      await waitUntil(() => !line.isConnected, 'the line is linked', { timeout: 5_000 });
    }
    const stockBefore = (await shell.data.products.get(product!.id))!.stock;
    (await findByShadowRole(dialog, 'button', { name: 'Verkoop afhandelen' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Product koppelen' }), 'the dialog closed', { timeout: 10_000 });

    await expectNewWithBarcode(placed.id);
    expect((await shell.data.products.get(product!.id))!.stock).to.be.below(stockBefore);
  });

  it('"Gearchiveerd" in "Product koppelen" takes the order off the import, after a confirmation', async () => {
    const placed = await placeAndSelect('unknown-product', 'Productkoppeling mislukt');
    const dialog = await openDialog('Product koppelen');
    (await findByShadowRole(dialog, 'button', { name: 'Gearchiveerd' })).click();
    (await findByShadowRole(dialog, 'button', { name: 'Archiveren bevestigen' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'Product koppelen' }), 'the dialog closed', { timeout: 10_000 });
    // Archived orders leave the open list; the status filter shows them again.
    await waitUntil(async () => !(await findAllByShadowRole(screen, 'row')).some((row) => row.textContent.includes(placed.id)), 'gone from the open list', { timeout: 10_000 });
    const filter = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Filter op status' });
    filter.value = 'archived';
    filter.dispatchEvent(new Event('change'));
    await rowOf(placed.id, 'Gearchiveerd');
    expect(await shell.data.transactions.getByExternalRef(`locally:${placed.id}`)).to.equal(undefined);
  });
});
