import { Emitter, type Event } from '../../src/common/event.js';
import {
  CLOSE_DIALOG_EVENT,
  type ConfirmOptions,
  type DialogService,
  type ModalHandle,
  type ModalOptions,
} from '../../src/host/dialogs.js';

export interface ConfirmRequest {
  readonly kind: 'confirm';
  readonly id: number;
  readonly title: string;
  readonly message: string;
  readonly actions: ConfirmOptions['actions'];
  /** Chooses an action by id, or closes without one ("Sluiten", Escape). */
  answer(actionId?: string): void;
}

export interface ModalRequest {
  readonly kind: 'modal';
  readonly id: number;
  readonly title: string;
  readonly content: HTMLElement;
  close(): void;
}

export type DialogRequest = ConfirmRequest | ModalRequest;

interface Waiter {
  readonly title: string | undefined;
  readonly resolve: (request: DialogRequest) => void;
}

/**
 * The open dialogs, oldest first (the last one is on top). The UI renders them as modal dialogs;
 * headless tests read {@link pending} and answer them, or set answers in advance.
 */
export class DialogQueue implements DialogService {
  protected queue: DialogRequest[] = [];
  protected seq = 0;
  protected waiters: Waiter[] = [];
  protected presets: { title: string; actionId: string | undefined }[] = [];
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  get pending(): readonly DialogRequest[] {
    return this.queue;
  }

  showModal(options: ModalOptions): ModalHandle {
    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    const onCloseRequest = (event: globalThis.Event) => {
      event.stopPropagation();
      close();
    };
    const close = () => {
      if (!this.queue.includes(request)) return;
      options.content.removeEventListener(CLOSE_DIALOG_EVENT, onCloseRequest);
      this.remove(request);
      resolveClosed();
    };
    const request: ModalRequest = {
      kind: 'modal',
      id: ++this.seq,
      title: options.title,
      content: options.content,
      close,
    };
    options.content.addEventListener(CLOSE_DIALOG_EVENT, onCloseRequest);
    this.add(request);
    return { closed, dispose: close };
  }

  confirm(options: ConfirmOptions): Promise<string | undefined> {
    return new Promise((resolve) => {
      const preset = this.presets.findIndex((p) => p.title === options.title);
      if (preset >= 0) {
        const [answer] = this.presets.splice(preset, 1);
        resolve(answer?.actionId);
        return;
      }
      const request: ConfirmRequest = {
        kind: 'confirm',
        id: ++this.seq,
        title: options.title,
        message: options.message,
        actions: options.actions,
        answer: (actionId) => {
          if (!this.queue.includes(request)) return;
          if (actionId !== undefined && !options.actions.some((a) => a.id === actionId))
            throw new Error(`Dialog "${options.title}" has no action "${actionId}"`);
          this.remove(request);
          resolve(actionId);
        },
      };
      this.add(request);
    });
  }

  /** The first pending dialog with this title (any when omitted), now or once it opens. */
  waitFor(title?: string): Promise<DialogRequest> {
    const found = this.queue.find((r) => title === undefined || r.title === title);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ title, resolve }));
  }

  /** Answers the pending confirm dialog with this title; throws when there is none. */
  answer(title: string, actionId?: string): void {
    const request = this.queue.find((r): r is ConfirmRequest => r.kind === 'confirm' && r.title === title);
    if (!request) throw new Error(`No dialog "${title}" is open`);
    request.answer(actionId);
  }

  /** Answers the next confirm dialog with this title as soon as it is asked, without showing it (headless flows). */
  answerWhenAsked(title: string, actionId: string | undefined): void {
    this.presets.push({ title, actionId });
  }

  /** Closes every dialog (e.g. on reset), answering confirms with "closed". */
  closeAll(): void {
    for (const request of [...this.queue]) {
      if (request.kind === 'confirm') request.answer(undefined);
      else request.close();
    }
  }

  protected add(request: DialogRequest): void {
    this.queue = [...this.queue, request];
    this.onDidChangeEmitter.fire();
    const ready = this.waiters.filter((w) => w.title === undefined || w.title === request.title);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(request);
  }

  protected remove(request: DialogRequest): void {
    this.queue = this.queue.filter((r) => r !== request);
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
