import { ContainerModule } from 'inversify';
import { ImportProgressRelay } from './import-progress-relay.js';
import { OrderImporter } from './order-importer.js';

export { OrderImporter } from './order-importer.js';

/**
 * The importer: loaded when the first orders wait to be imported (or a repair needs it), not at
 * activation. The matchers and their registries stay in `importModule`: other
 * plugins register into them from the start.
 */
export const importerModule = new ContainerModule(({ bind }) => {
  bind(OrderImporter)
    .toSelf()
    .inSingletonScope()
    .onActivation((context, importer) => {
      // Its progress is shown from its first run, whoever runs it; both live as long as the container.
      context.get(ImportProgressRelay).follow(importer);
      return importer;
    });
});
