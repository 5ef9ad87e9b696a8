/**
 * `npm run bench`, activation (issue #8): on the reference shell's host (no UI, fresh databases),
 * - import: the dynamic import of the plugin's entry (`entry`: the built dist/ copy bench/run.mjs
 *   made, or the TypeScript source through the dev server), measured on its own, before;
 * - activation: from calling `activate(host)` until every contribution plugin.json declares is
 *   registered in the host's registries (tiles, message sources, panels, commands, and each menu's
 *   items in order, as test/integration/activation.test.ts checks them). Seen through the
 *   registries' change events, so the moment of the last registration counts, not when someone
 *   looked; also when `activate`'s promise resolved.
 * Then the plugin is deactivated and the host must be as before. ONE run per page load (the
 * entry's modules are fresh in every page); bench/run.mjs takes the medians.
 *
 * Query parameters: `run` (default 1), `entry` (default /src/index.ts).
 */
import { ShellClock } from '../shell/host/shell-clock.js';
import { createShellHost, type ShellHost } from '../shell/host/shell-host.js';
import type { PluginModule } from '../shell/plugin-loader.js';
import type { PluginManifest } from '../src/host/manifest.js';
import { deleteDatabases, intParams, progress, publish } from './bench-setup.js';

const NOW = Date.parse('2026-11-27T10:00:00+01:00');

export interface ActivationFigures {
  /** The dynamic import of the entry (its static imports included), ms. */
  readonly importMs: number;
  /** From calling activate(host) until the last declared contribution was registered, ms. */
  readonly activationMs: number;
  /** From calling activate(host) until its promise resolved, ms. */
  readonly activateReturnedMs: number;
  /** Module scripts loaded by the import (resource entries). */
  readonly importRequests: number;
  /** Of the import: until the last of those scripts had arrived (the rest is compiling and running them), ms. */
  readonly importFetchedMs: number;
  /**
   * Right after activation: from the command locally.openScreen until the panel's element exists:
   * the rest of the plugin's code (fetched after activation) and the screen's services loaded (empty
   * store: the loading, not the rendering), ms.
   */
  readonly screenOpenMs: number;
}

/** What the manifest declares, in the shape of ShellHost.snapshot(), as a string to compare. */
function declared(manifest: PluginManifest): string {
  const contributes = manifest.contributes;
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((item) => item.id).sort();
  const menus = Object.fromEntries(
    Object.entries(contributes.menus ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([menu, items]) => [menu, (items ?? []).map((item) => item.command)]),
  );
  return JSON.stringify({ tiles: ids(contributes.tiles), sources: ids(contributes.notificationSources), panels: ids(contributes.panels), commands: ids(contributes.commands), menus });
}

function declaredCount(manifest: PluginManifest): number {
  const contributes = manifest.contributes;
  const menuItems = Object.values(contributes.menus ?? {}).reduce((sum, items) => sum + (items?.length ?? 0), 0);
  return (contributes.tiles?.length ?? 0) + (contributes.notificationSources?.length ?? 0) + (contributes.panels?.length ?? 0) + (contributes.commands?.length ?? 0) + menuItems;
}

/** Registrations in the shell's registries, the shell's own included (counted before activation too). */
function registeredCount(shell: ShellHost): number {
  return shell.tiles.all.length + shell.messages.pluginSources.length + shell.panels.all.length + shell.commands.all.length + shell.menus.all.length;
}

function registered(shell: ShellHost): string {
  const snapshot = shell.snapshot();
  const menus = Object.fromEntries(Object.entries(snapshot.menus).map(([menu, items]) => [menu, items.map((item) => item.command)]));
  return JSON.stringify({ tiles: snapshot.tiles, sources: snapshot.sources, panels: snapshot.panels, commands: snapshot.commands, menus });
}

async function oneRun(): Promise<object> {
  const { run } = intParams({ run: 1 });
  const entry = new URLSearchParams(location.search).get('entry') ?? '/src/index.ts';
  const tag = `activation-bench-${run}-${crypto.randomUUID()}`;
  const shell = await createShellHost({ dbName: tag, clock: new ShellClock({ start: NOW, realTime: false }), seed: false });
  try {
    const manifest = (await (await fetch('/plugin.json')).json()) as PluginManifest;
    const expected = declared(manifest);
    const before = JSON.stringify(shell.snapshot());
    const host = shell.forPlugin(manifest);
    progress(`activation run ${run}: importing ${entry}`);

    const requestsBefore = performance.getEntriesByType('resource').length;
    const importStarted = performance.now();
    const module = (await import(/* @vite-ignore */ entry)) as PluginModule;
    const importMs = performance.now() - importStarted;
    const loaded = performance.getEntriesByType('resource').slice(requestsBefore) as PerformanceResourceTiming[];
    const importRequests = loaded.length;
    const importFetchedMs = Math.max(0, ...loaded.map((entry) => entry.responseEnd)) - importStarted;

    // Counted on every registry change, cheaply (array lengths): the full comparison builds the
    // shell's snapshot, which would be measured along with the plugin. It runs once, at the end.
    const expectedCount = declaredCount(manifest) + registeredCount(shell);
    let completeAt: number | undefined;
    const check = () => {
      if (completeAt === undefined && registeredCount(shell) >= expectedCount) completeAt = performance.now();
    };
    const listeners = [shell.tiles, shell.commands, shell.menus, shell.panels, shell.messages].map((registry) => registry.onDidChange(check));
    const activateStarted = performance.now();
    await module.activate(host);
    const activateReturnedMs = performance.now() - activateStarted;
    check();
    // A registration after activate resolved (a lazy one) still counts, when it comes.
    for (let waited = 0; completeAt === undefined && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const listener of listeners) listener.dispose();
    if (completeAt === undefined || registered(shell) !== expected) {
      throw new Error(`not every declared contribution was registered:\nexpected ${expected}\nregistered ${registered(shell)}`);
    }
    // For a trace (`--profile-activation=FILE`): the phase bench/trace-summary.mjs breaks down.
    performance.measure('bench:activate', { start: activateStarted, end: completeAt });
    const openStarted = performance.now();
    await shell.executeCommand('locally.openScreen');
    for (let waited = 0; !shell.panels.open.some((p) => p.id === 'locally.ecommerceScreen') && waited < 10_000; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const screenOpenMs = performance.now() - openStarted;
    shell.panels.open.find((p) => p.id === 'locally.ecommerceScreen')?.element.remove();
    const figures: ActivationFigures = {
      importMs,
      activationMs: completeAt - activateStarted,
      activateReturnedMs,
      importRequests,
      importFetchedMs,
      screenOpenMs,
    };

    await module.deactivate?.();
    const restored = JSON.stringify(shell.snapshot()) === before;
    progress(`activation run ${run}: import ${importMs.toFixed(1)} ms, activation ${figures.activationMs.toFixed(1)} ms`);
    return { params: { run, entry }, figures, restored, userAgent: navigator.userAgent };
  } finally {
    shell.dispose();
    await deleteDatabases(tag);
  }
}

publish(oneRun);
