// Starts the reference POS shell for people: demo data, the UI, and the plugin loaded through its manifest.
import { msg } from '@lit/localize';
import { startSimulatorWorker } from '../mocks/locally/browser.js';
import { createLocallySimulator, type LocallySimulator } from '../mocks/locally/locally-simulator.js';
import { createShellHost, type ShellHost } from './host/shell-host.js';
import { loadPlugin, PluginLoadError } from './plugin-loader.js';
import './ui/pos-shell.js';

const host = await createShellHost({ dbName: 'pos-shell', seed: true });
const shell = document.createElement('pos-shell');
shell.host = host;
document.body.append(shell);

const simulator = await startLocallySimulator(host);
shell.simulator = simulator;

try {
  const plugin = await loadPlugin(host, '/plugin.json');
  // Handy from the console while developing: the plugin's API and the host.
  Object.assign(globalThis, { posShell: { host, plugin, simulator } });
} catch (error) {
  // Already shown in the message pane; the shell keeps working without the plugin.
  if (!(error instanceof PluginLoadError)) console.error(error);
  Object.assign(globalThis, { posShell: { host, simulator } });
}

/**
 * The embedded default: the Locally simulator answers the plugin's provider URL (/locally-api) in this
 * browser, on the shell's clock, and the demo key goes into the plugin's secret storage when none is
 * set, so `npm start` needs no account and no network. Started before the plugin, so its first poll
 * is answered.
 */
async function startLocallySimulator(shellHost: ShellHost): Promise<LocallySimulator | undefined> {
  try {
    const locally = createLocallySimulator({ now: () => shellHost.clock.now(), seed: 20_261_127 });
    await startSimulatorWorker(locally, { quiet: true });
    const secrets = shellHost.settings.secretsFor('locally.ecommerce');
    if (!(await secrets.get('locally.apiKey'))) await secrets.store('locally.apiKey', 'demo-key');
    return locally;
  } catch (error) {
    // A browser without service workers (plain http on another host): the shell runs without it.
    shellHost.reportError(error, msg('De Locally-simulator kon niet starten.'));
    return undefined;
  }
}
