import { expect } from '@open-wc/testing';
import { firstValueFrom, filter } from 'rxjs';
import { OrderStore } from '../../../src/services/store/order-store.js';
import { storedOrder } from '../../helpers/plugin-fixture.js';

/** A real second document of the same origin (a "tab"), which writes an order through its own store. */
function writeFromAnotherTab(dbName: string, orderId: string): Promise<void> {
  const frame = document.createElement('iframe');
  const done = new Promise<void>((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ tab: string; ok: boolean; error?: string }>) => {
      if (event.data?.tab !== orderId) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      if (event.data.ok) resolve();
      else reject(new Error(event.data.error));
    };
    window.addEventListener('message', onMessage);
  });
  frame.srcdoc = `<script type="module">
    import { OrderStore } from '/src/services/store/order-store.ts';
    import { storedOrder } from '/test/helpers/plugin-fixture.ts';
    const store = new OrderStore({ dbName: ${JSON.stringify(dbName)} });
    store.putOrders([storedOrder({ orderId: ${JSON.stringify(orderId)} })])
      .then(() => parent.postMessage({ tab: ${JSON.stringify(orderId)}, ok: true }, '*'))
      .catch((error) => parent.postMessage({ tab: ${JSON.stringify(orderId)}, ok: false, error: String(error) }, '*'))
      .finally(() => store.dispose());
  </script>`;
  document.body.append(frame);
  return done;
}

describe('OrderStore across real tabs', () => {
  it('shows an order written in another document of the same till', async () => {
    const dbName = `order-store-iframes-${crypto.randomUUID()}`;
    const store = new OrderStore({ dbName });
    try {
      await store.putOrders([storedOrder({ orderId: 'HERE01' })]);
      const seesBoth = firstValueFrom(store.orders$.pipe(filter((orders) => orders.some((o) => o.orderId === 'THERE1'))));
      await writeFromAnotherTab(dbName, 'THERE1');
      const orders = await seesBoth;
      expect(orders.map((o) => o.orderId).sort()).to.deep.equal(['HERE01', 'THERE1']);
    } finally {
      store.dispose();
    }
  });
});
