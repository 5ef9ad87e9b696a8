import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { PluginManifest } from '../../../src/host/manifest.js';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../../../shell/plugin-loader.js';
import '../../../shell/ui/pos-shell.js';
import type { PosShell } from '../../../shell/ui/pos-shell.js';
import { deepActiveElement } from '../../../shell/ui/host-controller.js';
import { testHost } from '../host/test-host.js';

const fixturePlugin = new URL('../fixtures/test-plugin/plugin.json', import.meta.url).href;

async function mount(host: ShellHost): Promise<PosShell> {
  const element = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
  await element.updateComplete;
  return element;
}

const focusedText = () => deepActiveElement()?.textContent?.trim().replace(/\s+/g, ' ');

describe('<pos-shell>', () => {
  let host: ShellHost;
  let plugin: PluginHandle | undefined;

  afterEach(async () => {
    await plugin?.deactivate();
    plugin = undefined;
    host.dispose();
  });

  describe('menu bar', () => {
    beforeEach(async () => (host = await testHost()));

    it('moves across the bar with Left/Right, opens with Enter/Down, closes with Escape', async () => {
      const shell = await mount(host);
      const bestand = await findByShadowRole(shell, 'menuitem', { name: 'Bestand' });
      expect(bestand.getAttribute('aria-haspopup')).to.equal('menu');
      expect(await findByShadowRole(shell, 'menubar')).to.exist;
      bestand.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedText()).to.equal('Bekijken');
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedText()).to.equal('Gereedschap');
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedText()).to.equal('Bestand');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focusedText()).to.equal('Gereedschap');

      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => bestand.getAttribute('aria-expanded') === 'true');
      const menu = await findByShadowRole(shell, 'menu', { name: 'Bestand' });
      expect(menu.hidden).to.equal(false);
      await waitUntil(() => focusedText() === 'Nieuwe transactie');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedText()).to.equal('Transactie openen…');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedText()).to.equal('Demogegevens herstellen');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => bestand.getAttribute('aria-expanded') === 'false');
      expect(deepActiveElement()).to.equal(bestand);

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focusedText() === 'Nieuwe transactie');
      // Right inside an open menu moves to the next menu, opened.
      await sendKeys({ press: 'ArrowRight' });
      const bekijken = await findByShadowRole(shell, 'menuitem', { name: 'Bekijken' });
      await waitUntil(() => bekijken.getAttribute('aria-expanded') === 'true');
      expect(bestand.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => deepActiveElement() === bekijken);
    });

    it('runs "Nieuwe transactie" from the menu and opens its window', async () => {
      host = await testHost({ seed: true }).then((seeded) => (host.dispose(), seeded));
      const shell = await mount(host);
      const bestand = await findByShadowRole(shell, 'menuitem', { name: 'Bestand' });
      bestand.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focusedText() === 'Nieuwe transactie');
      await sendKeys({ press: 'Enter' });
      await findByShadowRole(shell, 'region', { name: /^Transactie \d+$/ });
      expect(host.transactionWindows).to.have.length(1);
    });

    it('shows an unavailable contributed item as aria-disabled with its reason', async () => {
      const shell = await mount(host);
      plugin = await loadPlugin(host, fixturePlugin);
      const tools = await findByShadowRole(shell, 'menuitem', { name: 'Gereedschap' });
      tools.click();
      const never = await findByShadowRole(shell, 'menuitem', { name: 'Nooit beschikbaar' });
      await waitUntil(() => never.getAttribute('aria-disabled') === 'true');
      const describedBy = never.getAttribute('aria-describedby')!;
      const reason = (never.getRootNode() as ShadowRoot).getElementById(describedBy);
      expect(reason?.textContent?.trim()).to.equal('Kan nooit, dit is een test.');
      const hello = await findByShadowRole(shell, 'menuitem', { name: 'Hallo zeggen' });
      expect(hello.getAttribute('aria-disabled')).to.equal('false');
      hello.click();
      await waitUntil(() => (plugin!.api as { hellos(): number }).hellos() === 1);
    });
  });

  describe('desktop and message pane', () => {
    beforeEach(async () => (host = await testHost()));

    it('shows the shell tiles and contributed tiles by their label', async () => {
      const shell = await mount(host);
      expect(await findByShadowRole(shell, 'button', { name: 'Nieuwe transactie' })).to.exist;
      expect(await findByShadowRole(shell, 'button', { name: 'Transacties' })).to.exist;
      plugin = await loadPlugin(host, fixturePlugin);
      const tile = await findByShadowRole(shell, 'button', { name: 'Test, 2 open' });
      expect(tile.textContent).to.contain('2');
      await plugin.deactivate();
      plugin = undefined;
      await waitUntil(() => !queryByShadowRole(shell, 'button', { name: 'Test, 2 open' }));
    });

    it('lists messages as options in "Berichten"; Enter opens one through its source', async () => {
      const shell = await mount(host);
      plugin = await loadPlugin(host, fixturePlugin);
      const pane = await findByShadowRole(shell, 'region', { name: 'Berichten' });
      const listbox = await findByShadowRole(pane, 'listbox', { name: 'Berichten' });
      const option = await findByShadowRole(listbox, 'option', { name: /Testbericht/ });
      option.focus();
      await sendKeys({ press: 'Enter' });
      const panel = await findByShadowRole(shell, 'region', { name: 'Testpaneel' });
      expect(panel.textContent).to.contain('Paneelinhoud');
      (await findByShadowRole(panel, 'button', { name: 'Sluiten' })).click();
      await waitUntil(() => !queryByShadowRole(shell, 'region', { name: 'Testpaneel' }));
    });

    it('moves the selection with arrow keys', async () => {
      host.messages.post('Eerste');
      host.messages.post('Tweede', 'warning');
      const shell = await mount(host);
      const listbox = await findByShadowRole(shell, 'listbox', { name: 'Berichten' });
      const newest = await findByShadowRole(listbox, 'option', { name: /Tweede/ });
      expect(newest.getAttribute('aria-selected')).to.equal('true');
      newest.focus();
      await sendKeys({ press: 'ArrowDown' });
      const older = await findByShadowRole(listbox, 'option', { name: /Eerste/ });
      await waitUntil(() => older.getAttribute('aria-selected') === 'true');
      expect(deepActiveElement()).to.equal(older);
    });

    it('passes an accessibility check', async () => {
      const shell = await mount(host);
      plugin = await loadPlugin(host, fixturePlugin);
      host.messages.post('Een bericht');
      await findByShadowRole(shell, 'button', { name: 'Test, 2 open' });
      await expect(shell).to.be.accessible();
    });
  });

  describe('accessibility with windows and menus open', () => {
    beforeEach(async () => (host = await testHost({ seed: true })));

    it('passes with a transaction window, an open menu with a disabled item, and a dialog', async () => {
      const shell = await mount(host);
      plugin = await loadPlugin(host, fixturePlugin);
      const tx = await host.newTransaction();
      const [product] = await host.data.products.list(0, 1);
      await host.data.transactions.addProduct(tx.id, product!.id);
      const region = await findByShadowRole(shell, 'region', { name: `Transactie ${tx.barcode}` });
      await findByShadowRole(region, 'button', { name: `Verwijder ${product!.description}` });
      (await findByShadowRole(shell, 'menuitem', { name: 'Gereedschap' })).click();
      const never = await findByShadowRole(shell, 'menuitem', { name: 'Nooit beschikbaar' });
      await waitUntil(() => never.getAttribute('aria-disabled') === 'true');
      await expect(shell).to.be.accessible();
      const answer = host.dialogs.confirm({ title: 'Vraag', message: 'Zeker?', actions: [{ id: 'ja', label: 'Ja' }] });
      const dialog = await findByShadowRole(shell, 'dialog', { name: 'Vraag' });
      await expect(shell).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      expect(await answer).to.equal(undefined);
      await waitUntil(() => !dialog.isConnected);
    });
  });

  describe('transaction window', () => {
    beforeEach(async () => (host = await testHost({ seed: true })));

    async function openWithProduct(shell: PosShell) {
      const tx = await host.newTransaction();
      const region = await findByShadowRole(shell, 'region', { name: `Transactie ${tx.barcode}` });
      const [product] = await host.data.products.list(0, 1);
      const input = await findByShadowRole<HTMLInputElement>(region, 'textbox', { name: 'Artikel zoeken of scannen' });
      input.focus();
      await sendKeys({ type: product!.ean ?? product!.description });
      await sendKeys({ press: 'Enter' });
      await findByShadowRole(region, 'button', { name: `Verwijder ${product!.description}` });
      return { tx, region, product: product! };
    }

    it('adds by scanning, pays, and "Opslaan" asks to finalize; "Afronden als een verkoop" finalizes', async () => {
      const shell = await mount(host);
      const { tx, region } = await openWithProduct(shell);
      (await findByShadowRole(region, 'button', { name: 'Contant' })).click();
      await waitUntil(async () => (await host.data.payments.getAmountDue(tx.id)) === 0);
      const toolbar = await findByShadowRole(region, 'toolbar', { name: 'Transactie' });
      (await findByShadowRole(toolbar, 'button', { name: 'Opslaan' })).click();
      const dialog = await findByShadowRole(shell, 'dialog', { name: 'Volledige transactie betaald' });
      expect(await findByShadowRole(dialog, 'button', { name: 'Blijf Open' })).to.exist;
      expect(await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).to.exist;
      (await findByShadowRole(dialog, 'button', { name: 'Afronden als een verkoop' })).click();
      await waitUntil(async () => (await host.data.transactions.get(tx.id))?.state === 'finalized');
      await waitUntil(() => region.textContent?.includes('Afgerond'));
      expect(queryByShadowRole(region, 'textbox', { name: 'Artikel zoeken of scannen' })).to.equal(null);
      const save = await findByShadowRole(region, 'button', { name: 'Opslaan' });
      expect(save.getAttribute('aria-disabled')).to.equal('true');
    });

    it('removes a line with "Verwijder …" and returns its stock', async () => {
      const shell = await mount(host);
      const { tx, region, product } = await openWithProduct(shell);
      const stockWithLine = (await host.data.products.get(product.id))!.stock;
      (await findByShadowRole(region, 'button', { name: `Verwijder ${product.description}` })).click();
      await waitUntil(async () => (await host.data.transactions.get(tx.id))!.lines.length === 0);
      expect((await host.data.products.get(product.id))!.stock).to.equal(stockWithLine + 1);
    });

    it('saves a kept-open transaction without asking', async () => {
      const shell = await mount(host);
      const { tx, region } = await openWithProduct(shell);
      await host.data.transactions.setKeptOpen(tx.id, true);
      (await findByShadowRole(region, 'button', { name: 'Pin' })).click();
      await waitUntil(async () => (await host.data.payments.getAmountDue(tx.id)) === 0);
      (await findByShadowRole(region, 'button', { name: 'Opslaan' })).click();
      await waitUntil(() => host.messages.toasts.some((t) => t.text.includes('blijft open')));
      expect(host.dialogs.pending).to.have.length(0);
      expect((await host.data.transactions.get(tx.id))!.state).to.equal('open');
    });

    it('shows contributed toolbar items only when their when clause holds', async () => {
      const manifest: PluginManifest = {
        id: 'test.toolbar',
        name: 'toolbar',
        version: '1.0.0',
        main: 'index.js',
        engines: { 'pos-shell': '^1.0.0' },
        activationEvents: [],
        contributes: {
          commands: [
            { id: 'tb.keep', title: { nl: 'Blijf Open', en: 'Keep Open' } },
            { id: 'tb.pay', title: { nl: 'eCommerce', en: 'eCommerce' } },
          ],
        },
      };
      const scoped = host.forPlugin(manifest);
      const ran: string[] = [];
      scoped.commands.registerCommand('tb.keep', { execute: (c) => ran.push(c.transaction!.id) });
      scoped.commands.registerCommand('tb.pay', { execute() {} });
      scoped.menus.registerMenuItem('transaction/toolbar', { command: 'tb.keep', when: 'transaction.isEcommerce' });
      scoped.menus.registerMenuItem('transaction/payments', {
        command: 'tb.pay',
        when: "transaction.source == 'locally' && !transaction.finalized",
      });
      const shell = await mount(host);

      const counter = await host.newTransaction();
      const counterRegion = await findByShadowRole(shell, 'region', { name: `Transactie ${counter.barcode}` });
      await findByShadowRole(counterRegion, 'button', { name: 'Opslaan' });
      expect(queryByShadowRole(counterRegion, 'button', { name: 'Blijf Open' })).to.equal(null);
      expect(queryByShadowRole(counterRegion, 'button', { name: 'eCommerce' })).to.equal(null);

      const [product] = await host.data.products.list(0, 1);
      const { transaction: online } = await host.data.transactions.create({
        externalRef: 'locally:L-1042',
        lines: [{ productId: product!.id, description: product!.description, quantity: 1, unitPriceCents: 1000, vatRate: 21 }],
      });
      await host.data.transactions.open(online.id);
      const onlineRegion = await findByShadowRole(shell, 'region', { name: `Transactie ${online.barcode}` });
      const toolbar = await findByShadowRole(onlineRegion, 'toolbar', { name: 'Transactie' });
      const keep = await findByShadowRole(toolbar, 'button', { name: 'Blijf Open' });
      const payments = await findByShadowRole(onlineRegion, 'toolbar', { name: 'Betalingen' });
      expect(await findByShadowRole(payments, 'button', { name: 'eCommerce' })).to.exist;
      keep.click();
      await waitUntil(() => ran.length === 1);
      expect(ran).to.deep.equal([online.id]);
    });

    it('prints the transaction receipt through a print preview', async () => {
      const shell = await mount(host);
      const { tx, region } = await openWithProduct(shell);
      (await findByShadowRole(region, 'button', { name: 'Bon afdrukken' })).click();
      const preview = await findByShadowRole(shell, 'dialog', { name: 'Afdrukvoorbeeld' });
      expect(preview.textContent).to.contain(tx.barcode);
      (await findByShadowRole(preview, 'button', { name: 'Afdrukken' })).click();
      await waitUntil(() => host.printing.printed.length === 1);
      expect(host.printing.printed[0]!.format).to.equal('receipt-80mm');
      await waitUntil(() => !queryByShadowRole(shell, 'dialog', { name: 'Afdrukvoorbeeld' }));
    });
  });
});
