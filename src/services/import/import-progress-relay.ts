import { injectable } from 'inversify';
import type { Disposable } from '../../common/disposable.js';
import { Emitter, type Event } from '../../common/event.js';
import type { ImportProgress } from './order-importer.js';

/**
 * The importer's progress for whoever shows it, from activation on: the importer itself loads
 * later (`importerModule`), and is followed as soon as the container makes it, whoever asked for
 * it (the import runner, or a repair from the screen).
 */
@injectable()
export class ImportProgressRelay {
  protected readonly onDidProgressEmitter = new Emitter<ImportProgress | undefined>();
  /** Progress of a running import (done of total); `undefined` when it ended. */
  readonly onDidProgress: Event<ImportProgress | undefined> = this.onDidProgressEmitter.event;

  follow(importer: { readonly onDidProgress: Event<ImportProgress | undefined> }): Disposable {
    return importer.onDidProgress((progress) => this.onDidProgressEmitter.fire(progress));
  }
}
