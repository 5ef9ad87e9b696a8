import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Ties a service's stream to an element's life: subscribes while the element is connected and
 * re-renders it on every value, so components never manage subscriptions themselves.
 */
export class ObservableController<T> implements ReactiveController {
  value: T | undefined;
  protected subscription: Subscription | undefined;
  protected source: Observable<T> | undefined;

  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly onValue?: (value: T) => void,
  ) {
    host.addController(this);
  }

  /** Switches to another stream (or none); the element keeps working while it changes. */
  observe(source: Observable<T> | undefined): void {
    if (source === this.source) return;
    this.source = source;
    this.unsubscribe();
    this.subscribe();
  }

  hostConnected(): void {
    this.subscribe();
  }

  hostDisconnected(): void {
    this.unsubscribe();
  }

  protected subscribe(): void {
    if (!this.source || this.subscription) return;
    this.subscription = this.source.subscribe((value) => {
      this.value = value;
      this.onValue?.(value);
      this.host.requestUpdate();
    });
  }

  protected unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}
