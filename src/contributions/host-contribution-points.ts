import type { Disposable } from '../common/disposable.js';
import type { CommandHandler, NotificationSource, PanelProvider, TileProvider } from '../host/index.js';

// What the plugin puts into the host. Each point is a Symbol plus an interface of the same name;
// the registrar collects them through a ContributionProvider and registers them under the manifest's ids.

/** A desktop tile declared in `contributes.tiles`. */
export const TileContribution = Symbol('TileContribution');
export interface TileContribution extends TileProvider {
  readonly tileId: string;
}

/** A message pane feed declared in `contributes.notificationSources`. */
export const NotificationSourceContribution = Symbol('NotificationSourceContribution');
export interface NotificationSourceContribution extends NotificationSource {
  readonly sourceId: string;
}

/** A panel declared in `contributes.panels`. */
export const PanelContribution = Symbol('PanelContribution');
export interface PanelContribution extends PanelProvider {
  readonly panelId: string;
}

/** The handler of a command declared in `contributes.commands`; menus place it by the manifest. */
export const CommandContribution = Symbol('CommandContribution');
export interface CommandContribution extends CommandHandler {
  readonly commandId: string;
}

/** Work that runs while the plugin is active (watchers, later the poller); the returned Disposable stops it. */
export const StartupContribution = Symbol('StartupContribution');
export interface StartupContribution {
  /** A name for reports when starting fails. */
  readonly startupId: string;
  start(): Disposable;
}
