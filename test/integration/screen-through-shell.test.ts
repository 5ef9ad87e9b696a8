import { expect, waitUntil } from '@open-wc/testing';
import { findAllByShadowRole, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { LocallyOrder } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { screenDriver, type ScreenDriver } from '../helpers/screen-driver.js';
import { startShellUi, type ShellUiFixture } from '../helpers/shell-ui-fixture.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';

// The screen issue's "done when", as a person does it in the shell: every change through the status
// column and "Opslaan", checked afterwards at the Locally simulator. Found by role and name only.
describe('handling orders in eCommerce-verkopen, as staff do', function () {
  this.timeout(90_000);
  const kit = new SimulatorKit('screen-through-shell');
  let fixtureUi: ShellUiFixture;
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let ui: PosShell;
  let screen: HTMLElement;
  let statusOf: ScreenDriver['statusOf'];
  let stageAndSave: ScreenDriver['stageAndSave'];
  let atLocally: ScreenDriver['atLocally'];

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    fixtureUi = await startShellUi(kit, 'screen-through-shell');
    ({ shell, simulator, ui, screen } = fixtureUi);
    ({ statusOf, stageAndSave, atLocally } = screenDriver(screen, simulator));
  });

  afterEach(() => fixtureUi.dispose());

  async function placeAndShow(type: 'buy' | 'reserve'): Promise<LocallyOrder> {
    const placed = await simulator.placeOrder(type, { kind: 'match' });
    (await findByShadowRole(screen, 'button', { name: 'Nu controleren' })).click();
    await statusOf(placed.id, 'Nieuw');
    return placed;
  }

  it('accepts a paid order, marks it ready for pickup, and Locally hears of each; the deadline counts down until it is accepted', async () => {
    const placed = await placeAndShow('buy');
    const row = (await findAllByShadowRole(screen, 'row')).find((r) => r.textContent.includes(placed.id))!;
    expect(row.textContent).to.match(/nog 4 u/);

    await stageAndSave(placed.id, 'Nieuw', 'In behandeling');
    await statusOf(placed.id, 'In behandeling');
    await atLocally(placed.id, 'accepted');
    await waitUntil(async () => !(await findAllByShadowRole(screen, 'row')).find((r) => r.textContent.includes(placed.id))!.textContent.includes('nog '), 'no deadline once accepted');

    await stageAndSave(placed.id, 'In behandeling', 'Gereed voor afhalen');
    await statusOf(placed.id, 'Gereed voor afhalen');
    await atLocally(placed.id, 'ready-for-pickup');
  });

  it('"E-mail" shows the message with the order\'s details and sends it to the customer through the shell\'s mail', async () => {
    const placed = await placeAndShow('buy');
    (await findAllByShadowRole(screen, 'row')).find((r) => r.textContent.includes(placed.id))!.click();
    (await findByShadowRole(screen, 'button', { name: 'E-mail' })).click();
    const dialog = await findByShadowRole(ui, 'dialog', { name: 'E-mail' }, { timeout: 5_000 });
    expect(dialog.textContent).to.contain(placed.id).and.contain(placed.customer.email).and.contain('Fietsenwinkel De Ketting');
    (await findByShadowRole(dialog, 'button', { name: 'Versturen' })).click();
    await waitUntil(() => shell.mail.sent.length === 1, 'the mail sent');
    expect(shell.mail.sent[0]).to.include({ to: placed.customer.email });
    expect(shell.mail.sent[0]!.body).to.contain(placed.lines[0]!.description);
  });

  it('declines a new order with "Annuleren", and refuses "Afgehandeld" while the transaction is still open, saying why', async () => {
    const declined = await placeAndShow('buy');
    await stageAndSave(declined.id, 'Nieuw', 'Annuleren');
    await statusOf(declined.id, 'Geannuleerd');
    await atLocally(declined.id, 'declined');

    const reservation = await placeAndShow('reserve');
    await stageAndSave(reservation.id, 'Nieuw', 'In behandeling');
    await statusOf(reservation.id, 'In behandeling');
    await stageAndSave(reservation.id, 'In behandeling', 'Gereed voor afhalen');
    await statusOf(reservation.id, 'Gereed voor afhalen');
    await stageAndSave(reservation.id, 'Gereed voor afhalen', 'Afgehandeld');
    const dialog = await findByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }, { timeout: 5_000 });
    (await findByShadowRole(dialog, 'radio', { name: 'Opgehaald en betaald in de winkel' })).click();
    (await findByShadowRole(dialog, 'button', { name: 'OK' })).click();
    const select = await findByShadowRole(screen, 'combobox', { name: `Status ${reservation.id}`, description: /Rond eerst de transactie af/ }, { timeout: 10_000 });
    expect((select as HTMLSelectElement).selectedOptions[0]!.text, 'the refused change stays staged').to.equal('Afgehandeld');
  });

  it('completes a reservation through the ROPIS dialog once its transaction is finalized; "Sluiten" leaves the change staged', async () => {
    const reservation = await placeAndShow('reserve');
    await stageAndSave(reservation.id, 'Nieuw', 'In behandeling');
    await stageAndSave(reservation.id, 'In behandeling', 'Gereed voor afhalen');
    await atLocally(reservation.id, 'ready-for-pickup');
    const transaction = (await shell.data.transactions.getByExternalRef(`locally:${reservation.id}`))!;
    // A reservation is paid at the counter, then the sale is finalized ("Afronden als een verkoop").
    await shell.data.payments.record(transaction.id, { method: 'card', label: 'Pin', amountCents: await shell.data.payments.getAmountDue(transaction.id) });
    await shell.data.transactions.finalize(transaction.id);

    await stageAndSave(reservation.id, 'Gereed voor afhalen', 'Afgehandeld');
    let dialog = await findByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }, { timeout: 5_000 });
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !queryByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }), 'closed');
    expect((await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: `Status ${reservation.id}` })).selectedOptions[0]!.text).to.equal('Afgehandeld');
    expect((await simulator.getOrder(reservation.id))!.status).to.equal('ready-for-pickup');

    (await findByShadowRole(screen, 'button', { name: 'Opslaan' })).click();
    dialog = await findByShadowRole(ui, 'dialog', { name: 'ROPIS bestelwijze' }, { timeout: 5_000 });
    (await findByShadowRole(dialog, 'radio', { name: 'Niet opgehaald' })).click();
    (await findByShadowRole(dialog, 'button', { name: 'OK' })).click();
    await atLocally(reservation.id, 'picked-up');
    const store = new OrderStore({ dbName: `${shell.dbName}:${fixtureUi.plugin.manifest.id}:orders` });
    try {
      expect((await store.getOrder('locally', reservation.id))!.ropisMethod).to.equal('not-picked-up');
    } finally {
      store.dispose();
    }
    // Completed orders leave the open list; the status filter shows them again.
    await waitUntil(async () => !(await findAllByShadowRole(screen, 'row')).some((row) => row.textContent.includes(reservation.id)), 'gone from the open list');
    const filter = await findByShadowRole<HTMLSelectElement>(screen, 'combobox', { name: 'Filter op status' });
    filter.value = 'completed';
    filter.dispatchEvent(new Event('change'));
    await statusOf(reservation.id, 'Afgehandeld');
    await expect(screen).to.be.accessible();
  });
});
