import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { LocallySimulator } from './locally-simulator.js';

export interface SimulatorWorkerOptions {
  /** Leave out msw's console lines for every intercepted request. */
  readonly quiet?: boolean;
  /** More handlers served by the same worker, e.g. the example plugin's web shop (examples/webshop-plugin/mocks). */
  readonly extraHandlers?: readonly RequestHandler[];
}

/**
 * Serves the simulator's API from a service worker (public/mockServiceWorker.js at the site root).
 * Requests outside the API go to the network untouched. Tests swap simulators with
 * `worker.resetHandlers(...other.handlers)` and stop the worker when done.
 */
export async function startSimulatorWorker(simulator: LocallySimulator, options: SimulatorWorkerOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(...simulator.handlers, ...(options.extraHandlers ?? []));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return worker;
}
