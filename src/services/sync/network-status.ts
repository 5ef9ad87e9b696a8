import { injectable } from 'inversify';
import type { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';

/**
 * Whether the browser thinks it is online, so the poller can pause while offline and poll at once
 * when the connection returns. `navigator.onLine` may say online without real reach to the
 * provider; failed polls cover that case, this only avoids polls that cannot work.
 */
@injectable()
export class NetworkStatus implements Disposable {
  protected readonly onDidChangeEmitter = new Emitter<boolean>();
  /** Fires the new state when it changes: `true` back online, `false` gone offline. */
  readonly onDidChange: Event<boolean> = this.onDidChangeEmitter.event;

  protected current: boolean;
  protected readonly onOnline = (): void => this.update(true);
  protected readonly onOffline = (): void => this.update(false);

  constructor() {
    this.current = navigator.onLine;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  get online(): boolean {
    return this.current;
  }

  dispose(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.onDidChangeEmitter.dispose();
  }

  protected update(online: boolean): void {
    // The browser may repeat an event; listeners care about changes only.
    if (this.current === online) return;
    this.current = online;
    this.onDidChangeEmitter.fire(online);
  }
}
