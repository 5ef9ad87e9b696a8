import type { Bind } from 'inversify';
import { ContributionProvider } from './contribution-provider.js';
import { Disposable } from './disposable.js';
import { Emitter, type Event } from './event.js';

/**
 * One contribution point's contributions: those bound in the container (the built-in ones) and those
 * registered at run time (another plugin, through the API). Each point has one, bound as a singleton
 * under its own token ({@link bindContributionRegistry}); the features ask it, never the container,
 * so both kinds are treated alike.
 */
export class ContributionRegistry<T extends { readonly id: string }> implements Disposable {
  protected readonly registered: T[] = [];
  protected readonly onDidChangeEmitter = new Emitter<void>();
  /** Fires after a registration was added or disposed. */
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  constructor(
    protected readonly provider: ContributionProvider<T>,
    /** What the point is called in messages, e.g. "order source". */
    protected readonly kind: string,
  ) {}

  /** The container's contributions first, then the registered ones in registration order. */
  getAll(): readonly T[] {
    return [...this.provider.getContributions(), ...this.registered];
  }

  /** Adds a contribution until the returned Disposable is disposed. Throws when its id is taken or unusable. */
  register(item: T): Disposable {
    this.check(item);
    this.registered.push(item);
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      const at = this.registered.indexOf(item);
      if (at < 0) return;
      this.registered.splice(at, 1);
      this.onDidChangeEmitter.fire();
    });
  }

  /**
   * Ids identify contributions in reports, stored data and settings: unique per point, and without
   * ":" (an order source's id prefixes `<id>:<orderId>`, which a colon would make ambiguous).
   */
  protected check(item: T): void {
    if (typeof item.id !== 'string' || !/^[^:\s]+$/.test(item.id)) throw new TypeError(`The ${this.kind} id "${String(item.id)}" must be non-empty, without ":" or spaces`);
    if (this.getAll().some((existing) => existing.id === item.id)) throw new Error(`The ${this.kind} id "${item.id}" is already registered`);
  }

  dispose(): void {
    this.registered.length = 0;
    this.onDidChangeEmitter.dispose();
  }
}

/**
 * Binds the registry of `point` under `token` as a singleton (its run-time registrations dropped when
 * the container unbinds on deactivation), with the point's contribution provider.
 */
export function bindContributionRegistry(bind: Bind, token: symbol, point: symbol, kind: string): void {
  bind<ContributionRegistry<{ readonly id: string }>>(token)
    .toDynamicValue((context) => new ContributionRegistry(context.get<ContributionProvider<{ readonly id: string }>>(ContributionProvider, { name: point }), kind))
    .inSingletonScope()
    .onDeactivation((registry) => registry.dispose());
}

/**
 * Calls a contribution with a time limit: rejects when it throws, rejects, or does not answer in
 * `ms`. The caller reports and skips it; a hanging contribution keeps running but is no longer awaited.
 */
export function withTimeout<T>(call: () => T | Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ContributionTimeoutError(ms)), ms);
    const settle = (done: () => void) => {
      clearTimeout(timer);
      done();
    };
    try {
      Promise.resolve(call()).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
      );
    } catch (error) {
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
    }
  });
}

/** A contribution did not answer in time. */
export class ContributionTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'ContributionTimeoutError';
  }
}

/** How long the plugin waits for a contribution (a source's page, a matcher, a lifecycle listener) before skipping it. */
export const ContributionTimeouts = Symbol('ContributionTimeouts');
export interface ContributionTimeouts {
  /** One call of an order source (a page, an order, a message). */
  readonly orderSourceMs: number;
  /** One matcher's answer for one line or customer. */
  readonly matcherMs: number;
  /** One lifecycle listener's handling of one status change. */
  readonly lifecycleListenerMs: number;
}

export const DEFAULT_CONTRIBUTION_TIMEOUTS: ContributionTimeouts = Object.freeze({
  // Longer than the Locally client's own timeout and retries, so that one reports first.
  orderSourceMs: 120_000,
  matcherMs: 5_000,
  lifecycleListenerMs: 10_000,
});
