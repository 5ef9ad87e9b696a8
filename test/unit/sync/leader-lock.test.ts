import { expect } from '@open-wc/testing';
import { LeaderLock } from '../../../src/services/sync/leader-lock.js';

function uniqueName(label: string): string {
  return `leader-lock-test:${label}:${crypto.randomUUID()}`;
}

function nextChange(lock: LeaderLock): Promise<boolean> {
  return new Promise((resolve) => {
    const sub = lock.onDidChangeLeadership((leader) => {
      sub.dispose();
      resolve(leader);
    });
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('LeaderLock in one document', () => {
  const locks: LeaderLock[] = [];
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.dispose();
  });
  function lockOf(name: string): LeaderLock {
    const lock = new LeaderLock(name);
    locks.push(lock);
    return lock;
  }

  it('becomes leader when the lock is free, and says so', async () => {
    const lock = lockOf(uniqueName('free'));
    expect(lock.isLeader).to.equal(false);
    expect(await nextChange(lock)).to.equal(true);
    expect(lock.isLeader).to.equal(true);
  });

  it('lets exactly one of two locks of the same name lead', async () => {
    const name = uniqueName('two');
    const first = lockOf(name);
    const second = lockOf(name);
    await nextChange(first);
    await pause(50);
    expect([first.isLeader, second.isLeader]).to.deep.equal([true, false]);
    // Another name is another till: it leads by itself.
    const other = lockOf(uniqueName('other'));
    await nextChange(other);
    expect(second.isLeader).to.equal(false);
  });

  it('hands over to the waiting lock when the leader is disposed', async () => {
    const name = uniqueName('handover');
    const first = lockOf(name);
    const second = lockOf(name);
    await nextChange(first);
    const seenByFirst: boolean[] = [];
    first.onDidChangeLeadership((leader) => seenByFirst.push(leader));
    const secondLeads = nextChange(second);
    first.dispose();
    expect(first.isLeader).to.equal(false);
    expect(seenByFirst).to.deep.equal([false]);
    expect(await secondLeads).to.equal(true);
    expect(second.isLeader).to.equal(true);
  });

  it('abandons a queued request when disposed, so it never leads', async () => {
    const name = uniqueName('queued');
    const first = lockOf(name);
    const queued = lockOf(name);
    const third = lockOf(name);
    await nextChange(first);
    let queuedLed = false;
    queued.onDidChangeLeadership(() => (queuedLed = true));
    queued.dispose();
    const thirdLeads = nextChange(third);
    first.dispose();
    expect(await thirdLeads).to.equal(true);
    expect(queuedLed).to.equal(false);
    expect(queued.isLeader).to.equal(false);
    const state = await navigator.locks.query();
    expect(state.held?.filter((l) => l.name === name)).to.have.length(1);
    expect(state.pending?.filter((l) => l.name === name)).to.have.length(0);
  });

  it('releases the Web Lock on dispose', async () => {
    const name = uniqueName('release');
    const lock = lockOf(name);
    await nextChange(lock);
    expect((await navigator.locks.query()).held?.filter((l) => l.name === name)).to.have.length(1);
    lock.dispose();
    // The lock manager frees it once the held promise settles, a task or so later.
    let held = 1;
    for (let i = 0; i < 100 && held > 0; i++) {
      held = (await navigator.locks.query()).held?.filter((l) => l.name === name).length ?? 0;
      if (held > 0) await pause(5);
    }
    expect(held).to.equal(0);
  });

  it('leads at once without Web Locks, and warns once', () => {
    const warnings: unknown[][] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    // An own property shadows Navigator.prototype.locks, as in a non-secure context.
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      const name = uniqueName('no-locks');
      const a = lockOf(name);
      const b = lockOf(name);
      expect(a.isLeader).to.equal(true);
      expect(b.isLeader).to.equal(true);
      expect(warnings).to.have.length(1);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      console.warn = originalWarn;
    }
    expect(typeof navigator.locks.request).to.equal('function');
  });
});

