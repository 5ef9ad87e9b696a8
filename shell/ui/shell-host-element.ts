import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ShellHost } from '../host/shell-host.js';
import { HostController } from './host-controller.js';

/** A shell component that renders the shell host's state and re-renders whenever it changes. */
export abstract class ShellHostElement extends LitElement {
  @property({ attribute: false }) host?: ShellHost;

  constructor() {
    super();
    new HostController(this, () => this.hostChanged());
  }

  /** Called after the host reports a change (and once it is set); for state that must be loaded. */
  protected hostChanged(): void {}
}
