import type { Disposable } from '../../src/common/disposable.js';
import type { CommandHandler } from '../../src/host/commands.js';
import type { ContextValue } from '../../src/host/context-keys.js';
import type { PluginManifest } from '../../src/host/manifest.js';
import type { MenuId, MenuItem } from '../../src/host/menus.js';
import type { NotificationSource } from '../../src/host/notifications.js';
import type { PanelProvider } from '../../src/host/panels.js';
import { HOST_API_VERSION, type PosHost } from '../../src/host/pos-host.js';
import type { TileProvider } from '../../src/host/tiles.js';
import type { ShellHost } from './shell-host.js';

const MENU_IDS: readonly MenuId[] = [
  'menubar/file',
  'menubar/view',
  'menubar/tools',
  'transaction/toolbar',
  'transaction/payments',
];

/**
 * The host one plugin gets. Every registration is checked against the plugin's manifest, so what
 * the plugin does at run time matches what it declared before any code ran.
 */
export function createScopedHost(shell: ShellHost, manifest: PluginManifest): PosHost {
  const pluginId = manifest.id;
  const contributes = manifest.contributes ?? {};
  const declared = <T extends { id: string }>(list: readonly T[] | undefined, id: string, kind: string): T => {
    const found = list?.find((entry) => entry.id === id);
    if (!found) throw new Error(`${pluginId}: ${kind} "${id}" is not declared in its manifest`);
    return found;
  };
  for (const command of contributes.commands ?? []) shell.declaredCommands.set(command.id, command);

  return {
    apiVersion: HOST_API_VERSION,
    plugin: { manifest, storageName: `${shell.dbName}:${pluginId}` },
    tiles: {
      registerTile(id: string, provider: TileProvider): Disposable {
        const declaration = declared(contributes.tiles, id, 'tile');
        return shell.tiles.register({ id, pluginId, declaration, provider });
      },
    },
    notifications: {
      registerSource(id: string, source: NotificationSource): Disposable {
        const declaration = declared(contributes.notificationSources, id, 'notification source');
        return shell.messages.register({ id, pluginId, title: declaration.title, source });
      },
      notify(text, severity) {
        shell.messages.notify(String(text), severity);
      },
    },
    panels: {
      registerPanel(id: string, provider: PanelProvider): Disposable {
        const declaration = declared(contributes.panels, id, 'panel');
        return shell.panels.register({ id, pluginId, declaration, provider });
      },
      open: (id) => shell.panels.show(id),
      close: (id) => shell.panels.close(id),
    },
    commands: {
      registerCommand(id: string, handler: CommandHandler): Disposable {
        const declaration = declared(contributes.commands, id, 'command');
        return shell.commands.register({ id, pluginId, declaration, handler });
      },
      executeCommand: (id, context) => shell.commands.execute(id, context),
      getAvailability: (id, context) => shell.commands.getAvailability(id, context),
    },
    menus: {
      registerMenuItem(menu: MenuId, item: MenuItem): Disposable {
        if (!MENU_IDS.includes(menu)) throw new Error(`${pluginId}: there is no menu "${menu}"`);
        declared(contributes.commands, item.command, 'command');
        // Copied, so a later change by the plugin does not change the menu behind the shell's back.
        const copy: MenuItem = {
          command: item.command,
          ...(item.when !== undefined ? { when: item.when } : {}),
          ...(item.group !== undefined ? { group: item.group } : {}),
          ...(item.order !== undefined ? { order: item.order } : {}),
        };
        return shell.menus.register({ menu, pluginId, item: copy });
      },
    },
    context: {
      createKey: <T extends ContextValue>(key: string, initial: T) => shell.context.createKey(pluginId, key, initial),
      getValue: (key) => shell.context.getValue(key),
      evaluate: (when, overlay) => shell.context.evaluate(when, overlay),
    },
    customers: shell.data.customers,
    products: shell.data.products,
    transactions: shell.data.transactions,
    payments: shell.data.payments,
    printing: shell.printing,
    dialogs: shell.dialogs,
    mail: shell.mail,
    secrets: shell.settings.secretsFor(pluginId),
    settings: shell.settings.forPlugin(manifest),
    session: shell.session,
    locale: shell.locale,
    clock: shell.clock,
    plugins: {
      getApi<T = unknown>(id: string): T | undefined {
        if (!manifest.extensionDependencies?.includes(id))
          throw new Error(`${pluginId}: plugin "${id}" is not in its manifest's extensionDependencies`);
        return shell.plugins.api(id) as T | undefined;
      },
    },
  };
}
