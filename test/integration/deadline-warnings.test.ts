import { expect } from '@open-wc/testing';
import type { SettingsService } from '../../src/host/settings.js';
import type { StoredOrder } from '../../src/services/store/order-model.js';
import { startPlugin, storedOrder, TEST_NOW, until, type PluginFixture } from '../helpers/plugin-fixture.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SOURCE = 'locally.deadlineWarnings';

/** The shop's default hours apply (plugin.json): TEST_NOW is Friday 27 November 2026, 10:00 in Amsterdam. */
describe('deadline warnings in the message pane', () => {
  let fixture: PluginFixture;
  let settings: SettingsService;

  beforeEach(async () => {
    fixture = await startPlugin();
    settings = fixture.shell.settings.forPlugin(fixture.manifest);
    // No polling while the clock moves hours on: these tests put the orders themselves.
    await settings.update('locally.importOnThisTill', false);
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  const warnings = () => fixture.shell.messages.messages.filter((m) => m.sourceId === SOURCE);
  const warningFor = (order: StoredOrder) => warnings().find((m) => m.message.text.startsWith(`Bestelling ${order.orderId}:`));
  const textFor = (order: StoredOrder) => warningFor(order)?.message.text;

  /** Placed Thursday 09:00, due Thursday 13:00: overdue from the start; its message shows the orders were read. */
  const longOverdue = () => storedOrder({ placedAt: Date.parse('2026-11-26T09:00:00+01:00') });

  it('warns at 1 hour and 30 minutes left and when overdue, naming the order; gone once accepted', async () => {
    const { clock, otherTab, shell } = fixture;
    const order = storedOrder({ placedAt: TEST_NOW }); // due Friday 14:00
    const sentinel = longOverdue();
    const cancelledAtLocally = storedOrder({ placedAt: sentinel.placedAt });
    const cancelled = { ...cancelledAtLocally, order: { ...cancelledAtLocally.order!, status: 'cancelled-by-customer' as const } };
    const accepted = storedOrder({ placedAt: sentinel.placedAt, status: 'in-progress' });
    await otherTab.putOrders([order, sentinel, cancelled, accepted]);
    await until(() => warningFor(sentinel) !== undefined, 'the overdue order\'s message');
    expect(textFor(sentinel)).to.equal(`Bestelling ${sentinel.orderId}: de termijn om te accepteren is verstreken`);
    expect(warningFor(sentinel)!.message.severity).to.equal('error');
    expect(warningFor(cancelled), 'cancelled by the customer at Locally').to.equal(undefined);
    expect(warningFor(accepted), 'already accepted').to.equal(undefined);
    expect(warningFor(order), 'four hours left').to.equal(undefined);

    clock.advance(3 * HOUR - MINUTE); // 12:59
    expect(warningFor(order), '1 h 1 min left').to.equal(undefined);
    clock.advance(MINUTE); // 13:00
    expect(textFor(order)).to.equal(`Bestelling ${order.orderId}: nog 1 uur om te accepteren of af te wijzen`);
    expect(warningFor(order)!.message.severity).to.equal('warning');
    expect(warningFor(order)!.message.time).to.equal(Date.parse('2026-11-27T13:00:00+01:00'));

    clock.advance(29 * MINUTE);
    expect(textFor(order)).to.contain('nog 1 uur');
    clock.advance(MINUTE); // 13:30
    expect(textFor(order)).to.equal(`Bestelling ${order.orderId}: nog 30 minuten om te accepteren of af te wijzen`);
    expect(warningFor(order)!.message.severity).to.equal('error');

    clock.advance(30 * MINUTE - 1);
    expect(textFor(order)).to.contain('nog 30 minuten');
    clock.advance(1); // 14:00
    expect(textFor(order)).to.equal(`Bestelling ${order.orderId}: de termijn om te accepteren is verstreken`);
    // One message per order, at its current level.
    expect(warnings().filter((m) => m.message.text.includes(order.orderId))).to.have.length(1);

    // Set back (a corrected clock): the warning follows the time.
    clock.set(TEST_NOW);
    expect(warningFor(order)).to.equal(undefined);
    clock.advance(3 * HOUR + 45 * MINUTE);
    expect(textFor(order)).to.contain('nog 30 minuten');

    // Opening the message opens the screen.
    shell.messages.openMessage(SOURCE, warningFor(order)!.message.id);
    await until(() => shell.panels.open.some((p) => p.id === 'locally.ecommerceScreen'), 'the screen opened');

    const current = (await otherTab.getOrder(order.source, order.orderId))!;
    await otherTab.applyStatusChange({
      source: order.source,
      orderId: order.orderId,
      expectedRevision: current.revision,
      to: 'in-progress',
      by: 'Anne',
      at: clock.now(),
    });
    await until(() => warningFor(order) === undefined, 'the warning gone once accepted');
    expect(warningFor(sentinel)).not.to.equal(undefined);
    clock.advance(2 * HOUR);
    expect(warningFor(order)).to.equal(undefined);
  });

  it('counts no time on closed days: a deadline that would pass on a closed Monday does not warn', async () => {
    const { clock, otherTab } = fixture;
    await settings.update('locally.closedDays', ['2026-11-30']);
    clock.set(Date.parse('2026-11-28T15:00:00+01:00')); // Saturday 15:00
    // Saturday 15:00–17:00, closed Sunday and (this time) Monday, Tuesday 09:00–11:00.
    const order = storedOrder({ placedAt: clock.now(), status: 'customer-id-required' });
    const sentinel = longOverdue();
    await otherTab.putOrders([order, sentinel]);
    await until(() => warningFor(sentinel) !== undefined, 'the overdue order\'s message');

    for (const moment of ['2026-11-28T19:00:00+01:00', '2026-11-29T23:59:00+01:00', '2026-11-30T14:00:00+01:00', '2026-11-30T15:00:00+01:00', '2026-12-01T09:59:00+01:00']) {
      clock.set(Date.parse(moment));
      expect(warningFor(order), moment).to.equal(undefined);
    }
    clock.set(Date.parse('2026-12-01T10:00:00+01:00'));
    expect(textFor(order)).to.contain('nog 1 uur');

    // Monday open after all: by then the order has been overdue since Monday 15:00. A settings change re-plans.
    await settings.update('locally.closedDays', []);
    expect(textFor(order)).to.equal(`Bestelling ${order.orderId}: de termijn om te accepteren is verstreken`);
  });

  it('follows the configured deadline hours, and goes with the plugin', async () => {
    const { clock, otherTab, shell, plugin } = fixture;
    const order = storedOrder({ placedAt: TEST_NOW, status: 'received' });
    const sentinel = longOverdue();
    await otherTab.putOrders([order, sentinel]);
    await until(() => warningFor(sentinel) !== undefined, 'the overdue order\'s message');
    await settings.update('locally.acceptanceDeadlineHours', 1); // due Friday 11:00
    expect(textFor(order)).to.contain('nog 1 uur');
    clock.advance(HOUR);
    expect(textFor(order)).to.contain('de termijn om te accepteren is verstreken');

    await plugin.deactivate();
    expect(shell.snapshot().sources).not.to.include(SOURCE);
    expect(warnings()).to.deep.equal([]);
  });
});
