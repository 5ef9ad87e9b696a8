/**
 * A test host for plugin developers' own unit tests: the reference shell's real host (registries,
 * IndexedDB data, settings, session, clock) without its UI, on fresh databases of its own.
 *
 * Not part of the shipped plugin: `src/index.ts` never imports this entry, so nothing here (nor the
 * shell it builds on) is in the activation bundle. Import it from tests only.
 *
 * ```ts
 * import { createTestHost } from '…/src/testing/index.js';
 *
 * const test = await createTestHost({ manifest: myManifest });
 * const locally = await test.loadLocally();          // the Locally plugin, as the shell loads it
 * const registration = locally.registerOrderColumn(myColumn);
 * await myPlugin.activate(test.host);                 // your plugin, against the same shell
 * …
 * registration.dispose();
 * await test.dispose();                               // deactivates what it loaded, closes the databases
 * ```
 * @module
 */
import { createShellHost, type ShellHost } from '../../shell/host/shell-host.js';
import { ShellClock } from '../../shell/host/shell-clock.js';
import { loadPlugin } from '../../shell/plugin-loader.js';
import type { LocallyPluginApi } from '../api.js';
import type { PluginManifest, PosHost } from '../host/index.js';

export interface TestHostOptions {
  /** The manifest of the plugin under test; its registrations are checked against it as in the shell. Default: an empty one. */
  readonly manifest?: PluginManifest;
  /** Fill the shell with the demo bike shop (2,000 products, 500 customers). Default false: an empty shop. */
  readonly seed?: boolean;
  /** Where the clock starts, epoch ms. Default: now. */
  readonly now?: number;
  /** Let the clock run by itself. Default false: time moves only by {@link TestHost.clock}`.advance(ms)`. */
  readonly realTime?: boolean;
  /** Who is signed in: "anne" (default, every permission), "bram" or "chris". */
  readonly userId?: string;
}

export interface TestHost {
  /** The host your plugin's `activate` gets, scoped to the manifest. */
  readonly host: PosHost;
  /** The whole shell: `snapshot()` (what plugins contributed), `messages`, `data`, `settings`, … */
  readonly shell: ShellHost;
  /** The shell's clock: `advance(ms)` moves time (polls, deadlines, timers). */
  readonly clock: ShellClock;
  /** Loads and activates the Locally eCommerce plugin into this shell as the shell does, and returns its API. */
  loadLocally(manifestUrl?: string): Promise<LocallyPluginApi>;
  /** Deactivates what {@link loadLocally} loaded, then closes the shell and its clock. */
  dispose(): Promise<void>;
}

/** A minimal manifest for a plugin that contributes nothing to the shell itself. */
export const EMPTY_TEST_MANIFEST: PluginManifest = Object.freeze({
  id: 'test.plugin',
  name: 'test-plugin',
  version: '0.0.0',
  main: 'index.js',
  engines: { 'pos-shell': '^1.0.0' },
  activationEvents: ['onStartupFinished'],
  contributes: {},
});

/**
 * Builds a test host on fresh, uniquely named databases (so tests never see each other's data) with
 * a clock that stands still unless told otherwise.
 */
export async function createTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const clock = new ShellClock({ start: options.now ?? Date.now(), realTime: options.realTime ?? false });
  const shell = await createShellHost({
    dbName: `test-host-${crypto.randomUUID()}`,
    clock,
    seed: options.seed ?? false,
    ...(options.userId ? { userId: options.userId } : {}),
  });
  const loaded: (() => Promise<void>)[] = [];
  return {
    host: shell.forPlugin(options.manifest ?? EMPTY_TEST_MANIFEST),
    shell,
    clock,
    async loadLocally(manifestUrl = '/plugin.json') {
      const handle = await loadPlugin(shell, manifestUrl);
      loaded.push(() => handle.deactivate());
      return handle.api as LocallyPluginApi;
    },
    async dispose() {
      // Once: a test may dispose early and its afterEach again.
      for (const deactivate of loaded.splice(0).reverse()) await deactivate();
      shell.dispose();
    },
  };
}