interface Report {
  readonly frame: string;
  readonly doc: string;
  readonly isLeader: boolean;
}

/** Same-origin iframes as real tabs of one till, each with its own LeaderLock. */
class Tabs {
  readonly frames = new Map<string, HTMLIFrameElement>();
  /** The latest report of the document currently in each frame. */
  readonly state = new Map<string, Report>();
  protected readonly currentDoc = new Map<string, string>();
  protected readonly onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Report> & { test?: string } | null;
    if (!data || data.test !== this.name || !data.frame || !data.doc) return;
    // A report from a document this frame has since replaced is stale.
    if (this.currentDoc.get(data.frame) !== data.doc) return;
    this.state.set(data.frame, data as Report);
  };

  constructor(readonly name: string) {
    window.addEventListener('message', this.onMessage);
  }

  open(frame: string): HTMLIFrameElement {
    const element = document.createElement('iframe');
    this.frames.set(frame, element);
    this.load(frame);
    document.body.append(element);
    return element;
  }

  /** Gives the frame a new document: what a reload of that tab does. */
  load(frame: string): void {
    const doc = crypto.randomUUID();
    this.currentDoc.set(frame, doc);
    this.state.delete(frame);
    const tag = JSON.stringify({ test: this.name, frame, doc });
    this.frames.get(frame)!.srcdoc = `<script type="module">
      import { LeaderLock } from '/src/services/sync/leader-lock.ts';
      const lock = new LeaderLock(${JSON.stringify(this.name)});
      const report = () => parent.postMessage({ ...${tag}, isLeader: lock.isLeader }, '*');
      lock.onDidChangeLeadership(report);
      report();
    </script>`;
  }

  remove(frame: string): void {
    this.frames.get(frame)?.remove();
    this.frames.delete(frame);
    this.currentDoc.delete(frame);
    this.state.delete(frame);
  }

  leaders(): string[] {
    return [...this.state.values()].filter((r) => r.isLeader).map((r) => r.frame);
  }

  /** Every open frame has reported, and exactly one of them leads. */
  settled(): boolean {
    return this.state.size === this.frames.size && this.leaders().length === 1;
  }

  dispose(): void {
    window.removeEventListener('message', this.onMessage);
    for (const frame of [...this.frames.keys()]) this.remove(frame);
  }
}

describe('LeaderLock across real tabs (same-origin iframes)', () => {
  let tabs: Tabs;
  afterEach(() => tabs.dispose());

  it('makes exactly one of three tabs leader, and hands over when its tab closes', async () => {
    tabs = new Tabs(uniqueName('iframes-close'));
    for (const frame of ['a', 'b', 'c']) tabs.open(frame);
    await waitFor(() => tabs.settled(), 'three tabs with one leader');
    // Give a wrongly granted second lock time to show itself.
    await pause(100);
    expect(tabs.leaders()).to.have.length(1);
    const [first] = tabs.leaders();

    tabs.remove(first!);
    await waitFor(() => tabs.settled(), 'a new leader after the leader tab closed');
    const [second] = tabs.leaders();
    expect(second).to.not.equal(first);

    tabs.remove(second!);
    await waitFor(() => tabs.settled(), 'the last tab leads');
    expect(tabs.leaders()).to.deep.equal([...tabs.frames.keys()]);
  });

  it('hands over when the leader tab reloads, and the reloaded tab waits its turn', async () => {
    tabs = new Tabs(uniqueName('iframes-reload'));
    for (const frame of ['a', 'b', 'c']) tabs.open(frame);
    await waitFor(() => tabs.settled(), 'three tabs with one leader');
    const [first] = tabs.leaders();

    tabs.load(first!);
    await waitFor(() => tabs.settled() && tabs.leaders()[0] !== first, 'another leader after the reload');
    await pause(100);
    expect(tabs.leaders()).to.have.length(1);
    expect(tabs.state.get(first!)?.isLeader).to.equal(false);
  });
});
