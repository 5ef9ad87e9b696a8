import type { Container, ContainerModule } from 'inversify';
import type { OrderImporter } from '../services/import/order-importer.js';
import type * as DeadlineModule from '../services/lifecycle/deadline-module.js';

/**
 * Loads a feature's bindings into the plugin's container on first use, so the feature's code is not
 * part of what activation loads and runs (the screen's services load with the screen). The shipped
 * build fetches that code in one chunk right after activation (vite.config.ts). `deactivate()`
 * unbinds them with everything else.
 */
export class LazyModules {
  protected readonly loaded = new Map<ContainerModule, Promise<void>>();

  constructor(protected readonly container: Container) {}

  /** Loads the module once (later calls share the first load) and returns the container to get from. */
  async use(load: () => Promise<ContainerModule>): Promise<Container> {
    const module = await load();
    let loading = this.loaded.get(module);
    if (!loading) {
      loading = Promise.resolve(this.container.load(module));
      this.loaded.set(module, loading);
      // A failed load is not remembered: the next use tries again.
      loading.catch(() => this.loaded.delete(module));
    }
    await loading;
    return this.container;
  }

  /** The deadline arithmetic and the business calendar settings (module `deadline-module`). */
  async deadlines(): Promise<{ readonly container: Container; readonly deadlines: typeof DeadlineModule }> {
    const deadlines = await import('../services/lifecycle/deadline-module.js');
    return { container: await this.use(() => Promise.resolve(deadlines.deadlineModule)), deadlines };
  }

  /** The importer (module `importer-module`). */
  async importer(): Promise<OrderImporter> {
    const { importerModule, OrderImporter } = await import('../services/import/importer-module.js');
    return (await this.use(() => Promise.resolve(importerModule))).get(OrderImporter);
  }

  /** What only the screen needs (module `screen-module`), with the deadline and importer modules it builds on. */
  async screen(): Promise<Container> {
    await Promise.all([this.deadlines(), this.importer()]);
    return this.use(async () => (await import('./screen-module.js')).screenModule);
  }
}
