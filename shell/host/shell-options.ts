import type { LocalizedText } from '../../src/host/manifest.js';

/**
 * A setting of the shell itself (not of a plugin), shown as a checkbox under "Kassa" in
 * "Instellingen". The shell that offers it (shell/main.ts) decides where its value lives and what
 * applying it does, e.g. reloading with another set of plugins.
 */
export interface ShellOption {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly value: boolean;
  /** Called by "Opslaan" when staff changed it. */
  apply(value: boolean): void;
}
