import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Disposable } from '../../src/common/disposable.js';
import type { ShellHost } from '../host/shell-host.js';

/** Re-renders a component whenever the shell host reports a change, while it is connected. */
export class HostController implements ReactiveController {
  protected subscription: Disposable | undefined;
  protected subscribedTo: ShellHost | undefined;

  constructor(
    protected readonly element: ReactiveControllerHost & { host?: ShellHost },
    protected readonly onChange?: () => void,
  ) {
    element.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    // The shell host may be set after connection; follow it.
    if (this.subscribedTo !== this.element.host) this.sync();
  }

  hostDisconnected(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.subscribedTo = undefined;
  }

  protected sync(): void {
    this.subscription?.dispose();
    this.subscribedTo = this.element.host;
    this.subscription = this.subscribedTo?.onDidChange(() => {
      this.element.requestUpdate();
      this.onChange?.();
    });
    if (this.subscribedTo) this.onChange?.();
  }
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Shared look: small, legible, high contrast. */
export const visuallyHidden = `
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
`;
