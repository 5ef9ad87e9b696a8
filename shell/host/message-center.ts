import { msg } from '@lit/localize';
import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { LocalizedText } from '../../src/host/manifest.js';
import type { HostMessage, MessageSeverity, NotificationSource } from '../../src/host/notifications.js';

export interface SourceEntry {
  readonly id: string;
  /** Undefined for the shell's own source. */
  readonly pluginId?: string;
  readonly title: LocalizedText;
  readonly source: NotificationSource;
}

/** A message as the pane lists it: with its source. */
export interface PaneMessage {
  /** Unique across sources: `<sourceId>/<messageId>`. */
  readonly key: string;
  readonly sourceId: string;
  readonly message: HostMessage;
}

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly severity: MessageSeverity;
}

/** The id of the shell's own message source. */
export const SHELL_SOURCE_ID = 'shell';

/** How long a toast stays, in real time (it is a notice for a person, not part of the business clock). */
const TOAST_MS = 6000;

/**
 * The message pane's sources (plugins' and the shell's own "Shell" source) and the toasts.
 */
export class MessageCenter {
  protected readonly sources = new Map<string, SourceEntry>();
  protected shellMessages: HostMessage[] = [];
  protected shellSeq = 0;
  protected toastList: Toast[] = [];
  protected toastSeq = 0;
  protected readonly shellSourceChanged = new Emitter<void>();
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  constructor(protected readonly now: () => number) {
    this.register({
      id: SHELL_SOURCE_ID,
      title: { nl: 'Shell', en: 'Shell' },
      source: {
        onDidChange: this.shellSourceChanged.event,
        getMessages: () => this.shellMessages,
        openMessage: () => undefined,
      },
    });
  }

  has(id: string): boolean {
    return this.sources.has(id);
  }

  get all(): readonly SourceEntry[] {
    return [...this.sources.values()];
  }

  /** Plugin sources only. */
  get pluginSources(): readonly SourceEntry[] {
    return [...this.sources.values()].filter((s) => s.pluginId !== undefined);
  }

  getSource(id: string): SourceEntry | undefined {
    return this.sources.get(id);
  }

  register(entry: SourceEntry): Disposable {
    if (this.sources.has(entry.id)) throw new Error(`Notification source "${entry.id}" is already registered`);
    this.sources.set(entry.id, entry);
    const subscription = entry.source.onDidChange(() => this.onDidChangeEmitter.fire());
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      subscription.dispose();
      if (this.sources.get(entry.id) === entry) this.sources.delete(entry.id);
      this.onDidChangeEmitter.fire();
    });
  }

  /** Every source's messages, newest first; a failing source is skipped (and logged). */
  get messages(): readonly PaneMessage[] {
    const all: PaneMessage[] = [];
    for (const entry of this.sources.values()) {
      let messages: readonly HostMessage[] = [];
      try {
        messages = entry.source.getMessages();
      } catch (error) {
        console.error(`Notification source "${entry.id}" failed`, error);
      }
      for (const message of messages)
        all.push({ key: `${entry.id}/${message.id}`, sourceId: entry.id, message });
    }
    return all.sort((a, b) => b.message.time - a.message.time);
  }

  /** Opens a message through its source (double-click or Enter in the pane). */
  openMessage(sourceId: string, messageId: string): void {
    try {
      this.sources.get(sourceId)?.source.openMessage(messageId);
    } catch (error) {
      console.error(`Opening message "${messageId}" of "${sourceId}" failed`, error);
      this.notify(msg('Dit bericht kon niet worden geopend.'), 'error');
    }
  }

  /** Adds a message of the shell itself (e.g. a refused plugin) to the pane. */
  post(text: string, severity: MessageSeverity = 'info'): HostMessage {
    const message: HostMessage = { id: `m${++this.shellSeq}`, text, severity, time: this.now() };
    this.shellMessages = [message, ...this.shellMessages];
    this.shellSourceChanged.fire();
    return message;
  }

  get toasts(): readonly Toast[] {
    return this.toastList;
  }

  notify(text: string, severity: MessageSeverity = 'info'): void {
    const toast: Toast = { id: ++this.toastSeq, text, severity };
    this.toastList = [...this.toastList, toast].slice(-5);
    this.onDidChangeEmitter.fire();
    setTimeout(() => this.dismissToast(toast.id), TOAST_MS);
  }

  dismissToast(id: number): void {
    if (!this.toastList.some((t) => t.id === id)) return;
    this.toastList = this.toastList.filter((t) => t.id !== id);
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
    this.shellSourceChanged.dispose();
  }
}
