import { expect } from '@open-wc/testing';
import { loadPlugin, PluginLoadError } from '../../../shell/plugin-loader.js';
import type { ShellHost } from '../../../shell/host/shell-host.js';
import { testHost } from './test-host.js';

const fixture = (name: string) => new URL(`../fixtures/${name}/plugin.json`, import.meta.url).href;

async function refusal(promise: Promise<unknown>): Promise<PluginLoadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PluginLoadError) return error;
    throw error;
  }
  throw new Error('expected the plugin to be refused');
}

describe('plugin loader', () => {
  let host: ShellHost;
  beforeEach(async () => (host = await testHost()));
  afterEach(() => host.dispose());

  it('refuses a plugin asking for a host API it cannot serve, saying why in the message pane', async () => {
    const error = await refusal(loadPlugin(host, fixture('future-plugin')));
    expect(error.reason).to.contain('Toekomstplug-in');
    expect(error.reason).to.contain('^2.0.0');
    expect(error.reason).to.contain('1.0.0');
    expect(host.messages.messages.map((m) => m.message.text)).to.deep.equal([error.reason]);
    expect(host.messages.messages[0]!.sourceId).to.equal('shell');
  });

  it('refuses a manifest that is missing or malformed', async () => {
    const missing = await refusal(loadPlugin(host, fixture('no-such-plugin')));
    expect(missing.reason).to.contain('404');
    const blob = URL.createObjectURL(new Blob(['{"id": "x"}'], { type: 'application/json' }));
    const malformed = await refusal(loadPlugin(host, blob));
    expect(malformed.reason).to.contain('"main" ontbreekt');
    expect(malformed.reason).to.contain('pos-shell');
  });

  it('loads a matching plugin; deactivate removes its contributions', async () => {
    const before = host.snapshot();
    const handle = await loadPlugin(host, fixture('test-plugin'));
    expect(handle.manifest.id).to.equal('test.fixture');
    const api = handle.api as { hellos(): number; apiVersion: string };
    expect(api.apiVersion).to.equal('1.0.0');
    const during = host.snapshot();
    expect(during.tiles).to.deep.equal(['fixture.tile']);
    expect(during.commands).to.deep.equal(['fixture.hello', 'fixture.never']);
    expect(during.menus['menubar/tools']).to.have.length(2);
    await host.executeCommand('fixture.hello');
    expect(api.hellos()).to.equal(1);
    await handle.deactivate();
    expect(host.snapshot()).to.deep.equal(before);
  });

  it('refuses to load the same plugin twice', async () => {
    const handle = await loadPlugin(host, fixture('test-plugin'));
    const error = await refusal(loadPlugin(host, fixture('test-plugin')));
    expect(error.reason).to.contain('al geladen');
    await handle.deactivate();
  });

  it('reports a plugin that fails to start and lets it clean up', async () => {
    const before = host.snapshot();
    const error = await refusal(loadPlugin(host, fixture('broken-plugin')));
    expect(error.reason).to.contain('Kapot bij het starten');
    expect(host.messages.messages[0]!.message.text).to.equal(error.reason);
    expect(host.snapshot()).to.deep.equal(before);
  });
});
