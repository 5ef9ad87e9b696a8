import { Container } from 'inversify';
import { contributionsModule } from './contributions/contributions-module.js';
import { extensionModule } from './contributions/extension-module.js';
import { LazyModules } from './contributions/lazy-modules.js';
import type { PosHost } from './host/index.js';
import { hostModule } from './host-tokens.js';
import { servicesModule } from './services/services-module.js';
import { importModule } from './services/import/import-module.js';
import { syncModule } from './services/sync/sync-module.js';

/** The plugin's container: one ContainerModule per area; the screen's own module loads when the screen opens. */
export function createPluginContainer(host: PosHost): Container {
  const container = new Container();
  container.load(
    hostModule(host),
    servicesModule({ dbName: `${host.plugin.storageName}:orders` }),
    syncModule,
    importModule,
    contributionsModule,
    extensionModule,
  );
  container.bind(LazyModules).toConstantValue(new LazyModules(container));
  return container;
}
