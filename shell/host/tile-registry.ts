import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { ManifestTile } from '../../src/host/manifest.js';
import type { TileProvider } from '../../src/host/tiles.js';

export interface TileEntry {
  readonly id: string;
  readonly pluginId: string;
  readonly declaration: ManifestTile;
  readonly provider: TileProvider;
}

/** The desktop's contributed tiles, in order of registration. */
export class TileRegistry {
  protected readonly entries = new Map<string, TileEntry>();
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get all(): readonly TileEntry[] {
    return [...this.entries.values()];
  }

  register(entry: TileEntry): Disposable {
    if (this.entries.has(entry.id)) throw new Error(`Tile "${entry.id}" is already registered`);
    this.entries.set(entry.id, entry);
    // A tile's caption and badge change with the plugin's state; the desktop re-renders on this.
    const subscription = entry.provider.onDidChange(() => this.onDidChangeEmitter.fire());
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      subscription.dispose();
      if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
      this.onDidChangeEmitter.fire();
    });
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
