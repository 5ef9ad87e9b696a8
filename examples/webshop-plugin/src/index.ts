// The worked example: a second plugin that extends Locally eCommerce through its API only.
// It imports types, never the Locally plugin's code: a real plugin gets them from the published types.
import type { Disposable, LocallyPluginApi } from '../../../src/api.js';
import type { PosHost } from '../../../src/host/index.js';
import { MpnProductMatcher } from './mpn-product-matcher.js';
import { webshopChannelColumn } from './webshop-channel-column.js';
import { WebshopOrderSource } from './webshop-order-source.js';

/** Everything this plugin registered, undone together by `deactivate`. */
const subscriptions: Disposable[] = [];

/** Called by the shell after Locally eCommerce (named in `extensionDependencies`) is active. */
export function activate(host: PosHost): void {
  const locally = host.plugins.getApi<LocallyPluginApi>('locally.ecommerce');
  if (!locally) throw new Error('Locally eCommerce is niet actief');
  subscriptions.push(
    locally.registerOrderSource(new WebshopOrderSource(host.settings)),
    locally.registerProductMatcher(new MpnProductMatcher(host.products)),
    locally.registerOrderColumn(webshopChannelColumn),
  );
}

/** Called by the shell when the plugin is switched off (and before Locally eCommerce is). */
export function deactivate(): void {
  for (const subscription of subscriptions.splice(0).reverse()) subscription.dispose();
}
