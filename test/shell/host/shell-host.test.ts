import { expect } from '@open-wc/testing';
import { Emitter } from '../../../src/common/event.js';
import { HOST_API_VERSION } from '../../../src/host/pos-host.js';
import { FINALIZE_PROMPT_TITLE, type ShellHost } from '../../../shell/host/shell-host.js';
import { testHost, testManifest } from './test-host.js';

const tile = () => ({ onDidChange: new Emitter<void>().event, getState: () => ({ label: 'Tegel' }), open() {} });

describe('ShellHost scoped registrations', () => {
  let host: ShellHost;
  beforeEach(async () => (host = await testHost()));
  afterEach(() => host.dispose());

  it('gives the plugin its manifest, the API version and a storage name', () => {
    const plugin = host.forPlugin(testManifest);
    expect(plugin.apiVersion).to.equal(HOST_API_VERSION);
    expect(plugin.plugin.manifest).to.equal(testManifest);
    expect(plugin.plugin.storageName).to.contain('test.plugin');
  });

  it('throws for ids the manifest does not declare, and for a second registration', () => {
    const plugin = host.forPlugin(testManifest);
    expect(() => plugin.tiles.registerTile('other', tile())).to.throw(/not declared/);
    expect(() => plugin.commands.registerCommand('other', { execute() {} })).to.throw(/not declared/);
    expect(() => plugin.panels.registerPanel('other', { createElement: () => Promise.resolve(document.createElement('p')) })).to.throw(
      /not declared/,
    );
    expect(() =>
      plugin.notifications.registerSource('other', {
        onDidChange: new Emitter<void>().event,
        getMessages: () => [],
        openMessage() {},
      }),
    ).to.throw(/not declared/);
    expect(() => plugin.menus.registerMenuItem('menubar/tools', { command: 'other' })).to.throw(/not declared/);
    plugin.commands.registerCommand('t.run', { execute() {} });
    expect(() => plugin.commands.registerCommand('t.run', { execute() {} })).to.throw(/already/);
    plugin.tiles.registerTile('t.tile', tile());
    expect(() => plugin.tiles.registerTile('t.tile', tile())).to.throw(/already/);
  });

  it('leaves the snapshot as it was once every registration is disposed', async () => {
    const before = host.snapshot();
    const plugin = host.forPlugin(testManifest);
    const registrations = [
      plugin.tiles.registerTile('t.tile', tile()),
      plugin.commands.registerCommand('t.run', { execute: () => 42 }),
      plugin.menus.registerMenuItem('menubar/tools', { command: 't.run', when: 'session.permission.ecommerce.import' }),
      plugin.menus.registerMenuItem('transaction/toolbar', { command: 't.run', when: 'transaction.isEcommerce' }),
      plugin.panels.registerPanel('t.panel', { createElement: () => Promise.resolve(document.createElement('p')) }),
      plugin.notifications.registerSource('t.source', {
        onDidChange: new Emitter<void>().event,
        getMessages: () => [],
        openMessage() {},
      }),
      plugin.context.createKey('t.flag', true),
    ];
    await plugin.panels.open('t.panel');
    const during = host.snapshot();
    expect(during.tiles).to.deep.equal(['t.tile']);
    expect(during.commands).to.deep.equal(['t.run']);
    expect(during.panels).to.deep.equal(['t.panel']);
    expect(during.openPanels).to.deep.equal(['t.panel']);
    expect(during.sources).to.deep.equal(['t.source']);
    expect(during.contextKeys).to.deep.equal({ 't.flag': true });
    expect(during.menus['transaction/toolbar']).to.deep.equal([{ command: 't.run', when: 'transaction.isEcommerce' }]);
    expect(JSON.parse(JSON.stringify(during))).to.deep.equal(during);
    for (const registration of registrations.reverse()) registration.dispose();
    expect(host.snapshot()).to.deep.equal(before);
  });

  it('runs commands with availability; the manifest reason stands in for an empty one', async () => {
    const plugin = host.forPlugin(testManifest);
    plugin.commands.registerCommand('t.run', { execute: (context) => context.transaction?.id ?? 'none' });
    plugin.commands.registerCommand('t.blocked', {
      execute: () => 'ran',
      getAvailability: () => ({ enabled: false, reason: '' }),
    });
    expect(await plugin.commands.executeCommand('t.run')).to.equal('none');
    expect(await plugin.commands.getAvailability('t.blocked')).to.deep.equal({
      enabled: false,
      reason: 'Reden uit het manifest',
    });
    let error: unknown;
    await plugin.commands.executeCommand('t.blocked').catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('Reden uit het manifest');
  });

  it('tells the UI when a command says its availability changed, until the command is disposed', () => {
    const plugin = host.forPlugin(testManifest);
    const availability = new Emitter<void>();
    const registration = plugin.commands.registerCommand('t.run', { execute: () => 'ran', onDidChangeAvailability: availability.event });
    let changes = 0;
    const listening = host.onDidChange(() => changes++);
    availability.fire();
    expect(changes).to.equal(1);
    registration.dispose();
    expect(availability.listenerCount, 'the shell let go of the event').to.equal(0);
    const afterDispose = changes;
    availability.fire();
    expect(changes).to.equal(afterDispose);
    listening.dispose();
  });

  it('evaluates when clauses with session permissions that follow the user', () => {
    const plugin = host.forPlugin(testManifest);
    expect(host.session.user.name).to.equal('Anne (beheerder)');
    expect(plugin.context.evaluate('session.permission.payments.advanced')).to.equal(true);
    host.switchUser('bram');
    expect(plugin.session.user.name).to.equal('Bram (verkoper)');
    expect(plugin.context.evaluate('session.permission.payments.advanced')).to.equal(false);
    expect(plugin.context.evaluate('session.permission.ecommerce.import')).to.equal(true);
    host.switchUser('chris');
    expect(plugin.session.hasPermission('ecommerce.import')).to.equal(false);
    expect(plugin.context.evaluate('!session.permission.ecommerce.import')).to.equal(true);
    expect(plugin.context.evaluate("transaction.source == 'locally'", { 'transaction.source': 'locally' })).to.equal(true);
  });

  it('keeps settings with manifest defaults, typed updates and change events', async () => {
    const plugin = host.forPlugin(testManifest);
    expect(plugin.settings.get<number>('t.count')).to.equal(5);
    const changed: string[] = [];
    plugin.settings.onDidChange((key) => changed.push(key));
    await plugin.settings.update('t.count', 10);
    expect(plugin.settings.get<number>('t.count')).to.equal(10);
    expect(changed).to.deep.equal(['t.count']);
    let error: unknown;
    await plugin.settings.update('t.count', 'ten').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    error = undefined;
    await plugin.settings.update('t.unknown', 1).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    // A returned object is a copy: changing it changes nothing stored.
    (plugin.settings.get<Record<string, unknown>>('t.hours') as { mon: unknown[] }).mon.push('x');
    expect(plugin.settings.get('t.hours')).to.deep.equal({ mon: [] });
  });

  it('keeps secrets per plugin', async () => {
    const a = host.forPlugin(testManifest);
    const b = host.forPlugin({ ...testManifest, id: 'other.plugin' });
    await a.secrets.store('apiKey', 's3cret');
    expect(await a.secrets.get('apiKey')).to.equal('s3cret');
    expect(await b.secrets.get('apiKey')).to.equal(undefined);
    await a.secrets.delete('apiKey');
    expect(await a.secrets.get('apiKey')).to.equal(undefined);
  });

  it('queues dialogs and prints for the UI, answerable headless', async () => {
    const plugin = host.forPlugin(testManifest);
    const answer = plugin.dialogs.confirm({ title: 'Vraag', message: 'Zeker?', actions: [{ id: 'yes', label: 'Ja' }] });
    expect(host.dialogs.pending.map((d) => d.title)).to.deep.equal(['Vraag']);
    host.dialogs.answer('Vraag', 'yes');
    expect(await answer).to.equal('yes');

    const content = document.createElement('div');
    const handle = plugin.dialogs.showModal({ title: 'Inhoud', content });
    content.dispatchEvent(new CustomEvent('close-dialog', { bubbles: true, composed: true }));
    await handle.closed;
    expect(host.dialogs.pending).to.have.length(0);

    const receipt = document.createElement('div');
    receipt.textContent = 'Bon 123';
    const printed = plugin.printing.print({ title: 'Bon', format: 'receipt-80mm', content: receipt });
    (await host.printing.waitFor('Bon')).complete(true);
    expect(await printed).to.equal(true);
    expect(host.printing.printed.map((p) => p.text)).to.deep.equal(['Bon 123']);
  });

  it('sends mail to valid addresses only and keeps what was sent', async () => {
    const plugin = host.forPlugin(testManifest);
    await plugin.mail.send({ to: 'klant@example.nl', subject: 'Hallo', body: 'Tekst' });
    let error: unknown;
    await plugin.mail.send({ to: 'geen adres', subject: 'x', body: 'y' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(host.mail.sent.map((m) => m.to)).to.deep.equal(['klant@example.nl']);
  });

  it('switches language and gives titles in it', () => {
    const plugin = host.forPlugin(testManifest);
    plugin.commands.registerCommand('t.run', { execute() {} });
    expect(host.commandTitle('t.run')).to.equal('Uitvoeren');
    const seen: string[] = [];
    plugin.locale.onDidChange((language) => seen.push(language));
    host.setLanguage('en');
    expect(plugin.locale.language).to.equal('en');
    expect(plugin.locale.locale).to.equal('en-GB');
    expect(host.commandTitle('t.run')).to.equal('Run');
    expect(seen).to.deep.equal(['en']);
  });

  it('asks "Volledige transactie betaald" when a fully paid transaction is saved', async () => {
    const seeded = await testHost({ seed: true });
    try {
      const [product] = await seeded.data.products.list(0, 1);
      const tx = await seeded.newTransaction();
      await seeded.data.transactions.addProduct(tx.id, product!.id);
      const due = await seeded.data.payments.getAmountDue(tx.id);
      await seeded.data.payments.record(tx.id, { method: 'cash', label: 'Contant', amountCents: due });
      const saving = seeded.data.transactions.save(tx.id);
      const prompt = await seeded.dialogs.waitFor(FINALIZE_PROMPT_TITLE);
      expect(prompt.kind).to.equal('confirm');
      seeded.dialogs.answer(FINALIZE_PROMPT_TITLE, 'finalize');
      expect(await saving).to.equal('finalized');
      expect((await seeded.data.transactions.get(tx.id))!.state).to.equal('finalized');
      expect(seeded.transactionWindows).to.deep.equal([tx.id]);
    } finally {
      seeded.dispose();
    }
  });
});
