import type { SetupWorker } from 'msw/browser';
import { startSimulatorWorker } from '../../mocks/locally/browser.js';
import { createLocallySimulator, type LocallySimulator, type LocallySimulatorOptions } from '../../mocks/locally/locally-simulator.js';

/** 2026-11-27 10:00 in Amsterdam: a Friday morning. */
export const START = Date.parse('2026-11-27T09:00:00.000Z');

export const AUTH = { 'X-Locally-Store-Id': 'demo-store', Authorization: 'Bearer demo-key' };

/** A moveable time for one simulator. */
export class FakeNow {
  time = START;
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * One msw worker per test file, with a fresh simulator (its own DB) per test: the worker is started
 * once and its handlers swapped, because stopping it unregisters the service worker.
 */
export class SimulatorKit {
  worker: SetupWorker | undefined;
  protected readonly made: LocallySimulator[] = [];
  protected count = 0;

  /** Requests the worker has taken and not yet answered (any path: the API's and the plugin's modules). */
  protected readonly inFlight = new Set<string>();

  constructor(protected readonly prefix: string) {}

  async start(): Promise<void> {
    const first = this.create();
    this.worker = await startSimulatorWorker(first.simulator, { quiet: true });
    this.worker.events.on('request:start', ({ requestId }) => this.inFlight.add(requestId));
    this.worker.events.on('request:end', ({ requestId }) => this.inFlight.delete(requestId));
    // A handler that throws ends without request:end.
    this.worker.events.on('unhandledException', ({ requestId }) => this.inFlight.delete(requestId));
  }

  /**
   * Requests on their way through the worker, from when it takes them until it answers (a request
   * not yet at the worker, or its answer not yet read, is not counted).
   */
  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** A new simulator on its own database, served by the worker from now on. */
  create(options: LocallySimulatorOptions = {}): { simulator: LocallySimulator; clock: FakeNow; dbName: string } {
    const clock = new FakeNow();
    const dbName = options.dbName ?? `${this.prefix}-${++this.count}-${crypto.randomUUID()}`;
    const simulator = createLocallySimulator({ now: clock.now, ...options, dbName });
    this.made.push(simulator);
    this.inFlight.clear();
    this.worker?.resetHandlers(...simulator.handlers);
    return { simulator, clock, dbName };
  }

  /** Serves another simulator instance (as after a reload). */
  serve(simulator: LocallySimulator): void {
    this.worker?.resetHandlers(...simulator.handlers);
  }

  stop(): void {
    for (const simulator of this.made) simulator.dispose();
    this.worker?.stop();
  }
}

export function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`/locally-api${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string> | undefined) } });
}

export function post(orderId: string, action: string, body?: unknown, key?: string): Promise<Response> {
  return api(`/v1/orders/${orderId}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export interface Page {
  orders: { id: string; status: string; updatedAt: string }[];
  nextCursor: string;
  hasMore: boolean;
}

export async function changes(cursor?: string, limit?: number): Promise<Page> {
  const query = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
  const response = await api(`/v1/orders/changes?${query.toString()}`);
  if (response.status !== 200) throw new Error(`changes answered ${response.status}`);
  return (await response.json()) as Page;
}
