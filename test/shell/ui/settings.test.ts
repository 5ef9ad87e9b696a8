import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findAllByShadowRole, findByShadowLabelText, findByShadowRole, queryByShadowRole } from 'shadow-dom-testing-library';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import { loadPlugin, type PluginHandle } from '../../../shell/plugin-loader.js';
import { deepActiveElement } from '../../../shell/ui/host-controller.js';
import '../../../shell/ui/pos-shell.js';
import type { PosShell } from '../../../shell/ui/pos-shell.js';
import { testHost } from '../host/test-host.js';

const POLL = 'Controleren op nieuwe bestellingen (minuten)';
const SECRET = 'sk-SECRET-123';

async function mount(host: ShellHost): Promise<PosShell> {
  const element = await fixture<PosShell>(html`<pos-shell .host=${host}></pos-shell>`);
  await element.updateComplete;
  return element;
}

/** Bestand › Instellingen, by mouse. */
async function openSettings(shell: PosShell, words = { file: 'Bestand', settings: 'Instellingen' }): Promise<HTMLElement> {
  (await findByShadowRole(shell, 'menuitem', { name: words.file })).click();
  (await findByShadowRole(shell, 'menuitem', { name: words.settings })).click();
  return findByShadowRole(shell, 'dialog', { name: words.settings });
}

/** The text of the elements an `aria-describedby` names, looked up in the element's own root. */
function description(element: Element): string {
  const root = element.getRootNode() as ShadowRoot;
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** Every text, attribute and form value in the document, through every shadow root. */
function everythingInTheDom(): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof Text) found.push(node.data);
    if (node instanceof Element) {
      for (const attribute of node.attributes) found.push(attribute.value);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) found.push(node.value, node.defaultValue);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(document.documentElement);
  return found;
}

