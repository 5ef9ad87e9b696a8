// The parent page's side of the "tabs" of one till: same-origin iframes that each run
// tab-runtime.ts (a headless shell with the real plugin) on one shared database name.
import { expect } from '@open-wc/testing';
import type { TabCommand, TabConfig, TabMessage, TabRequest } from './tab-runtime.js';

/** What a document of a tab is started with, besides the till's settings. */
export type TabOptions = Pick<TabConfig, 'crashAfterHostCommits'>;

export const MINUTE = 60_000;

/**
 * Resolves once `check` holds; rejects after `timeoutMs` with `what` (and `detail()`, when given).
 * `check` runs every `intervalMs`: a check that reads much (all orders) should not run so often
 * that it slows down the tab it waits for.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
  detail?: () => string,
  intervalMs = 10,
): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}${detail ? `\n${detail()}` : ''}`);
    }
    await pause(intervalMs);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A request a tab sent to the provider, with the document that sent it and how it ended. */
export interface SeenRequest extends TabRequest {
  readonly frame: string;
  readonly doc: string;
  /** The HTTP status, or the error, once the answer reached the tab. */
  outcome?: number | string;
}

const isChanges = (request: TabRequest): boolean => request.method === 'GET' && request.path.startsWith('/v1/orders/changes');

/**
 * Tabs of one till. Every document reports to the parent by postMessage; a report from a document
 * its frame has since replaced still counts for what it did (requests), but not for the frame's state.
 */
export class Tabs {
  readonly frames = new Map<string, HTMLIFrameElement>();
  /** Every request any document of these tabs sent, in the order the parent heard of them. */
  readonly requests: SeenRequest[] = [];
  /** Uncaught errors (and failed starts) in any document of these tabs. */
  readonly errors: string[] = [];
  protected readonly currentDoc = new Map<string, string>();
  protected readonly ready = new Set<string>();
  protected readonly replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  protected nextCommand = 0;
  readonly test = `reliability:${crypto.randomUUID()}`;

