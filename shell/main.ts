// Starts the reference POS shell for people: demo data, the UI, and the plugin loaded through its manifest.
import { msg } from '@lit/localize';
import type { RequestHandler } from 'msw';
import { startSimulatorWorker } from '../mocks/locally/browser.js';
import { createLocallySimulator, type LocallySimulator } from '../mocks/locally/locally-simulator.js';
import { createShellHost, type ShellHost } from './host/shell-host.js';
import { loadPlugins, PluginLoadError } from './plugin-loader.js';
import './ui/pos-shell.js';

const host = await createShellHost({ dbName: 'pos-shell', seed: true });
const shell = document.createElement('pos-shell');
shell.host = host;
document.body.append(shell);

/**
 * The worked example of a second plugin (examples/webshop-plugin), loaded next to ours when the page
 * has `?example=webshop`; "Voorbeeldplug-in laden" under Kassa in Instellingen reloads with or without it.
 */
const EXAMPLE_PARAM = 'example';
const withExample = new URL(location.href).searchParams.get(EXAMPLE_PARAM) === 'webshop';
host.shellOptions.push({
  id: 'example.webshop',
  title: { nl: 'Voorbeeldplug-in laden', en: 'Load the example plug-in' },
  description: {
    nl: 'Laadt "Voorbeeld: webwinkel" (examples/webshop-plugin) naast Locally eCommerce; de kassa herlaadt.',
    en: 'Loads "Example: web shop" (examples/webshop-plugin) next to Locally eCommerce; the till reloads.',
  },
  value: withExample,
  apply(value) {
    const url = new URL(location.href);
    if (value) url.searchParams.set(EXAMPLE_PARAM, 'webshop');
    else url.searchParams.delete(EXAMPLE_PARAM);
    location.assign(url);
  },
});

const webshop = withExample ? await createExampleWebshop(host) : undefined;
const simulator = await startLocallySimulator(host, webshop?.handlers ?? []);
shell.simulator = simulator;

const manifests = ['/plugin.json', ...(withExample ? ['/examples/webshop-plugin/plugin.json'] : [])];
const [plugin, example] = (await loadPlugins(host, manifests)).map((result) => {
  // A refusal is already shown in the message pane; the shell keeps working without the plugin.
  if (!(result instanceof PluginLoadError)) return result;
  if (result.cause !== undefined && !(result.cause instanceof PluginLoadError)) console.error(result.cause);
  return undefined;
});
// Handy from the console while developing: the plugins' APIs, the host, the simulators
// (`posShell.webshop.placeOrder()` places another web shop order).
Object.assign(globalThis, { posShell: { host, plugin, example, simulator, webshop } });

/** The example's web shop simulator, its orders kept in localStorage so a reload sees the same ones. */
async function createExampleWebshop(shellHost: ShellHost) {
  const { createWebshopSimulator } = await import('../examples/webshop-plugin/mocks/webshop-handlers.js');
  return createWebshopSimulator({ now: () => shellHost.clock.now(), storage: localStorage, storageKey: 'pos-shell:example.webshop' });
}

/**
 * The embedded default: the Locally simulator answers the plugin's provider URL (/locally-api) in this
 * browser, on the shell's clock, and the demo key goes into the plugin's secret storage when none is
 * set, so `npm start` needs no account and no network. Started before the plugin, so its first poll
 * is answered.
 */
async function startLocallySimulator(shellHost: ShellHost, extraHandlers: readonly RequestHandler[]): Promise<LocallySimulator | undefined> {
  try {
    const locally = createLocallySimulator({ now: () => shellHost.clock.now(), seed: 20_261_127 });
    // The example's web shop, when loaded, is answered by the same worker.
    await startSimulatorWorker(locally, { quiet: true, extraHandlers });
    const secrets = shellHost.settings.secretsFor('locally.ecommerce');
    if (!(await secrets.get('locally.apiKey'))) await secrets.store('locally.apiKey', 'demo-key');
    return locally;
  } catch (error) {
    // A browser without service workers (plain http on another host): the shell runs without it.
    shellHost.reportError(error, msg('De Locally-simulator kon niet starten.'));
    return undefined;
  }
}
