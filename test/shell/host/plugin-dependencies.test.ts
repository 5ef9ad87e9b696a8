import { expect } from '@open-wc/testing';
import { loadPlugin, loadPlugins, PluginLoadError, type PluginHandle } from '../../../shell/plugin-loader.js';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import type { PosHost } from '../../../src/host/pos-host.js';
import { dependencyLog } from '../fixtures/dependency-log.js';
import { testHost, testManifest } from './test-host.js';

const fixture = (name: string) => new URL(`../fixtures/${name}/plugin.json`, import.meta.url).href;

interface UserApi {
  readonly base: { greet(name: string): string } | undefined;
  readonly host: PosHost;
}

const handle = (result: PluginHandle | PluginLoadError): PluginHandle => {
  if (result instanceof PluginLoadError) throw new Error(`unexpected refusal: ${result.reason}`);
  return result;
};

describe('plugin dependencies (extensionDependencies, host.plugins.getApi)', () => {
  let host: ShellHost;
  beforeEach(async () => {
    host = await testHost();
    dependencyLog.length = 0;
  });
  afterEach(() => host.dispose());

  it('activates a plugin’s dependencies first, whatever the order asked, and hands it their API', async () => {
    const before = host.snapshot();
    const [user, base] = (await loadPlugins(host, [fixture('dependency-user'), fixture('dependency-base')])).map(handle);
    expect(dependencyLog).to.deep.equal(['activate test.base', 'activate test.user (Hallo user)']);
    const api = user!.api as UserApi;
    expect(api.base).to.equal(base!.api);
    expect(host.plugins.api('test.user')).to.equal(user!.api);
    await base!.deactivate();
    expect(host.snapshot()).to.deep.equal(before);
  });

  it('refuses a plugin whose dependency is not loaded, saying why, without running it', async () => {
    const [result] = await loadPlugins(host, [fixture('dependency-user')]);
    expect(result).to.be.instanceOf(PluginLoadError);
    const reason = (result as PluginLoadError).reason;
    expect(reason).to.contain('Gebruikende plug-in');
    expect(reason).to.contain('"test.base"');
    expect(reason).to.contain('niet geladen');
    expect(host.messages.messages.map((m) => m.message.text)).to.deep.equal([reason]);
    expect(dependencyLog).to.deep.equal([]);
    expect(host.plugins.get('test.user')).to.equal(undefined);

    // Loaded on its own, the same.
    let refused: unknown;
    await loadPlugin(host, fixture('dependency-user')).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(PluginLoadError);
  });

  it('refuses a plugin whose dependency failed to start, naming it; the others still load', async () => {
    const results = await loadPlugins(host, [fixture('needs-broken'), fixture('broken-plugin'), fixture('dependency-base')]);
    expect(results[1]).to.be.instanceOf(PluginLoadError);
    expect(results[0]).to.be.instanceOf(PluginLoadError);
    expect((results[0] as PluginLoadError).reason).to.contain('"test.broken"');
    expect((results[0] as PluginLoadError).reason).to.contain('kon niet starten');
    expect(dependencyLog).to.deep.equal(['activate test.base']);
    expect(handle(results[2]!).manifest.id).to.equal('test.base');
    // Broken first, then the one that needed it: both in the message pane.
    expect(host.messages.messages.map((m) => m.message.text)).to.have.length(2);
  });

  it('answers getApi only for the ids a plugin declared; undefined once the dependency is off', async () => {
    const [base, user] = (await loadPlugins(host, [fixture('dependency-base'), fixture('dependency-user')])).map(handle);
    const userHost = (user!.api as UserApi).host;
    expect(userHost.plugins.getApi('test.base')).to.equal(base!.api);
    expect(() => userHost.plugins.getApi('test.other')).to.throw(/test\.other.*extensionDependencies/);
    // A plugin without dependencies may ask for none, not even an active one.
    expect(() => host.forPlugin(testManifest).plugins.getApi('test.base')).to.throw(/extensionDependencies/);
    await base!.deactivate();
    expect(userHost.plugins.getApi('test.base')).to.equal(undefined);
  });

  it('switching a dependency off first switches off its dependants', async () => {
    const [base, user] = (await loadPlugins(host, [fixture('dependency-base'), fixture('dependency-user')])).map(handle);
    await base!.deactivate();
    expect(dependencyLog.slice(2)).to.deep.equal(['deactivate test.user', 'deactivate test.base']);
    expect(host.plugins.all).to.deep.equal([]);
    // Its own handle then does nothing more.
    await user!.deactivate();
    expect(dependencyLog).to.have.length(4);
    // Both can be loaded again.
    (await loadPlugins(host, [fixture('dependency-user'), fixture('dependency-base')])).map(handle);
    expect(host.plugins.all.map((p) => p.manifest.id).sort()).to.deep.equal(['test.base', 'test.user']);
  });
});