  protected readonly onMessage = (event: MessageEvent<unknown>): void => {
    const message = event.data as TabMessage | null;
    if (!message || typeof message !== 'object' || message.test !== this.test) return;
    switch (message.kind) {
      case 'ready':
        this.ready.add(message.doc);
        break;
      case 'request':
        this.requests.push({
          frame: message.frame,
          doc: message.doc,
          seq: message.seq,
          method: message.method,
          path: message.path,
          ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}),
        });
        break;
      case 'response': {
        const request = this.requests.find((r) => r.doc === message.doc && r.seq === message.seq);
        if (request) request.outcome = message.status ?? message.error;
        break;
      }
      case 'error':
        this.errors.push(`${message.frame} (${message.doc.slice(0, 8)}): ${message.message}`);
        break;
      case 'reply': {
        const waiting = this.replies.get(message.id);
        this.replies.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(`Tab ${message.frame} failed a command: ${message.error}`));
        break;
      }
    }
  };

  constructor(
    /** The shell's database name: the till. */
    readonly dbName: string,
    protected readonly options: { readonly start: number; readonly apiKey: string },
  ) {
    window.addEventListener('message', this.onMessage);
  }

  /** Opens a tab of the till. */
  open(frame: string, options: TabOptions = {}): void {
    const element = document.createElement('iframe');
    this.frames.set(frame, element);
    this.load(frame, options);
    document.body.append(element);
  }

  /** Gives the frame a new document, as a reload of that tab does: the old document is gone at once. */
  load(frame: string, options: TabOptions = {}): void {
    const element = this.frames.get(frame);
    if (!element) throw new Error(`There is no tab ${frame}`);
    const doc = crypto.randomUUID();
    this.currentDoc.set(frame, doc);
    const config: TabConfig = { test: this.test, frame, doc, dbName: this.dbName, ...this.options, ...options };
    element.srcdoc = `<script type="module">
      import { runTab } from '/test/reliability/tab-runtime.ts';
      runTab(${JSON.stringify(config)});
    </script>`;
  }

  /** Closes the tab: removing its iframe ends its document. */
  remove(frame: string): void {
    this.frames.get(frame)?.remove();
    this.frames.delete(frame);
    this.currentDoc.delete(frame);
  }

  /** Whether the tab's iframe is gone from the page: closed, or crashed (it removed itself). */
  isGone(frame: string): boolean {
    return !this.frames.get(frame)?.isConnected;
  }

  isReady(frame: string): boolean {
    const doc = this.currentDoc.get(frame);
    return doc !== undefined && this.ready.has(doc);
  }

  allReady(): boolean {
    return [...this.frames.keys()].every((frame) => this.isReady(frame));
  }

  docOf(frame: string): string {
    const doc = this.currentDoc.get(frame);
    if (!doc) throw new Error(`There is no tab ${frame}`);
    return doc;
  }

  /** The changes requests (polls of the provider) sent by the frame's current document. */
  changesBy(frame: string): SeenRequest[] {
    const doc = this.currentDoc.get(frame);
    return this.requests.filter((r) => r.doc === doc && isChanges(r));
  }

  /** Every changes request, by any document. */
  allChanges(): SeenRequest[] {
    return this.requests.filter(isChanges);
  }

  /** The open frames whose current document has polled the provider. */
  polling(): string[] {
    return [...this.frames.keys()].filter((frame) => this.changesBy(frame).length > 0);
  }

  /** Requests whose answer has not reached their (current) document yet. */
  inFlight(): SeenRequest[] {
    const current = new Set(this.currentDoc.values());
    return this.requests.filter((r) => r.outcome === undefined && current.has(r.doc));
  }

  /** Moves the frame's virtual clock, running what falls due (a poll after the interval). */
  advance(frame: string, ms: number): Promise<unknown> {
    return this.command(frame, { cmd: 'advance', ms });
  }

  /** The plugin's stored orders, through its public API in that tab. */
  orders(frame: string): Promise<{ orderId: string; status: string }[]> {
    return this.command(frame, { cmd: 'orders' }) as Promise<{ orderId: string; status: string }[]>;
  }

  protected command(frame: string, command: TabCommand, timeoutMs = 5_000): Promise<unknown> {
    const element = this.frames.get(frame);
    if (!element?.contentWindow) return Promise.reject(new Error(`There is no tab ${frame}`));
    const id = ++this.nextCommand;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(new Error(`Tab ${frame} did not answer "${command.cmd}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.replies.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      element.contentWindow!.postMessage({ ...command, test: this.test, doc: this.docOf(frame), id }, '*');
    });
  }

  /** What the tabs did so far, for failure messages. */
  summary(): string {
    const frames = [...this.frames.keys()].map((frame) => `${frame}${this.isReady(frame) ? '' : ' (not ready)'}`);
    const requests = this.requests.map(
      (r) => `  ${r.frame}/${r.doc.slice(0, 8)} ${r.method} ${r.path} → ${r.outcome ?? 'pending'}`,
    );
    return [`tabs: ${frames.join(', ')}`, 'requests:', ...requests, ...this.errors.map((e) => `error: ${e}`)].join('\n');
  }

  dispose(): void {
    window.removeEventListener('message', this.onMessage);
    for (const frame of [...this.frames.keys()]) this.remove(frame);
    for (const waiting of this.replies.values()) waiting.reject(new Error('The tabs were closed'));
    this.replies.clear();
  }
}

/** Opens one throwaway tab so the dev server compiles the shell and the plugin; later tabs then load in a moment. */
export async function warmUpTabs(config: ConstructorParameters<typeof Tabs>[1]): Promise<void> {
  const warmUp = new Tabs(`reliability-warm-up-${crypto.randomUUID()}`, config);
  try {
    warmUp.open('warm-up');
    await until(() => warmUp.isReady('warm-up') || warmUp.errors.length > 0, 'a first tab to start', 50_000, () => warmUp.summary());
    expect(warmUp.errors, warmUp.summary()).to.deep.equal([]);
  } finally {
    warmUp.dispose();
  }
}
