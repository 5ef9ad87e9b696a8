import { mulberry32 } from '../../shell/data/mulberry32.js';

/** Every fault switch of the simulator, in the order they are drawn for a request. */
export const FAULT_NAMES = [
  'offline',
  'slow',
  'rate-limit',
  'server-error',
  'malformed-json',
  'truncated-page',
  'duplicate-delivery',
  'wrong-types',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** Off, on for every request, or on for a request with this probability (0–1, seeded draws). */
export type FaultMode = 'off' | 'on' | { readonly probability: number };

export type FaultSettings = Readonly<Record<FaultName, FaultMode>>;

/** Faults that only make sense for the changes listing (they change a page of orders). */
export const LISTING_ONLY_FAULTS: ReadonlySet<FaultName> = new Set(['truncated-page', 'duplicate-delivery', 'wrong-types']);

/** Which endpoint a request reached; listing-only faults are skipped elsewhere. */
export type FaultScope = 'changes' | 'order' | 'action';

export function isFaultName(name: unknown): name is FaultName {
  return typeof name === 'string' && (FAULT_NAMES as readonly string[]).includes(name);
}

/**
 * The fault switches' dice: decides which faults hit a request. Probabilities are drawn from a
 * seeded PRNG in a fixed order, so the same seed and the same requests give the same faults (a
 * test's random soak is reproducible).
 */
export class FaultSwitches {
  protected random: () => number;

  constructor(protected readonly seed: number) {
    this.random = FaultSwitches.prng(seed);
  }

  /** All switches off. */
  static none(): FaultSettings {
    return Object.fromEntries(FAULT_NAMES.map((name) => [name, 'off'])) as Record<FaultName, FaultMode>;
  }

  /** Checks a mode given by a caller (a panel, a test) before it is stored. */
  static validate(name: FaultName, mode: FaultMode): FaultMode {
    if (!isFaultName(name)) throw new RangeError(`Unknown fault "${String(name)}"`);
    if (mode === 'off' || mode === 'on') return mode;
    const probability = typeof mode === 'object' && mode !== null ? mode.probability : Number.NaN;
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))
      throw new RangeError(`The probability of "${name}" must be between 0 and 1`);
    return { probability };
  }

  /** Starts the dice again from the seed (a reset simulator behaves as a new one). */
  restart(): void {
    this.random = FaultSwitches.prng(this.seed);
  }

  /** The faults that hit one request to `scope`. Draws only for switches set to a probability. */
  draw(settings: FaultSettings, scope: FaultScope): Set<FaultName> {
    const hits = new Set<FaultName>();
    for (const name of FAULT_NAMES) {
      if (scope !== 'changes' && LISTING_ONLY_FAULTS.has(name)) continue;
      const mode = settings[name] ?? 'off';
      if (mode === 'on') hits.add(name);
      else if (mode !== 'off' && this.random() < mode.probability) hits.add(name);
    }
    return hits;
  }

  /** A number from the same dice, for the details of a fault (which order gets wrong types). */
  next(): number {
    return this.random();
  }

  // A different stream than the order generator's for the same seed.
  protected static prng(seed: number): () => number {
    return mulberry32((seed ^ 0x9e3779b9) >>> 0);
  }
}
