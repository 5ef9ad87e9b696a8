import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';

/** What a tile shows right now. */
export interface TileState {
  /** The tile's accessible name and visible caption, e.g. "eCommerce, 3 te behandelen". */
  readonly label: string;
  /** A count shown as a badge; 0 or absent hides it. */
  readonly badge?: number;
}

/** The behaviour behind a tile declared in `contributes.tiles`. */
export interface TileProvider {
  /** Fires when {@link getState} would return something new. */
  readonly onDidChange: Event<void>;
  /** The current caption and badge. */
  getState(): TileState;
  /** Called when staff press the tile. */
  open(): void;
}

/** The desktop's tiles. */
export interface TileService {
  /** Shows the tile declared with `id` in the manifest; throws for an undeclared id. */
  registerTile(id: string, provider: TileProvider): Disposable;
}
