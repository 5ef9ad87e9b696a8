import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';

export type MessageSeverity = 'info' | 'warning' | 'error';

/** One line in the shell's message pane ("Berichten"). */
export interface HostMessage {
  /** Unique within its source. */
  readonly id: string;
  /** Plain text; the shell never renders it as HTML. */
  readonly text: string;
  readonly severity: MessageSeverity;
  /** Epoch milliseconds from the host clock. */
  readonly time: number;
}

/** A feed of messages declared in `contributes.notificationSources`. */
export interface NotificationSource {
  /** Fires when {@link getMessages} would return something new. */
  readonly onDidChange: Event<void>;
  /** The messages to show now, newest first. */
  getMessages(): readonly HostMessage[];
  /** Called when staff open a message (double-click or Enter). */
  openMessage(messageId: string): void;
}

/** The message pane and short-lived notices. */
export interface NotificationService {
  /** Feeds the message pane from the source declared with `id`; throws for an undeclared id. */
  registerSource(id: string, source: NotificationSource): Disposable;
  /** Shows a short notice that fades by itself (a toast), announced to screen readers. */
  notify(text: string, severity?: MessageSeverity): void;
}
