import type { Disposable } from '../common/disposable.js';

/** The content of a panel declared in `contributes.panels`. */
export interface PanelProvider {
  /** Builds the panel's element the first time it opens; may load code lazily. */
  createElement(): Promise<HTMLElement>;
}

/** The shell's panel area: one region per open panel, named by the panel's title. */
export interface PanelService {
  /** Makes the panel declared with `id` openable; throws for an undeclared id. */
  registerPanel(id: string, provider: PanelProvider): Disposable;
  /** Opens (or brings forward) a registered panel and resolves once its element is shown. */
  open(id: string): Promise<void>;
  /** Closes the panel if it is open. */
  close(id: string): void;
}
