import { Disposable } from './disposable.js';

/** Subscribe with a listener; dispose the result to unsubscribe. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

export namespace Event {
  export const None: Event<never> = () => Disposable.NULL;
}

/**
 * The source of an {@link Event}: owners keep the emitter protected and expose `emitter.event` as
 * `onDidX`. A throwing listener is reported and does not stop the others.
 */
export class Emitter<T> implements Disposable {
  protected listeners = new Set<(event: T) => void>();
  protected disposed = false;

  constructor(protected readonly onListenerError: (error: unknown) => void = (e) => console.error(e)) {}

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return Disposable.NULL;
    // Wrapped so the same function may subscribe twice and be removed once per subscription.
    const entry = (event: T) => listener(event);
    this.listeners.add(entry);
    return Disposable.create(() => this.listeners.delete(entry));
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  /** How many subscriptions are live; lets a host prove that a plugin left none behind. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
