import { expect } from '@open-wc/testing';
import { NetworkStatus } from '../../../src/services/sync/network-status.js';

describe('NetworkStatus', () => {
  let status: NetworkStatus;

  beforeEach(() => {
    status = new NetworkStatus();
  });

  afterEach(() => {
    status.dispose();
  });

  it('starts from navigator.onLine', () => {
    expect(status.online).to.equal(navigator.onLine);
  });

  it('follows the window offline and online events', () => {
    const seen: boolean[] = [];
    status.onDidChange((online) => seen.push(online));
    window.dispatchEvent(new Event('offline'));
    expect(status.online).to.equal(false);
    window.dispatchEvent(new Event('online'));
    expect(status.online).to.equal(true);
    expect(seen).to.deep.equal([false, true]);
  });

  it('fires only on changes', () => {
    const seen: boolean[] = [];
    status.onDidChange((online) => seen.push(online));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    expect(seen).to.deep.equal([false, true]);
  });

  it('stops listening once disposed', () => {
    const seen: boolean[] = [];
    status.onDidChange((online) => seen.push(online));
    const before = status.online;
    status.dispose();
    window.dispatchEvent(new Event(before ? 'offline' : 'online'));
    expect(seen).to.deep.equal([]);
    expect(status.online).to.equal(before);
    window.dispatchEvent(new Event(before ? 'online' : 'offline'));
  });
});
