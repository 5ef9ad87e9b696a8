import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { MenuId, MenuItem } from '../../src/host/menus.js';

export interface MenuEntry {
  readonly menu: MenuId;
  readonly pluginId: string;
  readonly item: MenuItem;
}

/** Commands placed in the menu bar and the transaction window's toolbars. */
export class MenuRegistry {
  protected readonly entries: MenuEntry[] = [];
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  register(entry: MenuEntry): Disposable {
    this.entries.push(entry);
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      const at = this.entries.indexOf(entry);
      if (at >= 0) this.entries.splice(at, 1);
      this.onDidChangeEmitter.fire();
    });
  }

  /** The items of one menu, grouped (groups in order of first appearance) and by `order` within a group. */
  items(menu: MenuId): readonly MenuItem[] {
    const items = this.entries.filter((e) => e.menu === menu).map((e) => e.item);
    const groups = [...new Set(items.map((i) => i.group ?? ''))];
    return items
      .map((item, index) => ({ item, index }))
      .sort(
        (a, b) =>
          groups.indexOf(a.item.group ?? '') - groups.indexOf(b.item.group ?? '') ||
          (a.item.order ?? 0) - (b.item.order ?? 0) ||
          a.index - b.index,
      )
      .map((x) => x.item);
  }

  get all(): readonly MenuEntry[] {
    return [...this.entries];
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
