import { inject, injectable, named } from 'inversify';
import { ContributionProvider } from '../common/contribution-provider.js';
import { type Disposable, type DisposableCollection } from '../common/disposable.js';
import type { MenuId, PluginManifest, PosHost } from '../host/index.js';
import { HostTokens } from '../host-tokens.js';
import { PluginLog } from '../services/plugin-log.js';
import {
  CommandContribution,
  NotificationSourceContribution,
  PanelContribution,
  StartupContribution,
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
    @inject(ContributionProvider) @named(StartupContribution)
    protected readonly startups: ContributionProvider<StartupContribution>,
  ) {}

  /**
   * Registers everything into `registered`; a contribution that fails to build or register is
   * reported and skipped, the rest goes on. What did register stays in `registered` either way.
   */
  registerAll(registered: DisposableCollection): void {
    const each = <T extends object>(
      kind: string,
      provider: ContributionProvider<T>,
      id: (item: T) => string,
      register: (item: T) => Disposable,
    ) => {
      for (const item of this.contributionsOf(kind, provider)) {
        try {
          registered.push(register(item));
          // Contributions that hold subscriptions are undone with their registration.
          if (isDisposable(item)) registered.push(item);
        } catch (error) {
          this.log.error(`Could not register ${kind} "${id(item)}"`, error);
        }
      }
    };
    each('command', this.commands, (c) => c.commandId, (c) => this.host.commands.registerCommand(c.commandId, c));
    each('tile', this.tiles, (t) => t.tileId, (t) => this.host.tiles.registerTile(t.tileId, t));
    each('notification source', this.sources, (s) => s.sourceId, (s) => this.host.notifications.registerSource(s.sourceId, s));
    each('panel', this.panels, (p) => p.panelId, (p) => this.host.panels.registerPanel(p.panelId, p));
    for (const [menu, items] of Object.entries(this.manifest.contributes.menus ?? {})) {
      const placements = { getContributions: () => items ?? [] };
      each('menu item', placements, (i) => `${menu} › ${i.command}`, (i) => this.host.menus.registerMenuItem(menu as MenuId, i));
    }
    each('startup', this.startups, (s) => s.startupId, (s) => s.start());
  }

  /** The contributions of one point; a contribution whose construction throws takes only its point down. */
  protected contributionsOf<T extends object>(kind: string, provider: ContributionProvider<T>): readonly T[] {
    try {
      return provider.getContributions();
    } catch (error) {
      this.log.error(`Could not create the ${kind} contributions`, error);
      return [];
    }
  }
}

function isDisposable(item: object): item is Disposable {
  return typeof (item as Partial<Disposable>).dispose === 'function';
}
