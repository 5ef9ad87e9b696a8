import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { findByShadowRole, findByShadowText, queryByShadowRole } from 'shadow-dom-testing-library';
import type { FaultName } from '../../mocks/locally/faults.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import { createLocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import { deepActiveElement } from '../../shell/ui/host-controller.js';
import '../../shell/ui/pos-shell.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import '../../shell/ui/simulator-panel.js';
import type { SimulatorPanel } from '../../shell/ui/simulator-panel.js';
import { testHost } from '../shell/host/test-host.js';
import { FakeNow } from './simulator-test-kit.js';

const FAULT_LABELS: Record<FaultName, string> = {
  offline: 'Offline',
  'server-error': 'Serverfout (503)',
  'rate-limit': 'Te veel verzoeken (429)',
  slow: 'Traag',
  'malformed-json': 'Onleesbare JSON',
  'truncated-page': 'Afgebroken pagina',
  'duplicate-delivery': 'Dubbel geleverd',
  'wrong-types': 'Verkeerde veldtypes',
};

let count = 0;
function newSimulator(): LocallySimulator {
  const clock = new FakeNow();
  return createLocallySimulator({ dbName: `simulator-panel-test-${++count}-${crypto.randomUUID()}`, now: clock.now, seed: 3 });
}

async function mountPanel(simulator: LocallySimulator): Promise<SimulatorPanel> {
  const panel = await fixture<SimulatorPanel>(html`<simulator-panel .simulator=${simulator}></simulator-panel>`);
  await panel.refreshed();
  return panel;
}

/** Waits until the panel shows the simulator's latest state. */
async function settled(panel: SimulatorPanel, check: () => boolean | Promise<boolean>): Promise<void> {
  await waitUntil(async () => {
    await panel.refreshed();
    return check();
  }, 'the panel did not follow the simulator', { timeout: 3_000 });
}

