import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ShellHost } from '../host/shell-host.js';
import { HostController } from './host-controller.js';

/**
 * A shell component that renders the shell host's state and re-renders whenever it changes, and when
 * the language's templates are in (@lit/localize's "ready": the host's change comes before they load).
 */
export abstract class ShellHostElement extends LitElement {
  @property({ attribute: false }) host?: ShellHost;

  constructor() {
    super();
    new HostController(this, () => this.hostChanged());
    updateWhenLocaleChanges(this);
  }

  /** Called after the host reports a change (and once it is set); for state that must be loaded. */
  protected hostChanged(): void {}
}
