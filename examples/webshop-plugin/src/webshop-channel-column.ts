import type { OrderColumn, StoredOrder } from '../../../src/api.js';

const isWebshop = (order: StoredOrder) => order.source === 'webshop';

/** "Kanaal" in the eCommerce-verkopen grid: where an order came from. */
export const webshopChannelColumn: OrderColumn = {
  id: 'webshop-channel',
  title: { nl: 'Kanaal', en: 'Channel' },
  value: (order, context) =>
    isWebshop(order) ? (context.locale.toLowerCase().startsWith('en') ? 'Web shop' : 'Webwinkel') : 'Locally',
  // Locally first, then the web shop, whatever the language.
  sortKey: (order) => (isWebshop(order) ? 1 : 0),
};
