/**
 * Other plugins, as VS Code's `extensions.getExtension(id).exports`: what another plugin's
 * `activate` returned (its public API). A plugin may ask only for the plugins it names in its
 * manifest's `extensionDependencies`; the shell activates those first and refuses the plugin
 * (saying why) when one of them is missing or failed to start.
 */
export interface PluginService {
  /**
   * What plugin `pluginId` returned from `activate`, or undefined while it is not active (it was
   * switched off). Throws when `pluginId` is not in this plugin's `extensionDependencies`.
   */
  getApi<T = unknown>(pluginId: string): T | undefined;
}
