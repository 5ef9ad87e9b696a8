import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findAllByShadowRole, findByShadowRole } from 'shadow-dom-testing-library';
import { askRopisMethod, RopisMethodDialog } from '../../src/components/ropis-method-dialog.js';
import { CLOSE_DIALOG_EVENT, type DialogService, type ModalOptions } from '../../src/host/dialogs.js';
import type { RopisMethod } from '../../src/services/lifecycle/status-actions.js';
import { storedOrder } from '../helpers/plugin-fixture.js';

const LABELS = ['Opgehaald en betaald in de winkel', 'Niet opgehaald', 'Geannuleerd door de klant', 'Geannuleerd door de winkel'];

describe('the "ROPIS bestelwijze" dialog', () => {
  const order = storedOrder({ orderId: 'RS-77', type: 'reserve', status: 'ready-for-pickup' });

  async function render() {
    const chosen: RopisMethod[] = [];
    const closes = { count: 0 };
    const dialog = await fixture<RopisMethodDialog>(html`<locally-ropis-method-dialog
      .order=${order}
      .choose=${(method: RopisMethod) => chosen.push(method)}
      @close-dialog=${() => closes.count++}
    ></ropis-method-dialog>`);
    const group = await findByShadowRole(dialog, 'radiogroup', { name: 'ROPIS bestelwijze' });
    const radio = (name: string) => findByShadowRole<HTMLInputElement>(group, 'radio', { name });
    const button = (name: string) => findByShadowRole<HTMLButtonElement>(dialog, 'button', { name });
    return { dialog, group, radio, button, chosen, closes };
  }

  it("shows the order and the four methods, none chosen, and is accessible", async () => {
    const { dialog, group } = await render();
    const text = (dialog.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('RS-77').and.contain('Sanne de Vries');
    const radios = await findAllByShadowRole<HTMLInputElement>(group, 'radio');
    expect(radios.map((radio) => radio.labels?.[0]?.textContent?.trim())).to.deep.equal(LABELS);
    expect(radios.every((radio) => !radio.checked)).to.equal(true);
    await expect(dialog).to.be.accessible();
  });

  it('"OK" without a choice says so in an alert, calls nothing and stays open', async () => {
    const { dialog, button, chosen, closes } = await render();
    (await button('OK')).click();
    const alert = await findByShadowRole(dialog, 'alert');
    await waitUntil(() => alert.textContent?.trim() === 'Kies een bestelwijze.', 'the alert is shown');
    expect(chosen).to.deep.equal([]);
    expect(closes.count).to.equal(0);
    await expect(dialog).to.be.accessible();
  });

  it('"OK" with a choice calls choose with it, then asks to close', async () => {
    const { dialog, radio, button, chosen, closes } = await render();
    const order: string[] = [];
    dialog.choose = (method) => order.push(`choose:${method}`);
    dialog.addEventListener(CLOSE_DIALOG_EVENT, () => order.push('close'));
    (await radio('Geannuleerd door de winkel')).click();
    (await button('OK')).click();
    expect(order).to.deep.equal(['choose:cancelled-by-store', 'close']);
    expect(chosen).to.deep.equal([]);
    expect(closes.count).to.equal(1);
  });

  it('a choice clears the alert', async () => {
    const { dialog, radio, button } = await render();
    (await button('OK')).click();
    const alert = await findByShadowRole(dialog, 'alert');
    await waitUntil(() => alert.textContent?.trim() !== '', 'the alert is shown');
    (await radio('Niet opgehaald')).click();
    await dialog.updateComplete;
    expect(alert.textContent?.trim()).to.equal('');
  });

  it('"Sluiten" closes without calling choose, even with a choice made', async () => {
    const { radio, button, chosen, closes } = await render();
    (await radio('Niet opgehaald')).click();
    (await button('Sluiten')).click();
    expect(chosen).to.deep.equal([]);
    expect(closes.count).to.equal(1);
  });

  it('works from the keyboard: arrow keys move the choice through the group, Enter is "OK"', async () => {
    const { radio, chosen, closes } = await render();
    (await radio(LABELS[0]!)).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect((await radio(LABELS[1]!)).checked).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect((await radio(LABELS[2]!)).checked).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    expect((await radio(LABELS[1]!)).checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal(['not-picked-up']);
    expect(closes.count).to.equal(1);
  });

  describe('askRopisMethod', () => {
    /** The host's modal in miniature: shows the content and closes on its close-dialog request or on dispose. */
    function fakeDialogs() {
      const shown: ModalOptions[] = [];
      let dispose: () => void = () => {};
      const dialogs: DialogService = {
        showModal(options) {
          shown.push(options);
          document.body.append(options.content);
          let done!: () => void;
          const closed = new Promise<void>((resolve) => (done = resolve));
          dispose = () => {
            options.content.remove();
            done();
          };
          options.content.addEventListener(CLOSE_DIALOG_EVENT, dispose);
          return { closed, dispose: () => dispose() };
        },
        confirm: () => Promise.resolve(undefined),
      };
      return { dialogs, shown, escape: () => dispose() };
    }

    it('resolves with the method chosen with "OK"', async () => {
      const { dialogs, shown } = fakeDialogs();
      const answer = askRopisMethod(dialogs, order);
      expect(shown.map((options) => options.title)).to.deep.equal(['ROPIS bestelwijze']);
      const content = shown[0]!.content as RopisMethodDialog;
      expect(content).to.be.instanceOf(RopisMethodDialog);
      expect(content.order).to.equal(order);
      (await findByShadowRole<HTMLInputElement>(content, 'radio', { name: 'Opgehaald en betaald in de winkel' })).click();
      (await findByShadowRole(content, 'button', { name: 'OK' })).click();
      expect(await answer).to.equal('picked-up-paid');
    });

    it('resolves undefined when closed with "Sluiten" or otherwise (Escape)', async () => {
      const first = fakeDialogs();
      const closedBySluiten = askRopisMethod(first.dialogs, order);
      (await findByShadowRole(first.shown[0]!.content, 'button', { name: 'Sluiten' })).click();
      expect(await closedBySluiten).to.equal(undefined);

      const second = fakeDialogs();
      const closedByEscape = askRopisMethod(second.dialogs, order);
      second.escape();
      expect(await closedByEscape).to.equal(undefined);
    });
  });
});
