import { msg, str } from '@lit/localize';
import { Emitter, type Event } from '../../src/common/event.js';
import type { ManifestConfigurationProperty, PluginManifest } from '../../src/host/manifest.js';
import type { SecretStorage } from '../../src/host/secrets.js';
import type { SettingsService } from '../../src/host/settings.js';
import type { HostStore } from './host-store.js';

/** Whether a value fits a declared setting's type (the settings screen checks all fields before writing any). */
export function hasType(value: unknown, type: ManifestConfigurationProperty['type']): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** Whether a value is one a setting with an `enum` allows (any value when it declares none). */
export function inEnum(value: unknown, property: ManifestConfigurationProperty): boolean {
  return !property.enum || property.enum.some((allowed) => allowed === value);
}

/** Copies so a caller cannot change a stored value behind the host's back. */
const copy = <T>(value: T): T => (typeof value === 'object' && value !== null ? structuredClone(value) : value);

/** Settings (manifest defaults plus stored overrides) and secrets, per plugin. */
export class SettingsRegistry {
  protected readonly onDidChangeEmitter = new Emitter<{ pluginId: string; key: string }>();
  readonly onDidChange: Event<{ pluginId: string; key: string }> = this.onDidChangeEmitter.event;
  /** Live subscriptions, for the shell's snapshot of what plugins left behind. */
  get listenerCount(): number {
    return this.onDidChangeEmitter.listenerCount;
  }

  constructor(
    protected readonly store: HostStore,
    /** Overrides by `<pluginId>/<key>`, loaded before any plugin starts so `get` can be synchronous. */
    protected readonly overrides: Map<string, unknown>,
  ) {}

  /** Plugins that asked for their settings (each loaded into this shell), by id, for the settings screen. */
  protected readonly manifests = new Map<string, PluginManifest>();

  /** Manifests of the plugins whose settings the shell offers, in load order. */
  get plugins(): readonly PluginManifest[] {
    return [...this.manifests.values()];
  }

  /** Stops offering a plugin's settings (its stored values stay, for when it is loaded again). */
  forgetPlugin(pluginId: string): void {
    this.manifests.delete(pluginId);
  }

  static async load(store: HostStore): Promise<SettingsRegistry> {
    return new SettingsRegistry(store, await store.allSettings());
  }

  forPlugin(manifest: PluginManifest): SettingsService {
    this.manifests.set(manifest.id, manifest);
    const properties = manifest.contributes.configuration?.properties ?? {};
    const declared = (key: string) => {
      const property = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      return property;
    };
    const storeKey = (key: string) => `${manifest.id}/${key}`;
    return {
      get: <T>(key: string): T => {
        const property = declared(key);
        if (!property) throw new Error(`Setting "${key}" is not declared by ${manifest.id}`);
        const id = storeKey(key);
        return copy((this.overrides.has(id) ? this.overrides.get(id) : property.default) as T);
      },
      update: async (key: string, value: unknown): Promise<void> => {
        const property = declared(key);
        if (!property) throw new Error(`Setting "${key}" is not declared by ${manifest.id}`);
        // Never echo the value: it might be a secret typed into the wrong place.
        if (property.secret) throw new Error(`Setting "${key}" is a secret; store it in secret storage`);
        if (!hasType(value, property.type)) throw new TypeError(`Setting "${key}" must be of type ${property.type}`);
        // Lists the allowed values, never the refused one (same reason as above).
        if (!inEnum(value, property)) {
          throw new RangeError(msg(str`Instelling "${key}" kan alleen een van deze waarden hebben: ${property.enum!.join(', ')}.`));
        }
        this.overrides.set(storeKey(key), copy(value));
        await this.store.putSetting(storeKey(key), value);
        this.onDidChangeEmitter.fire({ pluginId: manifest.id, key });
      },
      onDidChange: (listener) =>
        this.onDidChange(({ pluginId, key }) => {
          if (pluginId === manifest.id) listener(key);
        }),
    };
  }

  secretsFor(pluginId: string): SecretStorage {
    const key = (k: string) => `${pluginId}/${k}`;
    return {
      get: (k) => this.store.getSecret(key(k)),
      store: (k, value) => {
        if (typeof value !== 'string') return Promise.reject(new TypeError('A secret must be a string'));
        return this.store.putSecret(key(k), value);
      },
      delete: (k) => this.store.deleteSecret(key(k)),
    };
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
