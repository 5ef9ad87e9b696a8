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
  if (
    value.extensionDependencies !== undefined &&
    !(Array.isArray(value.extensionDependencies) && value.extensionDependencies.every((id) => typeof id === 'string' && id !== ''))
  )
    problems.push(msg('"extensionDependencies" is geen lijst van plug-in-id\'s'));
  if (!isObject(value.contributes)) problems.push(msg('"contributes" ontbreekt'));
  return problems;
}

function displayName(manifest: Partial<PluginManifest>, host: ShellHost): string {
  return (manifest.displayName ? host.locale.text(manifest.displayName) : undefined) ?? manifest.name ?? manifest.id ?? '?';
}

/**
 * Loads a plugin as an installed one: reads its manifest, checks that this shell can serve the
 * host API version it asks for and that the plugins it names in `extensionDependencies` are active,
 * imports its `main` relative to the manifest, and activates it with its scoped host. A plugin that
 * is refused or fails to start is reported in the message pane and the promise rejects with a
 * {@link PluginLoadError} carrying the same reason.
 */
export async function loadPlugin(host: ShellHost, manifestUrl: string | URL): Promise<PluginHandle> {
  const url = absolute(manifestUrl);
  return activatePlugin(host, url, await readManifest(host, url));
}

/**
 * Loads several plugins as the shell starts: reads every manifest first, then activates each after
 * the plugins it depends on (`extensionDependencies`), whatever the order of `manifestUrls`. Each
 * settles on its own, in the order given: its handle, or the {@link PluginLoadError} saying why it
 * was refused (a plugin whose dependency is missing or failed is refused, the others still load).
 */
export async function loadPlugins(host: ShellHost, manifestUrls: readonly (string | URL)[]): Promise<(PluginHandle | PluginLoadError)[]> {
  const urls = manifestUrls.map(absolute);
  const read = await Promise.all(urls.map((url) => readManifest(host, url).catch((error: unknown) => asLoadError(error, url))));
  const results: (PluginHandle | PluginLoadError | undefined)[] = read.map((entry) => (entry instanceof PluginLoadError ? entry : undefined));
  const byId = new Map<string, number>();
  read.forEach((entry, i) => {
    if (!(entry instanceof PluginLoadError)) byId.set(entry.id, i);
  });
  const visiting = new Set<number>();
  const activateInOrder = async (i: number): Promise<void> => {
    const manifest = read[i];
    if (results[i] || visiting.has(i) || !manifest || manifest instanceof PluginLoadError) return;
    visiting.add(i);
    // Its dependencies first (a cycle is not followed: the plugin is then refused for a missing one).
    for (const dependency of manifest.extensionDependencies ?? []) {
      const j = byId.get(dependency);
      if (j !== undefined) await activateInOrder(j);
    }
    results[i] = await activatePlugin(host, urls[i]!, manifest).catch((error: unknown) => asLoadError(error, urls[i]!));
  };
  for (let i = 0; i < urls.length; i++) await activateInOrder(i);
  return results.map((result, i) => result ?? asLoadError(new Error('not loaded'), urls[i]!));
}

function absolute(manifestUrl: string | URL): string {
  return new URL(manifestUrl, globalThis.document?.baseURI ?? globalThis.location?.href).href;
}

function asLoadError(error: unknown, url: string): PluginLoadError {
  return error instanceof PluginLoadError ? error : new PluginLoadError(errorText(error), url, { cause: error });
}

/** Reports `reason` in the message pane and throws it as a {@link PluginLoadError}. */
function refuser(host: ShellHost, url: string, pluginId?: string) {
  return (reason: string, cause?: unknown): never => {
    host.messages.post(reason, 'error');
    if (cause !== undefined) console.error(reason, cause);
    // Remembered, so a plugin that depends on this one is refused saying why.
    if (pluginId) host.plugins.fail(pluginId, reason);
    throw new PluginLoadError(reason, url, { cause });
  };
}

/** Fetches and checks a plugin.json; rejects (reported) when it cannot be used. */
async function readManifest(host: ShellHost, url: string): Promise<PluginManifest> {
  const refuse = refuser(host, url);
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
  if (problems.length > 0) {
    const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    refuser(host, url, id)(msg(str`Plug-in niet geladen: plugin.json klopt niet (${problems.join('; ')}).`));
  }
  return raw as PluginManifest;
}

/** Checks what a read manifest asks of this shell, then imports and activates the plugin. */
async function activatePlugin(host: ShellHost, url: string, manifest: PluginManifest): Promise<PluginHandle> {
  const name = displayName(manifest, host);
  const range = manifest.engines['pos-shell'];
  if (host.plugins.get(manifest.id)) refuser(host, url)(msg(str`Plug-in "${name}" is al geladen.`));
  const refuse = refuser(host, url, manifest.id);

  if (!validRange(range))
    refuse(msg(str`Plug-in "${name}" niet geladen: de gevraagde shell-versie "${range}" is onleesbaar.`));
  if (!satisfies(HOST_API_VERSION, range))
    refuse(
      msg(
        str`Plug-in "${name}" ${manifest.version} niet geladen: deze vraagt POS-shell ${range}, deze kassa biedt ${HOST_API_VERSION}.`,
      ),
    );
  for (const dependency of manifest.extensionDependencies ?? []) {
    if (host.plugins.failure(dependency) !== undefined)
      refuse(msg(str`Plug-in "${name}" niet geladen: de plug-in "${dependency}" waarvan deze afhangt kon niet starten.`));
    if (host.plugins.get(dependency)?.state !== 'active')
      refuse(msg(str`Plug-in "${name}" niet geladen: deze heeft de plug-in "${dependency}" nodig, die niet geladen is.`));
  }

  let module: PluginModule;
  try {
    module = (await import(/* @vite-ignore */ new URL(manifest.main, url).href)) as PluginModule;
  } catch (error) {
    return refuse(msg(str`Plug-in "${name}" niet geladen: ${manifest.main} kon niet worden ingelezen.`), error);
  }
  if (typeof module.activate !== 'function')
    refuse(msg(str`Plug-in "${name}" niet geladen: ${manifest.main} heeft geen activate().`));

  let active = true;
  const deactivate = async (): Promise<void> => {
    if (!active) return;
    active = false;
    // Its dependants first: they use its API until they are switched off.
    for (const dependant of host.plugins.dependantsOf(manifest.id)) {
      try {
        await dependant.deactivate();
      } catch (error) {
        console.error(error);
      }
    }
    registration.dispose();
    // Its settings leave the settings screen with it; the stored values stay for its next start.
    host.settings.forgetPlugin(manifest.id);
    try {
      await module.deactivate?.();
    } catch (error) {
      const reason = msg(str`Plug-in "${name}" kon niet netjes stoppen: ${errorText(error)}`);
      host.messages.post(reason, 'error');
      throw new PluginLoadError(reason, url, { cause: error });
    }
  };
  // Known from the start of its activation, so it is not started twice meanwhile.
  const registration = host.plugins.add({ manifest, api: undefined, state: 'activating', deactivate });
  let api: unknown;
  try {
    api = await module.activate(host.forPlugin(manifest));
  } catch (error) {
    active = false;
    registration.dispose();
    // Let the plugin undo what it registered before it failed.
    try {
      await module.deactivate?.();
    } catch (cleanupError) {
      console.error(cleanupError);
    }
    return refuse(msg(str`Plug-in "${name}" kon niet starten: ${errorText(error)}`), error);
  }
  if (active) host.plugins.replace({ manifest, api, state: 'active', deactivate });
  return { manifest, api, deactivate };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