/** Whether focus is inside `container`, crossing shadow roots on the way up. */
function focusIsIn(container: Element): boolean {
  let node: Node | null = deepActiveElement();
  while (node) {
    if (node === container) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/** Replaces the text of a field the way staff do it: select all, type. */
async function retype(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

describe('Instellingen (plugin settings)', function () {
  // The first plugin load of a run compiles it on the test server: seconds on a busy machine.
  this.timeout(30_000);
  let host: ShellHost;
  let plugin: PluginHandle;
  let shell: PosShell;

  beforeEach(async () => {
    host = await testHost();
    shell = await mount(host);
    plugin = await loadPlugin(host, '/plugin.json');
  });

  afterEach(async () => {
    await plugin.deactivate();
    host.dispose();
  });

  const settings = () => host.settings.forPlugin(plugin.manifest);
  const secrets = () => host.settings.secretsFor(plugin.manifest.id);

  it('opens from Bestand with the keyboard and shows every setting with its label, description and value', async () => {
    const bestand = await findByShadowRole(shell, 'menuitem', { name: 'Bestand' });
    bestand.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement()?.textContent?.trim() === 'Nieuwe transactie');
    for (let i = 0; i < 5 && deepActiveElement()?.textContent?.trim() !== 'Instellingen'; i++)
      await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const dialog = await findByShadowRole(shell, 'dialog', { name: 'Instellingen' });
    expect(await findByShadowRole(dialog, 'group', { name: 'Locally eCommerce' })).to.exist;

    const poll = await findByShadowRole<HTMLInputElement>(dialog, 'spinbutton', { name: POLL });
    expect(poll.value).to.equal('5');
    await waitUntil(() => focusIsIn(dialog), 'focus moves into the dialog');
    const imports = await findByShadowRole<HTMLInputElement>(dialog, 'checkbox', {
      name: 'Deze kassa importeert eCommerce-bestellingen',
    });
    expect(imports.checked).to.equal(true);
    const url = await findByShadowRole<HTMLInputElement>(dialog, 'textbox', { name: 'Adres van de Locally-koppeling' });
    expect(url.value).to.equal('/locally-api');
    expect(description(url)).to.equal('https, behalve op deze computer.');
    const hours = await findByShadowRole<HTMLTextAreaElement>(dialog, 'textbox', { name: 'Openingstijden' });
    expect(JSON.parse(hours.value)).to.deep.equal(settings().get('locally.openingHours'));
    const key = await findByShadowLabelText<HTMLInputElement>(dialog, 'Locally API-sleutel');
    expect(key.type).to.equal('password');
    expect(key.value).to.equal('');
    await waitUntil(() => description(key).includes('Niet ingesteld'));

    // Escape closes without saving, and focus goes back to the menu bar.
    poll.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.isConnected);
    expect(host.dialogs.pending).to.have.length(0);
  });

  it('"Opslaan" writes a changed number and the plugin hears of it', async () => {
    const changed: string[] = [];
    const subscription = settings().onDidChange((key) => changed.push(key));
    try {
      const dialog = await openSettings(shell);
      await retype(await findByShadowRole(dialog, 'spinbutton', { name: POLL }), '2');
      (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
      await waitUntil(() => !dialog.isConnected, 'the dialog closes after saving');
      expect(settings().get('locally.pollIntervalMinutes')).to.equal(2);
      // Only what changed is written.
      expect(changed).to.deep.equal(['locally.pollIntervalMinutes']);

      const again = await openSettings(shell);
      expect((await findByShadowRole<HTMLInputElement>(again, 'spinbutton', { name: POLL })).value).to.equal('2');
    } finally {
      subscription.dispose();
    }
  });

  it('"Sluiten" closes without saving', async () => {
    const dialog = await openSettings(shell);
    await retype(await findByShadowRole(dialog, 'spinbutton', { name: POLL }), '9');
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !dialog.isConnected);
    expect(settings().get('locally.pollIntervalMinutes')).to.equal(5);
  });

  it('a bad JSON object or a value of the wrong type shows an error, keeps the dialog open and saves nothing', async () => {
    const changed: string[] = [];
    const subscription = settings().onDidChange((key) => changed.push(key));
    try {
      const before = settings().get('locally.openingHours');
      const dialog = await openSettings(shell);
      await retype(await findByShadowRole(dialog, 'spinbutton', { name: POLL }), '3');
      const hours = await findByShadowRole<HTMLTextAreaElement>(dialog, 'textbox', { name: 'Openingstijden' });
      await retype(hours, '{ "mon": [');
      (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();

      await waitUntil(() => hours.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
      expect(description(hours)).to.contain('geen geldige JSON');
      // The message is an alert (announced at once) that describes the field.
      const alert = (await findAllByShadowRole(dialog, 'alert')).find((a) => a.textContent?.includes('geen geldige JSON'));
      expect(hours.getAttribute('aria-describedby')).to.contain(alert!.id);
      expect(dialog.isConnected).to.equal(true);
      expect(deepActiveElement()).to.equal(hours);
      expect(settings().get('locally.openingHours')).to.deep.equal(before);
      // One wrong field saves nothing, not even the right ones.
      expect(settings().get('locally.pollIntervalMinutes')).to.equal(5);
      expect(changed).to.deep.equal([]);
      await expect(shell).to.be.accessible();

      // Valid JSON of the wrong type (a list where an object is declared) is refused too.
      await retype(hours, '[1, 2]');
      (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
      await waitUntil(() => description(hours).includes('JSON-object'), 'the type message');
      expect(changed).to.deep.equal([]);

      // Corrected, it saves and closes.
      await retype(hours, '{ "mon": [["10:00", "17:00"]] }');
      (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
      await waitUntil(() => !dialog.isConnected);
      expect(settings().get('locally.openingHours')).to.deep.equal({ mon: [['10:00', '17:00']] });
      expect(settings().get('locally.pollIntervalMinutes')).to.equal(3);
      expect([...changed].sort()).to.deep.equal(['locally.openingHours', 'locally.pollIntervalMinutes']);
    } finally {
      subscription.dispose();
    }
  });

  it('an empty number is refused with a message next to the field', async () => {
    const dialog = await openSettings(shell);
    const poll = await findByShadowRole(dialog, 'spinbutton', { name: POLL });
    await retype(poll, '');
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => description(poll).includes('Vul een getal in.'));
    expect(settings().get('locally.pollIntervalMinutes')).to.equal(5);
  });

  it('stores the API key in secret storage and never shows it; an empty field keeps it; "Wissen" removes it', async () => {
    let dialog = await openSettings(shell);
    let key = await findByShadowLabelText<HTMLInputElement>(dialog, 'Locally API-sleutel');
    await waitUntil(() => description(key).includes('Niet ingesteld'));
    key.focus();
    await sendKeys({ type: SECRET });
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => !dialog.isConnected, 'the dialog closes after saving');
    expect(await secrets().get('locally.apiKey')).to.equal(SECRET);
    // A secret is not a setting: it stays out of settings storage.
    expect(settings().get('locally.apiKey')).to.equal('');
    expect(everythingInTheDom().filter((s) => s.includes(SECRET))).to.deep.equal([]);

    dialog = await openSettings(shell);
    key = await findByShadowLabelText<HTMLInputElement>(dialog, 'Locally API-sleutel');
    await waitUntil(() => description(key).includes('Ingesteld') && !description(key).includes('Niet'), 'status "Ingesteld"');
    expect(key.value).to.equal('');
    expect(everythingInTheDom().filter((s) => s.includes(SECRET))).to.deep.equal([]);

    // Saving with the field left empty keeps the stored secret.
    (await findByShadowRole(dialog, 'button', { name: 'Opslaan' })).click();
    await waitUntil(() => !dialog.isConnected);
    expect(await secrets().get('locally.apiKey')).to.equal(SECRET);

    dialog = await openSettings(shell);
    key = await findByShadowLabelText<HTMLInputElement>(dialog, 'Locally API-sleutel');
    const wissen = await findByShadowRole<HTMLButtonElement>(dialog, 'button', { name: 'Wissen' });
    await waitUntil(() => !wissen.disabled);
    wissen.click();
    await waitUntil(async () => (await secrets().get('locally.apiKey')) === undefined, 'the secret is removed');
    await waitUntil(() => description(key).includes('Niet ingesteld'));
    expect(deepActiveElement()).to.equal(key);
    expect(dialog.isConnected).to.equal(true);
    expect(everythingInTheDom().filter((s) => s.includes(SECRET))).to.deep.equal([]);
  });

  it('labels the settings in the shell\'s language', async () => {
    host.setLanguage('en');
    // The shell's own words switch too (once the English templates are in).
    await host.locale.settled();
    const dialog = await openSettings(shell, { file: 'File', settings: 'Settings' });
    const poll = await findByShadowRole(dialog, 'spinbutton', { name: 'Check for new orders (minutes)' });
    expect(description(await findByShadowRole(dialog, 'textbox', { name: 'Locally API address' }))).to.equal(
      'https, except on this computer.',
    );
    expect(poll).to.exist;
  });

  it('passes an accessibility check', async () => {
    const dialog = await openSettings(shell);
    const key = await findByShadowLabelText<HTMLInputElement>(dialog, 'Locally API-sleutel');
    await waitUntil(() => description(key).includes('Niet ingesteld'));
    await expect(shell).to.be.accessible();
    (await findByShadowRole(dialog, 'button', { name: 'Sluiten' })).click();
    await waitUntil(() => !queryByShadowRole(shell, 'dialog', { name: 'Instellingen' }));
  });
});
