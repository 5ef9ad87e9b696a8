import type { Disposable } from '../common/disposable.js';

export interface ModalOptions {
  /** The dialog's accessible name, e.g. "ROPIS bestelwijze". */
  readonly title: string;
  /** The dialog's content with its own buttons; it asks to close by dispatching `close-dialog`. */
  readonly content: HTMLElement;
}

/** An open modal dialog. */
export interface ModalHandle extends Disposable {
  /** Resolves when the dialog has closed (by its content, Escape, or dispose). */
  readonly closed: Promise<void>;
}

export interface ConfirmOptions {
  readonly title: string;
  /** Plain text. */
  readonly message: string;
  /** The buttons, in order; the first is the default. */
  readonly actions: readonly { readonly id: string; readonly label: string }[];
}

/** Modal dialogs on top of the shell. Dialogs close with "Sluiten". */
export interface DialogService {
  /** Shows content in a modal dialog named by `title`. */
  showModal(options: ModalOptions): ModalHandle;
  /** Asks a question; resolves to the chosen action's id, or undefined when closed with "Sluiten"/Escape. */
  confirm(options: ConfirmOptions): Promise<string | undefined>;
}

/** The event a dialog's content dispatches (bubbling, composed) to ask the shell to close it. */
export const CLOSE_DIALOG_EVENT = 'close-dialog';
