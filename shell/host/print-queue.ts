import { Emitter, type Event } from '../../src/common/event.js';
import type { PrintDocument, PrintService } from '../../src/host/printing.js';

export interface PrintRequest {
  readonly id: number;
  readonly document: PrintDocument;
  /** Ends the preview: `true` when printed, `false` when closed without printing. */
  complete(printed: boolean): void;
}

export interface PrintedDocument {
  readonly title: string;
  readonly format: PrintDocument['format'];
  /** The document's text, for tests and the log. */
  readonly text: string;
  readonly time: number;
}

/**
 * Print previews waiting for a person (the UI shows them as "Afdrukvoorbeeld"), and the log of
 * what was printed. Headless tests complete {@link pending} requests or switch on {@link autoPrint}.
 */
export class PrintQueue implements PrintService {
  protected queue: PrintRequest[] = [];
  protected seq = 0;
  protected waiters: { title?: string; resolve: (r: PrintRequest) => void }[] = [];
  protected printedList: PrintedDocument[] = [];
  /** When set, every document prints at once without a preview. */
  autoPrint = false;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  constructor(protected readonly now: () => number) {}

  get pending(): readonly PrintRequest[] {
    return this.queue;
  }

  /** Everything printed so far, oldest first. */
  get printed(): readonly PrintedDocument[] {
    return this.printedList;
  }

  print(document: PrintDocument): Promise<boolean> {
    if (this.autoPrint) {
      this.log(document);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const request: PrintRequest = {
        id: ++this.seq,
        document,
        complete: (printed) => {
          if (!this.queue.includes(request)) return;
          if (printed) this.log(document);
          this.queue = this.queue.filter((r) => r !== request);
          this.onDidChangeEmitter.fire();
          resolve(printed);
        },
      };
      this.queue = [...this.queue, request];
      this.onDidChangeEmitter.fire();
      const ready = this.waiters.filter((w) => w.title === undefined || w.title === document.title);
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const waiter of ready) waiter.resolve(request);
    });
  }

  /** The first pending print with this title (any when omitted), now or once it is asked. */
  waitFor(title?: string): Promise<PrintRequest> {
    const found = this.queue.find((r) => title === undefined || r.document.title === title);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ title, resolve }));
  }

  protected log(document: PrintDocument): void {
    this.printedList = [
      ...this.printedList,
      { title: document.title, format: document.format, text: document.content.textContent ?? '', time: this.now() },
    ];
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
