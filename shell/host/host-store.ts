import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

interface HostSchema extends DBSchema {
  /** Setting overrides, keyed `<pluginId>/<key>`. */
  settings: { key: string; value: unknown };
  /** Secrets, keyed `<pluginId>/<key>`. */
  secrets: { key: string; value: string };
}

/**
 * The host's own storage (settings and secrets), in a database beside the shell's data so that
 * "Demogegevens herstellen" does not forget a till's configuration.
 */
export class HostStore {
  protected constructor(protected readonly db: IDBPDatabase<HostSchema>) {}

  static async open(name: string): Promise<HostStore> {
    const db = await openDB<HostSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('settings');
        database.createObjectStore('secrets');
      },
    });
    return new HostStore(db);
  }

  async allSettings(): Promise<Map<string, unknown>> {
    const tx = this.db.transaction('settings');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    return new Map(keys.map((k, i) => [k, values[i]]));
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  async getSecret(key: string): Promise<string | undefined> {
    return this.db.get('secrets', key);
  }

  async putSecret(key: string, value: string): Promise<void> {
    await this.db.put('secrets', value, key);
  }

  async deleteSecret(key: string): Promise<void> {
    await this.db.delete('secrets', key);
  }

  close(): void {
    this.db.close();
  }
}
