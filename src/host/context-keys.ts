import type { Disposable } from '../common/disposable.js';

export type ContextValue = string | number | boolean | undefined;

/** A key the plugin owns; disposing it removes the key. */
export interface ContextKey<T extends ContextValue> extends Disposable {
  set(value: T): void;
  get(): T;
  reset(): void;
}

/**
 * Values that `when` clauses test. Keys the shell sets itself, per transaction window:
 * `transaction.isEcommerce` (has an external reference), `transaction.source` (its prefix, e.g. "locally"),
 * `transaction.keptOpen`, `transaction.finalized`; globally `session.permission.<id>` for each permission held.
 */
export interface ContextKeyService {
  /** Creates a plugin-owned key with an initial value. */
  createKey<T extends ContextValue>(key: string, initial: T): ContextKey<T>;
  /** The current global value of a key. */
  getValue(key: string): ContextValue;
  /** Evaluates a `when` clause (`a && !b`, `x == 'v'`, `x != 'v'`, `||`) against global keys plus `overlay`. */
  evaluate(when: string | undefined, overlay?: Readonly<Record<string, ContextValue>>): boolean;
}
