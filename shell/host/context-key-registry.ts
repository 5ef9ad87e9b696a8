import { Emitter, type Event } from '../../src/common/event.js';
import type { ContextKey, ContextValue } from '../../src/host/context-keys.js';
import { evaluateWhenClause } from './when-clause.js';

/** The shell's global context keys: its own (`session.permission.*`) and those plugins create. */
export class ContextKeyRegistry {
  protected readonly values = new Map<string, ContextValue>();
  /** Which plugin created a key; shell keys have no owner. */
  protected readonly owners = new Map<string, string>();
  protected readonly onDidChangeEmitter = new Emitter<string>();
  readonly onDidChange: Event<string> = this.onDidChangeEmitter.event;

  constructor(protected readonly report: (error: unknown) => void = (e) => console.error(e)) {}

  getValue(key: string): ContextValue {
    return this.values.get(key);
  }

  /** Sets a shell-owned key; `undefined` removes it. */
  set(key: string, value: ContextValue): void {
    if (this.values.get(key) === value && (value !== undefined || !this.values.has(key))) return;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.onDidChangeEmitter.fire(key);
  }

  /** Creates a key owned by a plugin; a key can have one owner at a time. */
  createKey<T extends ContextValue>(owner: string, key: string, initial: T): ContextKey<T> {
    if (this.owners.has(key) || this.values.has(key)) throw new Error(`Context key "${key}" already exists`);
    this.owners.set(key, owner);
    this.values.set(key, initial);
    this.onDidChangeEmitter.fire(key);
    let disposed = false;
    const set = (value: T) => {
      if (disposed) return;
      this.values.set(key, value);
      this.onDidChangeEmitter.fire(key);
    };
    return {
      set,
      get: () => (disposed ? initial : this.values.get(key)) as T,
      reset: () => set(initial),
      dispose: () => {
        if (disposed) return;
        disposed = true;
        this.values.delete(key);
        this.owners.delete(key);
        this.onDidChangeEmitter.fire(key);
      },
    };
  }

  /** Evaluates a `when` clause over the global keys plus `overlay`; a clause that cannot be read is reported and fails. */
  evaluate(when: string | undefined, overlay?: Readonly<Record<string, ContextValue>>): boolean {
    try {
      return evaluateWhenClause(when, (key) =>
        overlay && Object.prototype.hasOwnProperty.call(overlay, key) ? overlay[key] : this.values.get(key),
      );
    } catch (error) {
      this.report(error);
      return false;
    }
  }

  /** The keys plugins created, with their values, sorted by key. */
  pluginKeys(): Record<string, ContextValue> {
    const result: Record<string, ContextValue> = {};
    for (const key of [...this.owners.keys()].sort()) result[key] = this.values.get(key);
    return result;
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
