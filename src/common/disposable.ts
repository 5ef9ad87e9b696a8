/** Something that can be undone: a registration, a subscription, a listener. */
export interface Disposable {
  dispose(): void;
}

export namespace Disposable {
  /** A Disposable that runs `undo` once, however often it is disposed. */
  export function create(undo: () => void): Disposable {
    let done = false;
    return {
      dispose() {
        if (done) return;
        done = true;
        undo();
      },
    };
  }

  export const NULL: Disposable = Object.freeze({ dispose() {} });
}

/**
 * Collects disposables and disposes them in reverse order, so later registrations that lean on
 * earlier ones are undone first. One failing dispose does not stop the others.
 */
export class DisposableCollection implements Disposable {
  protected readonly items: Disposable[] = [];
  protected disposed = false;

  constructor(...items: Disposable[]) {
    this.push(...items);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds disposables; once the collection is disposed, new ones are disposed at once. */
  push(...items: Disposable[]): Disposable {
    if (this.disposed) {
      for (const item of items) item.dispose();
      return Disposable.NULL;
    }
    this.items.push(...items);
    return Disposable.create(() => {
      for (const item of items) {
        const at = this.items.indexOf(item);
        if (at >= 0) this.items.splice(at, 1);
      }
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    while (this.items.length > 0) {
      const item = this.items.pop()!;
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed');
  }
}
