/** A text in the shell's languages; Dutch is the source language. */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** Where a contributed command appears. */
export type MenuId =
  | 'menubar/file'
  | 'menubar/view'
  | 'menubar/tools'
  | 'transaction/toolbar'
  | 'transaction/payments';

export interface ManifestTile {
  readonly id: string;
  readonly title: LocalizedText;
  readonly command?: string;
  readonly when?: string;
}
export interface ManifestNotificationSource {
  readonly id: string;
  readonly title: LocalizedText;
}
export interface ManifestPanel {
  readonly id: string;
  readonly title: LocalizedText;
}
export interface ManifestCommand {
  readonly id: string;
  readonly title: LocalizedText;
  /** Shown to staff when the command is unavailable and the handler gives no reason of its own. */
  readonly enablementReason?: LocalizedText;
}
export interface ManifestMenuItem {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
  readonly order?: number;
}
export interface ManifestConfigurationProperty {
  readonly type: 'string' | 'number' | 'boolean' | 'object' | 'array';
  readonly default: unknown;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  /** Values of this kind go to secret storage, never to settings. */
  readonly secret?: boolean;
  /**
   * The only values allowed (VS Code's `enum`): the settings screen offers them as a choice list and
   * the host refuses any other value.
   */
  readonly enum?: readonly (string | number)[];
  /** What staff read for each `enum` value, in the same order and of the same length; the value itself when absent. */
  readonly enumItemLabels?: readonly LocalizedText[];
}
export interface ManifestPermission {
  readonly id: string;
  readonly title: LocalizedText;
}

/** plugin.json, VS Code style: what the plugin contributes, declared before any code runs. */
export interface PluginManifest {
  readonly id: string;
  readonly name: string;
  readonly displayName?: LocalizedText;
  readonly version: string;
  readonly main: string;
  /** Host API versions the plugin can run on, as a semver range: `{ "pos-shell": "^1.0.0" }`. */
  readonly engines: { readonly 'pos-shell': string };
  readonly activationEvents: readonly string[];
  /**
   * Ids of the plugins this one needs (VS Code's `extensionDependencies`): the shell activates them
   * first, refuses this plugin when one is missing or failed, and lets it read their API through
   * `host.plugins.getApi(id)`. Switching one of them off first switches this plugin off.
   */
  readonly extensionDependencies?: readonly string[];
  readonly contributes: {
    readonly tiles?: readonly ManifestTile[];
    readonly notificationSources?: readonly ManifestNotificationSource[];
    readonly panels?: readonly ManifestPanel[];
    readonly commands?: readonly ManifestCommand[];
    readonly menus?: Partial<Record<MenuId, readonly ManifestMenuItem[]>>;
    readonly permissions?: readonly ManifestPermission[];
    readonly configuration?: {
      readonly title: LocalizedText;
      readonly properties: Readonly<Record<string, ManifestConfigurationProperty>>;
    };
  };
}
