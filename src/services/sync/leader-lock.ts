import type { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';

/** The fallback is said once per document, not once per lock. */
let warnedLeadingWithoutLock = false;

/**
 * Makes one tab of a till its leader (the one that polls and sends): holds an exclusive Web Lock
 * of `name` from construction until disposed. Tabs that ask later queue; when the leader's tab
 * closes, reloads or disposes its lock, the browser grants it to the next one.
 *
 * Without Web Locks (they exist only in secure contexts) every tab leads, and the host's
 * idempotent transaction creation is the guard against double imports.
 */
export class LeaderLock implements Disposable {
  protected readonly onDidChangeLeadershipEmitter = new Emitter<boolean>();
  /** Fires `true` when this tab becomes the leader and `false` when it stops (on dispose). */
  readonly onDidChangeLeadership: Event<boolean> = this.onDidChangeLeadershipEmitter.event;

  protected leader = false;
  protected disposed = false;
  /** Abandons the request while it still waits in the queue. */
  protected readonly abortController = new AbortController();
  /** Resolving the promise handed to the lock manager releases the lock. */
  protected releaseLock: (() => void) | undefined;

  constructor(readonly name: string) {
    // lib.dom types `locks` as always there; outside secure contexts it is undefined.
    const locks = navigator.locks as LockManager | undefined;
    if (!locks) {
      this.leadWithoutLock('Web Locks are not available (not a secure context?)');
      return;
    }
    locks
      .request(name, { mode: 'exclusive', signal: this.abortController.signal }, () => this.hold())
      .catch((error: unknown) => this.requestFailed(error));
  }

  get isLeader(): boolean {
    return this.leader;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abortController.abort();
    this.releaseLock?.();
    this.releaseLock = undefined;
    this.setLeader(false);
    this.onDidChangeLeadershipEmitter.dispose();
  }

  /** Runs when the lock is granted; the lock is held until the returned promise settles. */
  protected hold(): Promise<void> | undefined {
    // Granted in the same turn as a dispose that came too late to abort: give it straight back.
    if (this.disposed) return undefined;
    return new Promise<void>((resolve) => {
      this.releaseLock = resolve;
      this.setLeader(true);
    });
  }

  protected requestFailed(error: unknown): void {
    // The abort of a queued request on dispose.
    if (this.disposed) return;
    // An opaque origin (sandboxed frame) has no lock manager to share: the same case as no Web Locks.
    if (error instanceof DOMException && error.name === 'SecurityError') {
      this.leadWithoutLock(`Web Locks refused this document (${error.message})`);
      return;
    }
    // Typically a document that is already gone; leading from it would be wrong.
    console.warn(`[locally] Could not request the lock "${this.name}"; this tab does not lead`, error);
  }

  protected leadWithoutLock(reason: string): void {
    if (!warnedLeadingWithoutLock) {
      warnedLeadingWithoutLock = true;
      console.warn(`[locally] ${reason}: this tab leads without coordinating with other tabs of this till.`);
    }
    this.setLeader(true);
  }

  protected setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.onDidChangeLeadershipEmitter.fire(leader);
  }
}
