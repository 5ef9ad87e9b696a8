import type { Container, ContainerModule } from 'inversify';

/**
 * Loads a feature's bindings into the plugin's container on first use, so the feature's code is a
 * chunk of its own and not part of what runs at activation (the screen's services load with the
 * screen). `deactivate()` unbinds them with everything else.
 */
export class LazyModules {
  protected readonly loaded = new Map<ContainerModule, Promise<void>>();

  constructor(protected readonly container: Container) {}

  /** Loads the module once (later calls share the first load) and returns the container to get from. */
  async use(load: () => Promise<ContainerModule>): Promise<Container> {
    const module = await load();
    if (!this.loaded.has(module)) this.loaded.set(module, Promise.resolve(this.container.load(module)));
    await this.loaded.get(module);
    return this.container;
  }
}
