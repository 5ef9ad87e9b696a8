import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';

/** The one time source of the shell; tests move it, so polls and deadlines run in virtual time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` once `delayMs` of clock time has passed; dispose to cancel. */
  setTimeout(callback: () => void, delayMs: number): Disposable;
  /** Fires when the clock is set or moved other than by running (a test jump, a correction). */
  readonly onDidJump: Event<number>;
}
