/** Per-plugin storage for secrets (the provider key): never shown, never logged. */
export interface SecretStorage {
  /** The stored secret, or undefined. */
  get(key: string): Promise<string | undefined>;
  /** Stores (or replaces) a secret. */
  store(key: string, value: string): Promise<void>;
  /** Forgets a secret. */
  delete(key: string): Promise<void>;
}
