// Runs inside a same-origin iframe ("a tab of the till"): a headless shell on the till's shared
// databases with the real plugin loaded through /plugin.json. The tab tells its parent page what it
// does (every request it sends to the provider, its readiness, any uncaught error) and answers a few
// commands (move its virtual clock, list the plugin's orders). Nothing here reaches into the plugin:
// which tab polls and sends is seen from the requests each tab makes.
import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import { loadPlugin } from '../../shell/plugin-loader.js';
import type { LocallyPluginApi } from '../../src/api.js';
import type { PluginManifest } from '../../src/host/manifest.js';

/** What the parent page tells a tab when it creates it (through the iframe's srcdoc). */
export interface TabConfig {
  /** Tells this test's messages apart from other tests' (stale documents, other files). */
  readonly test: string;
  readonly frame: string;
  /** One id per document: a reload gives the frame a new one. */
  readonly doc: string;
  /** The shell's database name, shared by every tab of the till. */
  readonly dbName: string;
  /** Where the tab's virtual clock starts. */
  readonly start: number;
  readonly apiKey: string;
  /**
   * A crash at a chosen moment: right after the n-th host commit that created transactions (the
   * events of one commit count once), the tab removes its own iframe, so nothing after that commit
   * runs. Unset: the tab runs until the parent reloads or closes it.
   */
  readonly crashAfterHostCommits?: number;
}

/** A request to the provider's API, as the tab's fetch saw it. */
export interface TabRequest {
  readonly seq: number;
  readonly method: string;
  /** Path and query below the API's base, e.g. `/v1/orders/changes?limit=50`. */
  readonly path: string;
  readonly idempotencyKey?: string;
}

export type TabEvent =
  | { readonly kind: 'ready' }
  | ({ readonly kind: 'request' } & TabRequest)
  | { readonly kind: 'response'; readonly seq: number; readonly status?: number; readonly error?: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: boolean; readonly value?: unknown; readonly error?: string };

/** A message from a tab to its parent. */
export type TabMessage = TabEvent & { readonly test: string; readonly frame: string; readonly doc: string };

export type TabCommand =
  | { readonly cmd: 'advance'; readonly ms: number }
  | { readonly cmd: 'orders' };

/** A command from the parent to one document. */
export type TabCommandMessage = TabCommand & { readonly test: string; readonly doc: string; readonly id: number };

export const API_PATH = '/locally-api';

export async function runTab(config: TabConfig): Promise<void> {
  const post = (event: TabEvent): void => {
    const message: TabMessage = { ...event, test: config.test, frame: config.frame, doc: config.doc };
    parent.postMessage(message, '*');
  };
  window.addEventListener('error', (event) => post({ kind: 'error', message: String(event.message) }));
  window.addEventListener('unhandledrejection', (event) => post({ kind: 'error', message: describe(event.reason) }));

  watchProviderRequests(post);

  try {
    const clock = new ShellClock({ start: config.start, realTime: false });
    const host = await createShellHost({ dbName: config.dbName, clock, seed: false });
    if (config.crashAfterHostCommits) crashAfterHostCommits(host, config.crashAfterHostCommits);
    // A srcdoc document's location is about:srcdoc, which cannot resolve relative URLs; its base URL
    // is the parent page's, so the manifest and the provider are given as absolute URLs.
    const manifestUrl = new URL('/plugin.json', document.baseURI);
    const manifest = (await (await fetch(manifestUrl)).json()) as PluginManifest;
    await host.settings.forPlugin(manifest).update('locally.providerUrl', new URL(API_PATH, document.baseURI).href);
    // As shell/main.ts does for the embedded simulator: the demo key in the plugin's secret storage.
    await host.settings.secretsFor(manifest.id).store('locally.apiKey', config.apiKey);
    const plugin = await loadPlugin(host, manifestUrl);
    const api = plugin.api as LocallyPluginApi;

    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const command = event.data as Partial<TabCommandMessage> | null;
      if (!command || command.test !== config.test || command.doc !== config.doc || typeof command.id !== 'number') return;
      const id = command.id;
      run(command as TabCommandMessage).then(
        (value) => post({ kind: 'reply', id, ok: true, value }),
        (error: unknown) => post({ kind: 'reply', id, ok: false, error: describe(error) }),
      );
    });

    async function run(command: TabCommandMessage): Promise<unknown> {
      switch (command.cmd) {
        case 'advance':
          await clock.advanceAsync(command.ms);
          return clock.now();
        case 'orders':
          return (await api.getOrders()).map((order) => ({ orderId: order.orderId, status: order.status }));
      }
    }

    post({ kind: 'ready' });
  } catch (error) {
    post({ kind: 'error', message: `The tab did not start: ${describe(error)}` });
  }
}

/**
 * Ends this document right after its n-th host commit that created transactions: the transaction
 * service announces what a commit created synchronously once it committed, so removing the iframe
 * there leaves the rest of that run (the plugin's own commit) undone, as a crash at that moment would.
 */
function crashAfterHostCommits(host: ShellHost, commits: number): void {
  let seen = 0;
  let inCommit = false;
  host.data.transactions.onDidChange(({ kind }) => {
    if (kind !== 'created' || inCommit) return;
    // One commit's events come in one synchronous loop.
    inCommit = true;
    queueMicrotask(() => (inCommit = false));
    if (++seen === commits) window.frameElement?.remove();
  });
}

/** Reports every request to the provider's API that this document sends, and how it ended. */
function watchProviderRequests(post: (event: TabEvent) => void): void {
  const original = window.fetch.bind(window);
  let seq = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${API_PATH}/`)) return original(input, init);
    const current = ++seq;
    const idempotencyKey = request.headers.get('Idempotency-Key') ?? undefined;
    post({
      kind: 'request',
      seq: current,
      method: request.method,
      path: url.pathname.slice(API_PATH.length) + url.search,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const response = original(input, init);
    response.then(
      (answer) => post({ kind: 'response', seq: current, status: answer.status }),
      (error: unknown) => post({ kind: 'response', seq: current, error: describe(error) }),
    );
    return response;
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
