// Starts the reference POS shell for people: demo data, the UI, and the plugin loaded through its manifest.
import { createShellHost } from './host/shell-host.js';
import { loadPlugin, PluginLoadError } from './plugin-loader.js';
import './ui/pos-shell.js';

const host = await createShellHost({ dbName: 'pos-shell', seed: true });
const shell = document.createElement('pos-shell');
shell.host = host;
document.body.append(shell);

try {
  const plugin = await loadPlugin(host, '/plugin.json');
  // Handy from the console while developing: the plugin's API and the host.
  Object.assign(globalThis, { posShell: { host, plugin } });
} catch (error) {
  // Already shown in the message pane; the shell keeps working without the plugin.
  if (!(error instanceof PluginLoadError)) console.error(error);
  Object.assign(globalThis, { posShell: { host } });
}
