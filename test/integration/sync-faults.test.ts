import { expect, fixture, html } from '@open-wc/testing';
import type { Container } from 'inversify';
import { findByShadowRole } from 'shadow-dom-testing-library';
import type { FaultName } from '../../mocks/locally/faults.js';
import type { LocallySimulator } from '../../mocks/locally/locally-simulator.js';
import type { ShellHost } from '../../shell/host/shell-host.js';
import '../../shell/ui/pos-shell.js';
import type { PosShell } from '../../shell/ui/pos-shell.js';
import { DisposableCollection } from '../../src/common/disposable.js';
import { HostContributionRegistrar } from '../../src/contributions/host-contribution-registrar.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { OrderSync } from '../../src/services/sync/order-sync.js';
import { SimulatorKit } from '../mocks/simulator-test-kit.js';
import { fetchManifest, startShell, until } from '../helpers/plugin-fixture.js';

const SECRET_KEY = 'sk-live-SECRET-4711';

/** Everything a person could read or a tool could scrape: text and attributes, through shadow roots. */
function everythingShown(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join('\n');
}

describe('sync faults as staff see them', function () {
  this.timeout(60_000);
  const kit = new SimulatorKit('sync-faults');
  let shell: ShellHost;
  let simulator: LocallySimulator;
  let container: Container;
  let sync: OrderSync;
  let store: OrderStore;
  let registered: DisposableCollection;
  let ui: PosShell;
  const logged: string[] = [];
  const uncaught: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));

  before(() => kit.start());
  after(() => kit.stop());

  beforeEach(async () => {
    logged.length = 0;
    uncaught.length = 0;
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
      console[level] = (...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        originals[level](...args);
      };
    }
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);

    let clock;
    ({ shell, clock } = await startShell());
    await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', SECRET_KEY);
    ({ simulator } = kit.create({ now: () => clock.now(), apiKey: SECRET_KEY }));
    container = createPluginContainer(shell.forPlugin(await fetchManifest()));
    store = container.get(OrderStore);
    sync = container.get(OrderSync);
    registered = new DisposableCollection(store);
    container.get(HostContributionRegistrar).registerAll(registered);
    ui = await fixture<PosShell>(html`<pos-shell .host=${shell}></pos-shell>`);
    await until(() => sync.status.leader && !sync.status.polling && sync.status.lastSuccessAt !== undefined, 'first poll', 10_000);
  });

  afterEach(() => {
    registered.dispose();
    shell.dispose();
    Object.assign(console, originals);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  const paneText = () => shell.messages.messages.map((m) => m.message.text).join('\n');

  const cases: [FaultName, RegExp][] = [
    ['offline', /geen verbinding/],
    ['server-error', /storing \(503\)/],
    ['rate-limit', /te veel verzoeken/],
    ['malformed-json', /niet te lezen/],
    ['truncated-page', /niet te lezen/],
  ];
  for (const [fault, reason] of cases) {
    it(`"${fault}": says so in plain words after repeated failures, loses nothing, and recovers`, async () => {
      await simulator.setFault(fault, 'on');
      const placed = await simulator.placeOrder('buy');
      for (let i = 0; i < 3; i++) await sync.checkNow();
      expect(sync.status.failures).to.equal(3);
      await until(() => reason.test(paneText()), `a message naming the reason (${reason.source})`);
      expect(paneText()).to.contain('er gaat niets verloren');
      expect(await store.getOrder('locally', placed.id)).to.equal(undefined);

      await simulator.setFault(fault, 'off');
      await sync.checkNow();
      // Stored, then taken by the import (this shell has no customers, so it asks for one).
      await until(async () => (await store.getOrder('locally', placed.id))?.status === 'customer-id-required', 'stored and imported');
      await until(() => !reason.test(paneText()), 'the message gone after a good poll');
      expect(uncaught).to.deep.equal([]);
    });
  }

  it('an order whose fields have the wrong types is kept as "Verwerking van verkoop mislukt" with its payload', async () => {
    await simulator.setFault('wrong-types', 'on');
    const placed = await simulator.placeOrder('reserve');
    await sync.checkNow();
    const stored = (await store.getAllOrders()).filter((o) => o.status === 'processing-failed');
    const quarantined = await store.getQuarantined();
    // A damaged copy that kept its id is a failed order (or already repaired by fetching it again in
    // the same poll); one without an id is read again, and quarantined only when it stays without.
    expect((await store.getOrder('locally', placed.id)) !== undefined || quarantined.length === 1).to.equal(true);
    if (stored.length) {
      expect(stored[0]!.orderId).to.equal(placed.id);
      expect(stored[0]!.raw).to.be.an('object');
      expect(stored[0]!.problems!.length).to.be.greaterThan(0);
    }
    await simulator.setFault('wrong-types', 'off');
    await simulator.cancelByCustomer(placed.id);
    await sync.checkNow();
    // The next, readable delivery repairs it.
    expect((await store.getOrder('locally', placed.id))?.status).to.equal('cancelled');
    expect(uncaught).to.deep.equal([]);
  });

  it('an order without a readable id is quarantined and raises a message, which goes once opened', async () => {
    await simulator.placeOrder('buy', { id: '<geen id>' });
    await sync.checkNow();
    expect((await store.getQuarantined()).map((q) => (q.raw as { id: string }).id)).to.deep.equal(['<geen id>']);
    expect(await store.getAllOrders()).to.deep.equal([]);
    await until(() => /zonder leesbaar order-ID/.test(paneText()), 'the quarantine message');
    const message = shell.messages.messages.find((m) => /zonder leesbaar order-ID/.test(m.message.text))!;
    shell.messages.openMessage(message.sourceId, message.message.id);
    await until(() => !/zonder leesbaar order-ID/.test(paneText()), 'message gone once opened');
    await until(() => shell.panels.open.some((p) => p.id === 'locally.ecommerceScreen'), 'the screen opened');
    expect(uncaught).to.deep.equal([]);
  });

  it('a refused key is said at once, and the key never reaches the DOM or the console', async () => {
    await shell.settings.secretsFor('locally.ecommerce').store('locally.apiKey', `${SECRET_KEY}-old`);
    await sync.checkNow();
    await until(() => /weigert het winkel-ID of de API-sleutel/.test(paneText()), 'the refused-key message');
    // Staff open the screen and look around: nothing shows the key.
    (await findByShadowRole(ui, 'button', { name: /^eCommerce, \d+ te behandelen$/ })).click();
    await findByShadowRole(ui, 'region', { name: 'eCommerce-verkopen' });
    for (const text of [everythingShown(document.body), logged.join('\n'), JSON.stringify(sync.status)]) {
      expect(text).not.to.contain(SECRET_KEY);
    }
    expect(uncaught).to.deep.equal([]);
  });
});