describe('<simulator-panel>', () => {
  let simulator: LocallySimulator;
  beforeEach(() => (simulator = newSimulator()));
  afterEach(() => simulator.dispose());

  it('is a region "Locally-simulator" that places orders and reservations', async () => {
    const panel = await mountPanel(simulator);
    const region = await findByShadowRole(panel, 'region', { name: 'Locally-simulator' });
    const buy = await findByShadowRole(region, 'button', { name: 'Bestelling plaatsen (kopen)' });
    const reserve = await findByShadowRole(region, 'button', { name: 'Reservering plaatsen' });
    buy.click();
    await settled(panel, async () => (await simulator.listOrders()).length === 1 && panel.shadowRoot!.querySelectorAll('tbody tr').length === 1);
    reserve.click();
    await settled(panel, async () => (await simulator.listOrders()).length === 2 && panel.shadowRoot!.querySelectorAll('tbody tr').length === 2);
    const orders = await simulator.listOrders();
    expect(orders.map((o) => o.type)).to.deep.equal(['buy', 'reserve']);
    const table = await findByShadowRole(panel, 'table', { name: 'Bestellingen in de simulator' });
    for (const order of orders) expect(table.textContent).to.contain(order.id);
    expect(table.textContent).to.contain('Open');
    expect((await findByShadowRole(panel, 'status')).textContent).to.contain(`Reservering ${orders[1]!.id} geplaatst.`);
  });

  it('cancels a chosen open order as the customer; the button says why when there is none', async () => {
    const panel = await mountPanel(simulator);
    const cancel = await findByShadowRole(panel, 'button', { name: 'Annuleren door klant' });
    expect(cancel.getAttribute('aria-disabled')).to.equal('true');
    expect(cancel.getAttribute('aria-describedby')).to.be.a('string');
    expect(panel.shadowRoot!.getElementById(cancel.getAttribute('aria-describedby')!)?.textContent).to.contain('geen open bestelling');

    const first = await simulator.placeOrder('buy');
    const second = await simulator.placeOrder('reserve');
    await settled(panel, () => cancel.getAttribute('aria-disabled') === 'false');
    const select = await findByShadowRole<HTMLSelectElement>(panel, 'combobox', { name: 'Open bestelling' });
    select.value = first.id;
    select.dispatchEvent(new Event('change'));
    cancel.click();
    await settled(panel, async () => (await simulator.getOrder(first.id))?.status === 'cancelled-by-customer');
    await settled(panel, () => !Array.from(select.options).some((o) => o.value === first.id));
    expect((await simulator.getOrder(second.id))?.status).to.equal('open');
    const row = panel.shadowRoot!.querySelector(`tr[data-order="${first.id}"]`);
    expect(row?.textContent).to.contain('Geannuleerd door klant');
  });

  it('switches every fault with a labelled checkbox', async () => {
    const panel = await mountPanel(simulator);
    const group = await findByShadowRole(panel, 'group', { name: 'Storingen' });
    for (const [name, label] of Object.entries(FAULT_LABELS)) {
      const box = await findByShadowRole<HTMLInputElement>(group, 'checkbox', { name: label });
      expect(box.checked, label).to.equal(false);
      box.click();
      await settled(panel, async () => (await simulator.getFaults())[name as FaultName] === 'on' && box.checked);
    }
    const faults = await simulator.getFaults();
    expect(Object.values(faults).every((m) => m === 'on')).to.equal(true);
    const offline = await findByShadowRole<HTMLInputElement>(group, 'checkbox', { name: 'Offline' });
    offline.click();
    await settled(panel, async () => (await simulator.getFaults()).offline === 'off');
    // A probability set elsewhere (a test, the console) shows as on, with the chance.
    await simulator.setFault('slow', { probability: 0.25 });
    const slow = await findByShadowRole<HTMLInputElement>(group, 'checkbox', { name: 'Traag' });
    await settled(panel, () => slow.checked && slow.getAttribute('aria-describedby') !== null);
    expect(panel.shadowRoot!.getElementById(slow.getAttribute('aria-describedby')!)?.textContent).to.contain('25%');
  });

  it('renders provider text as text', async () => {
    await simulator.placeOrder('buy', {
      note: 'Graag inpakken <b>met strik</b> & <img src=x onerror="window.__hacked=1">',
      customer: {
        id: 'LC-1',
        firstName: '<i>Sanne</i>',
        lastName: 'de Vries & Zn',
        email: 'sanne@example.nl',
        billingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
        shippingAddress: { street: 'Oudegracht 12', postcode: '3511 AB', city: 'Utrecht', country: 'NL' },
        emailOptIn: true,
      },
    });
    const panel = await mountPanel(simulator);
    const root = panel.shadowRoot!;
    expect(root.querySelector('tbody b, tbody i, tbody img, option i')).to.equal(null);
    expect(await findByShadowText(panel, 'Graag inpakken <b>met strik</b> & <img src=x onerror="window.__hacked=1">')).to.exist;
    expect(root.querySelector('tbody')!.textContent).to.contain('<i>Sanne</i> de Vries & Zn');
    expect((globalThis as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('follows changes made through another instance (another tab)', async () => {
    const panel = await mountPanel(simulator);
    const dbName = `simulator-panel-shared-${crypto.randomUUID()}`;
    const here = createLocallySimulator({ dbName });
    const there = createLocallySimulator({ dbName });
    try {
      panel.simulator = here;
      await panel.updateComplete;
      const order = await there.placeOrder('reserve');
      await settled(panel, () => panel.shadowRoot!.querySelector(`tr[data-order="${order.id}"]`) !== null);
    } finally {
      here.dispose();
      there.dispose();
    }
  });

  it('passes an accessibility check, empty and with orders', async () => {
    const panel = await mountPanel(simulator);
    await expect(panel).to.be.accessible();
    await simulator.placeOrder('buy');
    await simulator.placeOrder('reserve');
    await simulator.setFault('rate-limit', { probability: 0.5 });
    await settled(panel, () => panel.shadowRoot!.querySelectorAll('tbody tr').length === 2);
    await expect(panel).to.be.accessible();
  });
});

describe('<pos-shell> with the simulator', () => {
  let host: ShellHost;
  let simulator: LocallySimulator;
  beforeEach(async () => {
    host = await testHost();
    simulator = newSimulator();
  });
  afterEach(() => {
    simulator.dispose();
    host.dispose();
  });

  it('offers a "Locally-simulator" tile that opens and closes the panel', async () => {
    const shell = await fixture<PosShell>(html`<pos-shell .host=${host} .simulator=${simulator}></pos-shell>`);
    const tiles = await findByShadowRole(shell, 'list', { name: 'Tegels' });
    const tile = await findByShadowRole(tiles, 'button', { name: 'Locally-simulator' });
    expect(queryByShadowRole(shell, 'region', { name: 'Locally-simulator' })).to.equal(null);
    tile.click();
    const region = await findByShadowRole(shell, 'region', { name: 'Locally-simulator' });
    const buy = await findByShadowRole(region, 'button', { name: 'Bestelling plaatsen (kopen)' });
    await waitUntil(() => deepActiveElement() === buy, 'the panel takes the keyboard when opened');
    buy.click();
    await waitUntil(async () => (await simulator.listOrders()).length === 1);
    (await findByShadowRole(region, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => queryByShadowRole(shell, 'region', { name: 'Locally-simulator' }) === null);
  });

  it('has no simulator tile when the shell runs without one', async () => {
    const shell = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
    const tiles = await findByShadowRole(shell, 'list', { name: 'Tegels' });
    expect(queryByShadowRole(tiles, 'button', { name: 'Locally-simulator' })).to.equal(null);
  });
});
