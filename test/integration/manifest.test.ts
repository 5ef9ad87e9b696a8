import { expect } from '@open-wc/testing';
import type { Container } from 'inversify';
import { ContributionProvider } from '../../src/common/contribution-provider.js';
import { CommandIds, NotificationSourceIds, PanelIds, TileIds } from '../../src/contributions/contribution-ids.js';
import {
  CommandContribution,
  NotificationSourceContribution,
  PanelContribution,
  TileContribution,
} from '../../src/contributions/host-contribution-points.js';
import type { PluginManifest } from '../../src/host/manifest.js';
import { createPluginContainer } from '../../src/plugin-container.js';
import { OrderStore } from '../../src/services/store/order-store.js';
import { fetchManifest, startShell } from '../helpers/plugin-fixture.js';

function contributions<T extends object>(container: Container, point: symbol): readonly T[] {
  return container.get<ContributionProvider<T>>(ContributionProvider, { name: point }).getContributions();
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('plugin.json and the code agree', () => {
  let manifest: PluginManifest;
  let container: Container;
  let dispose: () => void;

  before(async () => {
    manifest = await fetchManifest();
    const { shell } = await startShell();
    container = createPluginContainer(shell.forPlugin(manifest));
    dispose = () => {
      container.get(OrderStore).dispose();
      shell.dispose();
    };
  });
  after(() => dispose());

  it('every declared command has exactly one handler, and every handler a declaration', () => {
    const handled = contributions<CommandContribution>(container, CommandContribution).map((c) => c.commandId);
    expect(sorted(handled)).to.deep.equal(sorted(manifest.contributes.commands!.map((c) => c.id)));
    expect(new Set(handled).size).to.equal(handled.length);
  });

  it('every declared tile, message source and panel has an implementation, and the other way round', () => {
    expect(sorted(contributions<TileContribution>(container, TileContribution).map((t) => t.tileId))).to.deep.equal(
      sorted(manifest.contributes.tiles!.map((t) => t.id)),
    );
    expect(
      sorted(contributions<NotificationSourceContribution>(container, NotificationSourceContribution).map((s) => s.sourceId)),
    ).to.deep.equal(sorted(manifest.contributes.notificationSources!.map((s) => s.id)));
    expect(sorted(contributions<PanelContribution>(container, PanelContribution).map((p) => p.panelId))).to.deep.equal(
      sorted(manifest.contributes.panels!.map((p) => p.id)),
    );
  });

  it('the ids the code names are the manifest ids', () => {
    const declared = new Set([
      ...manifest.contributes.commands!.map((c) => c.id),
      ...manifest.contributes.tiles!.map((t) => t.id),
      ...manifest.contributes.panels!.map((p) => p.id),
      ...manifest.contributes.notificationSources!.map((s) => s.id),
    ]);
    for (const id of [CommandIds, TileIds, PanelIds, NotificationSourceIds].flatMap((ids) => Object.values(ids))) {
      expect(declared.has(id), id).to.equal(true);
    }
  });

  it('menus place only declared commands, with when clauses over known keys', () => {
    const commands = new Set(manifest.contributes.commands!.map((c) => c.id));
    const knownKeys = /^(!?)(transaction\.(isEcommerce|source|keptOpen|finalized)|session\.permission\.[\w.]+)$/;
    for (const [menu, items] of Object.entries(manifest.contributes.menus!)) {
      for (const item of items) {
        expect(commands.has(item.command), `${menu} › ${item.command}`).to.equal(true);
        for (const term of item.when?.split(/\s*(?:&&|\|\|)\s*/) ?? []) expect(term, item.command).to.match(knownKeys);
      }
    }
    // The transaction buttons belong to eCommerce transactions only (DESIGN §3).
    expect(manifest.contributes.menus!['transaction/toolbar']![0]!.when).to.equal('transaction.isEcommerce');
    expect(manifest.contributes.menus!['transaction/payments']![0]!.when).to.equal('transaction.isEcommerce');
  });

  it('every title a person reads is there in Dutch and English', () => {
    const { tiles, panels, commands, notificationSources, configuration } = manifest.contributes;
    const titled = [...tiles!, ...panels!, ...commands!, ...notificationSources!, ...Object.values(configuration!.properties)];
    for (const entry of titled) {
      expect(entry.title.nl, JSON.stringify(entry)).to.be.a('string').and.not.equal('');
      expect(entry.title.en, JSON.stringify(entry)).to.be.a('string').and.not.equal('');
    }
  });

  it('declares the configuration the design asks for, with the provider key kept secret', () => {
    const properties = manifest.contributes.configuration!.properties;
    expect(Object.keys(properties)).to.include.members([
      'locally.pollIntervalMinutes',
      'locally.openingHours',
      'locally.timeZone',
      'locally.acceptanceDeadlineHours',
      'locally.providerUrl',
      'locally.storeId',
      'locally.importOnThisTill',
    ]);
    expect(properties['locally.pollIntervalMinutes']!.default).to.equal(5);
    expect(properties['locally.apiKey']!.secret).to.equal(true);
  });
});
