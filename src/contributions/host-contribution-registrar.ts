import { inject, injectable, named } from 'inversify';
import { ContributionProvider } from '../common/contribution-provider.js';
import { type Disposable, DisposableCollection } from '../common/disposable.js';
import type { MenuId, PluginManifest, PosHost } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import {
  CommandContribution,
  NotificationSourceContribution,
  PanelContribution,
  TileContribution,
} from './host-contribution-points.js';

/**
 * Puts every contribution into the host under its manifest id and menu placement. Everything it
 * registers goes into one collection, so disposing that collection leaves the host as it was.
 */
@injectable()
export class HostContributionRegistrar {
  constructor(
    @inject(HostTokens.host) protected readonly host: PosHost,
    @inject(HostTokens.manifest) protected readonly manifest: PluginManifest,
    @inject(PluginLog) protected readonly log: PluginLog,
    @inject(ContributionProvider) @named(CommandContribution)
    protected readonly commands: ContributionProvider<CommandContribution>,
    @inject(ContributionProvider) @named(TileContribution)
    protected readonly tiles: ContributionProvider<TileContribution>,
    @inject(ContributionProvider) @named(NotificationSourceContribution)
    protected readonly sources: ContributionProvider<NotificationSourceContribution>,
    @inject(ContributionProvider) @named(PanelContribution)
    protected readonly panels: ContributionProvider<PanelContribution>,
  ) {}

  /** Registers everything; a contribution that fails is reported and skipped, the rest goes on. */
  registerAll(): DisposableCollection {
    const registered = new DisposableCollection();
    const each = <T extends object>(kind: string, items: readonly T[], id: (item: T) => string, register: (item: T) => Disposable) => {
      for (const item of items) {
        try {
          registered.push(register(item));
          // Contributions that hold subscriptions are undone with their registration.
          if (isDisposable(item)) registered.push(item);
        } catch (error) {
          this.log.error(`Could not register ${kind} "${id(item)}"`, error);
        }
      }
    };
    each('command', this.commands.getContributions(), (c) => c.commandId, (c) => this.host.commands.registerCommand(c.commandId, c));
    each('tile', this.tiles.getContributions(), (t) => t.tileId, (t) => this.host.tiles.registerTile(t.tileId, t));
    each('notification source', this.sources.getContributions(), (s) => s.sourceId, (s) => this.host.notifications.registerSource(s.sourceId, s));
    each('panel', this.panels.getContributions(), (p) => p.panelId, (p) => this.host.panels.registerPanel(p.panelId, p));
    for (const [menu, items] of Object.entries(this.manifest.contributes.menus ?? {})) {
      each('menu item', items ?? [], (i) => `${menu} › ${i.command}`, (i) => this.host.menus.registerMenuItem(menu as MenuId, i));
    }
    return registered;
  }
}

function isDisposable(item: object): item is Disposable {
  return typeof (item as Partial<Disposable>).dispose === 'function';
}
