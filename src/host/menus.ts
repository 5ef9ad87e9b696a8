import type { Disposable } from '../common/disposable.js';
import type { MenuId } from './manifest.js';

export type { MenuId } from './manifest.js';

/** A command placed in a menu or toolbar; its title is the command's title from the manifest. */
export interface MenuItem {
  readonly command: string;
  /** A `when` clause over context keys; the item is shown only while it holds. */
  readonly when?: string;
  /** Items of one group stand together; groups are separated. */
  readonly group?: string;
  /** Position within the group, lowest first. */
  readonly order?: number;
}

/** The menu bar (Bestand, Bekijken, Gereedschap) and the transaction window's toolbars. */
export interface MenuService {
  /** Places a declared command in a menu; throws for a command the manifest does not declare. */
  registerMenuItem(menu: MenuId, item: MenuItem): Disposable;
}
