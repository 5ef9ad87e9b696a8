import { msg, str } from '@lit/localize';
import type { PluginManifest } from '../src/host/manifest.js';
import { HOST_API_VERSION, type PosHost } from '../src/host/pos-host.js';
import type { ShellHost } from './host/shell-host.js';
import { parseVersion, satisfies, validRange } from './semver.js';

/** What a plugin's main module exports. */
export interface PluginModule {
  activate(host: PosHost): unknown;
  deactivate?(): unknown;
}

/** A loaded, activated plugin. */
export interface PluginHandle {
  readonly manifest: PluginManifest;
  /** What `activate` returned: the plugin's public API. */
  readonly api: unknown;
  /** Calls the module's `deactivate()`; the plugin removes its contributions. */
  deactivate(): Promise<void>;
}

/** A plugin the shell did not load or start; `reason` is the text shown in the message pane. */
export class PluginLoadError extends Error {
  constructor(
    readonly reason: string,
    readonly manifestUrl: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'PluginLoadError';
  }
}

/** Plugins loaded per host, so the same plugin is not started twice. */
const loaded = new WeakMap<ShellHost, Set<string>>();

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problems that keep a manifest from being used, in words a person can act on. */
function manifestProblems(value: unknown): string[] {
  if (!isObject(value)) return [msg('plugin.json is geen object')];
  const problems: string[] = [];
  for (const field of ['id', 'name', 'version', 'main'] as const)
    if (typeof value[field] !== 'string' || value[field] === '') problems.push(msg(str`"${field}" ontbreekt`));
  if (typeof value.version === 'string') {
    try {
      parseVersion(value.version);
    } catch {
      problems.push(msg(str`"version" (${value.version}) is geen versienummer`));
    }
  }
  if (!isObject(value.engines) || typeof value.engines['pos-shell'] !== 'string')
    problems.push(msg('"engines" noemt geen "pos-shell"-versie'));
  if (value.activationEvents !== undefined && !Array.isArray(value.activationEvents))
    problems.push(msg('"activationEvents" is geen lijst'));
  if (!isObject(value.contributes)) problems.push(msg('"contributes" ontbreekt'));
  return problems;
}

function displayName(manifest: Partial<PluginManifest>, host: ShellHost): string {
  return (manifest.displayName ? host.locale.text(manifest.displayName) : undefined) ?? manifest.name ?? manifest.id ?? '?';
}

/**
 * Loads a plugin as an installed one: reads its manifest, checks that this shell can serve the
 * host API version it asks for, imports its `main` relative to the manifest, and activates it with
 * its scoped host. A plugin that is refused or fails to start is reported in the message pane and
 * the promise rejects with a {@link PluginLoadError} carrying the same reason.
 */
export async function loadPlugin(host: ShellHost, manifestUrl: string | URL): Promise<PluginHandle> {
  const url = new URL(manifestUrl, globalThis.document?.baseURI ?? globalThis.location?.href).href;
  const refuse = (reason: string, cause?: unknown): never => {
    host.messages.post(reason, 'error');
    if (cause !== undefined) console.error(reason, cause);
    throw new PluginLoadError(reason, url, { cause });
  };

  let raw: unknown;
  try {
    const response = await fetch(url);
    if (!response.ok) refuse(msg(str`Plug-in niet geladen: ${url} gaf ${response.status}.`));
    raw = await response.json();
  } catch (error) {
    if (error instanceof PluginLoadError) throw error;
    refuse(msg(str`Plug-in niet geladen: ${url} is geen leesbare plugin.json.`), error);
  }

  const problems = manifestProblems(raw);
  if (problems.length > 0) refuse(msg(str`Plug-in niet geladen: plugin.json klopt niet (${problems.join('; ')}).`));
  const manifest = raw as PluginManifest;
  const name = displayName(manifest, host);
  const range = manifest.engines['pos-shell'];

  if (!validRange(range))
    refuse(msg(str`Plug-in "${name}" niet geladen: de gevraagde shell-versie "${range}" is onleesbaar.`));
  if (!satisfies(HOST_API_VERSION, range))
    refuse(
      msg(
        str`Plug-in "${name}" ${manifest.version} niet geladen: deze vraagt POS-shell ${range}, deze kassa biedt ${HOST_API_VERSION}.`,
      ),
    );

  const ids = loaded.get(host) ?? new Set<string>();
  loaded.set(host, ids);
  if (ids.has(manifest.id)) refuse(msg(str`Plug-in "${name}" is al geladen.`));

  let module: PluginModule;
  try {
    module = (await import(/* @vite-ignore */ new URL(manifest.main, url).href)) as PluginModule;
  } catch (error) {
    return refuse(msg(str`Plug-in "${name}" niet geladen: ${manifest.main} kon niet worden ingelezen.`), error);
  }
  if (typeof module.activate !== 'function')
    refuse(msg(str`Plug-in "${name}" niet geladen: ${manifest.main} heeft geen activate().`));

  ids.add(manifest.id);
  let api: unknown;
  try {
    api = await module.activate(host.forPlugin(manifest));
  } catch (error) {
    ids.delete(manifest.id);
    // Let the plugin undo what it registered before it failed.
    try {
      await module.deactivate?.();
    } catch (cleanupError) {
      console.error(cleanupError);
    }
    return refuse(msg(str`Plug-in "${name}" kon niet starten: ${errorText(error)}`), error);
  }

  let active = true;
  return {
    manifest,
    api,
    async deactivate() {
      if (!active) return;
      active = false;
      ids.delete(manifest.id);
      // Its settings leave the settings screen with it; the stored values stay for its next start.
      host.settings.forgetPlugin(manifest.id);
      try {
        await module.deactivate?.();
      } catch (error) {
        const reason = msg(str`Plug-in "${name}" kon niet netjes stoppen: ${errorText(error)}`);
        host.messages.post(reason, 'error');
        throw new PluginLoadError(reason, url, { cause: error });
      }
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
