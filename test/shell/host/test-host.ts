import { createShellHost, type ShellHost } from '../../../shell/host/shell-host.js';
import { ShellClock } from '../../../shell/host/shell-clock.js';
import type { PluginManifest } from '../../../src/host/manifest.js';

export const TEST_START = Date.parse('2026-03-03T10:00:00+01:00');

/** A headless shell on its own database, with a clock that only moves when told. */
export function testHost(options: { seed?: boolean } = {}): Promise<ShellHost> {
  return createShellHost({
    dbName: `shell-test-${crypto.randomUUID()}`,
    clock: new ShellClock({ start: TEST_START, realTime: false }),
    seed: options.seed ?? false,
  });
}

/** A manifest with one of each contribution. */
export const testManifest: PluginManifest = {
  id: 'test.plugin',
  name: 'test-plugin',
  version: '1.0.0',
  main: 'index.js',
  engines: { 'pos-shell': '^1.0.0' },
  activationEvents: [],
  contributes: {
    tiles: [{ id: 't.tile', title: { nl: 'Tegel', en: 'Tile' } }],
    notificationSources: [{ id: 't.source', title: { nl: 'Bron', en: 'Source' } }],
    panels: [{ id: 't.panel', title: { nl: 'Paneel', en: 'Panel' } }],
    commands: [
      { id: 't.run', title: { nl: 'Uitvoeren', en: 'Run' } },
      {
        id: 't.blocked',
        title: { nl: 'Geblokkeerd', en: 'Blocked' },
        enablementReason: { nl: 'Reden uit het manifest', en: 'Reason from the manifest' },
      },
    ],
    configuration: {
      title: { nl: 'Test', en: 'Test' },
      properties: {
        't.count': { type: 'number', default: 5, title: { nl: 'Aantal', en: 'Count' } },
        't.hours': { type: 'object', default: { mon: [] }, title: { nl: 'Uren', en: 'Hours' } },
        't.key': { type: 'string', default: '', secret: true, title: { nl: 'Sleutel', en: 'Key' } },
      },
    },
  },
};
