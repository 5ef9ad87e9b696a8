import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { ManifestPanel } from '../../src/host/manifest.js';
import type { PanelProvider } from '../../src/host/panels.js';

export interface PanelEntry {
  readonly id: string;
  readonly pluginId: string;
  readonly declaration: ManifestPanel;
  readonly provider: PanelProvider;
}

export interface OpenPanel {
  readonly id: string;
  readonly entry: PanelEntry;
  readonly element: HTMLElement;
}

/** Registered panels and the ones open in the panel area (the last opened is in front). */
export class PanelRegistry {
  protected readonly entries = new Map<string, PanelEntry>();
  /** Built once per registration, so reopening keeps the panel's state. */
  protected readonly elements = new Map<PanelEntry, Promise<HTMLElement>>();
  protected openList: OpenPanel[] = [];
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get all(): readonly PanelEntry[] {
    return [...this.entries.values()];
  }

  get open(): readonly OpenPanel[] {
    return this.openList;
  }

  register(entry: PanelEntry): Disposable {
    if (this.entries.has(entry.id)) throw new Error(`Panel "${entry.id}" is already registered`);
    this.entries.set(entry.id, entry);
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      if (this.entries.get(entry.id) !== entry) return;
      this.entries.delete(entry.id);
      this.elements.delete(entry);
      this.openList = this.openList.filter((p) => p.entry !== entry);
      this.onDidChangeEmitter.fire();
    });
  }

  async show(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`Panel "${id}" is not registered`);
    let element = this.elements.get(entry);
    if (!element) {
      element = entry.provider.createElement();
      this.elements.set(entry, element);
      element.catch(() => this.elements.delete(entry));
    }
    const shown = await element;
    if (this.entries.get(id) !== entry) return;
    this.openList = [...this.openList.filter((p) => p.id !== id), { id, entry, element: shown }];
    this.onDidChangeEmitter.fire();
  }

  close(id: string): void {
    if (!this.openList.some((p) => p.id === id)) return;
    this.openList = this.openList.filter((p) => p.id !== id);
    this.onDidChangeEmitter.fire();
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
