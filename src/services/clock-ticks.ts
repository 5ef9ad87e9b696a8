import { Observable } from 'rxjs';
import type { Clock } from '../host/index.js';

/**
 * The host clock's time every `everyMs` (and at once, and whenever the clock jumps), for views that
 * count down. Runs on the host clock, so tests move it in virtual time.
 */
export function clockTicks(clock: Clock, everyMs: number): Observable<number> {
  return new Observable<number>((subscriber) => {
    let timer = { dispose: () => undefined as void };
    const tick = () => {
      subscriber.next(clock.now());
      timer = clock.setTimeout(tick, everyMs);
    };
    const jumps = clock.onDidJump(() => {
      timer.dispose();
      tick();
    });
    tick();
    return () => {
      timer.dispose();
      jumps.dispose();
    };
  });
}
