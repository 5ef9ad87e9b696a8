import type { Event } from '../common/event.js';

/** The plugin's configuration, declared with defaults in `contributes.configuration`. */
export interface SettingsService {
  /** The value of a declared setting (its manifest default until changed). */
  get<T>(key: string): T;
  /** Changes a declared setting; rejects for an undeclared key, a value of the wrong type, or one outside the declared `enum`. */
  update(key: string, value: unknown): Promise<void>;
  /** Fires with the key of a changed setting. */
  readonly onDidChange: Event<string>;
}
