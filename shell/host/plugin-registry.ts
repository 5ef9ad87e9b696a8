import { Disposable } from '../../src/common/disposable.js';
import type { PluginManifest } from '../../src/host/manifest.js';

/** A plugin the shell has started (or is starting): its manifest, its API and how to switch it off. */
export interface ActivePlugin {
  readonly manifest: PluginManifest;
  /** What `activate` returned; undefined while it is still activating. */
  readonly api: unknown;
  readonly state: 'activating' | 'active';
  /** Switches the plugin off (its dependants first). */
  deactivate(): Promise<void>;
}

/**
 * The plugins loaded into one shell, by id: what `host.plugins.getApi` answers from, what the loader
 * checks a plugin's `extensionDependencies` against, and which plugins failed to start (with why).
 */
export class PluginRegistry {
  protected readonly plugins = new Map<string, ActivePlugin>();
  protected readonly failures = new Map<string, string>();

  get(id: string): ActivePlugin | undefined {
    return this.plugins.get(id);
  }

  /** The API of an active plugin; undefined while it is not (yet) active. */
  api(id: string): unknown {
    const plugin = this.plugins.get(id);
    return plugin?.state === 'active' ? plugin.api : undefined;
  }

  /** Why a plugin failed to load or start, when it did. */
  failure(id: string): string | undefined {
    return this.failures.get(id);
  }

  /** The loaded plugins that name `id` in their `extensionDependencies`. */
  dependantsOf(id: string): ActivePlugin[] {
    return [...this.plugins.values()].filter((plugin) => plugin.manifest.extensionDependencies?.includes(id));
  }

  get all(): readonly ActivePlugin[] {
    return [...this.plugins.values()];
  }

  /** Records a plugin from the start of its activation; the Disposable forgets it again. */
  add(plugin: ActivePlugin): Disposable {
    this.failures.delete(plugin.manifest.id);
    this.plugins.set(plugin.manifest.id, plugin);
    return Disposable.create(() => {
      if (this.plugins.get(plugin.manifest.id)?.manifest === plugin.manifest) this.plugins.delete(plugin.manifest.id);
    });
  }

  /** Its state once `activate` has answered. */
  replace(plugin: ActivePlugin): void {
    this.plugins.set(plugin.manifest.id, plugin);
  }

  fail(id: string, reason: string): void {
    this.failures.set(id, reason);
  }
}
