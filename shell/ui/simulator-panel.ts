import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FAULT_NAMES, type FaultMode, type FaultName, type FaultSettings } from '../../mocks/locally/faults.js';
import type { LocallyOrder, LocallyOrderStatus } from '../../mocks/locally/locally-order.js';
import type { LocallySimulator, SimulatorSubscription } from '../../mocks/locally/locally-simulator.js';
import type { GeneratedOrderKind } from '../../mocks/locally/order-generator.js';

/** Fault switches as a person reads them. */
function faultLabel(name: FaultName): string {
  switch (name) {
    case 'offline':
      return msg('Offline');
    case 'server-error':
      return msg('Serverfout (503)');
    case 'rate-limit':
      return msg('Te veel verzoeken (429)');
    case 'slow':
      return msg('Traag');
    case 'malformed-json':
      return msg('Onleesbare JSON');
    case 'truncated-page':
      return msg('Afgebroken pagina');
    case 'duplicate-delivery':
      return msg('Dubbel geleverd');
    case 'wrong-types':
      return msg('Verkeerde veldtypes');
  }
}

function statusLabel(status: LocallyOrderStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'accepted':
      return msg('Geaccepteerd');
    case 'declined':
      return msg('Afgewezen');
    case 'ready-for-pickup':
      return msg('Klaar om af te halen');
    case 'picked-up':
      return msg('Afgehaald');
    case 'cancelled-by-customer':
      return msg('Geannuleerd door klant');
    case 'auto-cancelled':
      return msg('Automatisch geannuleerd');
    case 'cancelled-by-store':
      return msg('Geannuleerd door winkel');
  }
}

const money = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const time = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short' });

/**
 * The "Locally-simulator" panel of the reference shell: lets a person place orders as a shopper,
 * cancel one as the shopper, watch the simulator's orders and switch faults on and off. Everything
 * the provider sends (names, notes) is rendered as text. Fires `simulator-close` for "Sluiten".
 */
/** The kinds of order the simulator can place on purpose, to show each import outcome. */
function orderKinds(): readonly (readonly [GeneratedOrderKind | '', string])[] {
  return [
    ['', msg('Willekeurig')],
    ['match', msg('Alles bekend')],
    ['unknown-customer', msg('Onbekende klant')],
    ['unknown-product', msg('Onbekend product')],
    ['ambiguous-product', msg('Dubbelzinnig product')],
  ];
}

@customElement('simulator-panel')
@localized()
export class SimulatorPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { border: 1px solid #5a3d1f; border-radius: 6px; background: #fff; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 0.25rem 0.75rem; background: #f7efe4; }
    h2 { font-size: 1.1rem; margin: 0; }
    .content { padding: 0.75rem; display: grid; gap: 0.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    button { font: inherit; padding: 0.3rem 0.7rem; }
    button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
    fieldset { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 1px solid #ccc; }
    .chance { color: #4a4a4a; font-size: 0.85rem; }
    .reason { margin: 0; color: #4a4a4a; font-size: 0.85rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
    td.note { white-space: pre-wrap; max-width: 20rem; }
    .status { min-height: 1.2em; margin: 0; }
  `;

  @property({ attribute: false }) simulator?: LocallySimulator;

  @state() protected orders: LocallyOrder[] = [];
  @state() protected faults: FaultSettings | undefined;
  @state() protected chosenOrderId = '';
  /** What the next placed order is like; empty: drawn at random, mostly matching. */
  @state() protected kind: GeneratedOrderKind | '' = '';
  @state() protected statusText = '';
  @state() protected errorText = '';

  protected subscription: SimulatorSubscription | undefined;
  protected subscribedTo: LocallySimulator | undefined;
  protected loading: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscription?.dispose();
    this.subscription = undefined;
    this.subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('simulator')) this.follow();
  }

  /** Puts the keyboard on the panel's first action (the shell does this when the tile opens it). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.content button')?.focus(options);
  }

  /** Resolves once the latest orders and faults are shown (tests wait on this). */
  async refreshed(): Promise<void> {
    await this.loading;
    await this.updateComplete;
  }

  /** Subscribes to the simulator shown, so orders placed from any tab or by the API appear at once. */
  protected follow(): void {
    if (!this.isConnected || this.subscribedTo === this.simulator) return;
    this.subscription?.dispose();
    this.subscribedTo = this.simulator;
    this.subscription = this.simulator?.onDidChange(() => void this.reload());
    void this.reload();
  }

  protected async reload(): Promise<void> {
    const simulator = this.simulator;
    if (!simulator) return;
    const work = (async () => {
      try {
        const [orders, faults] = await Promise.all([simulator.listOrders(), simulator.getFaults()]);
        if (simulator !== this.simulator) return;
        this.orders = orders.reverse();
        this.faults = faults;
        const open = this.openOrders();
        if (!open.some((o) => o.id === this.chosenOrderId)) this.chosenOrderId = open[0]?.id ?? '';
      } catch (error) {
        this.showError(error);
      }
    })();
    this.loading = work;
    await work;
  }

  protected openOrders(): LocallyOrder[] {
    return this.orders.filter((o) => o.status === 'open');
  }

  protected async place(type: 'buy' | 'reserve'): Promise<void> {
    if (!this.simulator) return;
    try {
      const order = await this.simulator.placeOrder(type, this.kind ? { kind: this.kind } : {});
      this.errorText = '';
      this.statusText =
        type === 'buy' ? msg(str`Bestelling ${order.id} geplaatst.`) : msg(str`Reservering ${order.id} geplaatst.`);
    } catch (error) {
      this.showError(error);
    }
  }

  protected async cancelChosen(): Promise<void> {
    const id = this.chosenOrderId;
    if (!this.simulator || !id) return;
    try {
      await this.simulator.cancelByCustomer(id);
      this.errorText = '';
      this.statusText = msg(str`Bestelling ${id} is door de klant geannuleerd.`);
    } catch (error) {
      this.showError(error);
    }
  }

  protected async toggleFault(name: FaultName, on: boolean): Promise<void> {
    if (!this.simulator) return;
    try {
      await this.simulator.setFault(name, on ? 'on' : 'off');
      this.errorText = '';
      this.statusText = on ? msg(str`${faultLabel(name)} staat aan.`) : msg(str`${faultLabel(name)} staat uit.`);
    } catch (error) {
      this.showError(error);
    }
  }

  protected showError(error: unknown): void {
    console.error(error);
    this.statusText = '';
    this.errorText = msg('Dat lukte de simulator niet; zie de console.');
  }

  override render() {
    const open = this.openOrders();
    const canCancel = open.length > 0;
    return html`<section role="region" aria-label=${msg('Locally-simulator')}>
      <header>
        <h2>${msg('Locally-simulator')}</h2>
        <button @click=${() => this.dispatchEvent(new CustomEvent('simulator-close', { bubbles: true, composed: true }))}>
          ${msg('Sluiten')}
        </button>
      </header>
      <div class="content">
        <div class="row">
          <label for="order-kind">${msg('Soort bestelling')}</label>
          <select id="order-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as GeneratedOrderKind | '')}>
            ${orderKinds().map(([value, label]) => html`<option value=${value} ?selected=${value === this.kind}>${label}</option>`)}
          </select>
          <button @click=${() => this.place('buy')}>${msg('Bestelling plaatsen (kopen)')}</button>
          <button @click=${() => this.place('reserve')}>${msg('Reservering plaatsen')}</button>
        </div>
        <div class="row">
          <label for="open-order">${msg('Open bestelling')}</label>
          <select
            id="open-order"
            ?disabled=${!canCancel}
            @change=${(e: Event) => (this.chosenOrderId = (e.target as HTMLSelectElement).value)}
          >
            ${open.map(
              (o) =>
                html`<option value=${o.id} ?selected=${o.id === this.chosenOrderId}>
                  ${o.id} · ${o.customer.firstName} ${o.customer.lastName}
                </option>`,
            )}
          </select>
          <button
            aria-disabled=${canCancel ? 'false' : 'true'}
            aria-describedby=${canCancel ? nothing : 'cancel-reason'}
            @click=${() => (canCancel ? this.cancelChosen() : undefined)}
          >
            ${msg('Annuleren door klant')}
          </button>
          ${canCancel ? nothing : html`<p id="cancel-reason" class="reason">${msg('Er is geen open bestelling.')}</p>`}
        </div>
        ${this.renderFaults()}
        <p class="status" role="status">${this.statusText}</p>
        ${this.errorText ? html`<p class="status" role="alert">${this.errorText}</p>` : nothing}
        ${this.renderOrders()}
      </div>
    </section>`;
  }

  protected renderFaults() {
    const faults = this.faults;
    return html`<fieldset>
      <legend>${msg('Storingen')}</legend>
      ${FAULT_NAMES.map((name) => {
        const mode: FaultMode = faults?.[name] ?? 'off';
        const chance = typeof mode === 'object' ? Math.round(mode.probability * 100) : undefined;
        return html`<span>
          <input
            type="checkbox"
            id="fault-${name}"
            .checked=${mode !== 'off'}
            ?disabled=${!faults}
            aria-describedby=${chance !== undefined ? `fault-${name}-chance` : nothing}
            @change=${(e: Event) => this.toggleFault(name, (e.target as HTMLInputElement).checked)}
          />
          <label for="fault-${name}">${faultLabel(name)}</label>
          ${chance !== undefined
            ? html`<span class="chance" id="fault-${name}-chance">${msg(str`(bij ${chance}% van de verzoeken)`)}</span>`
            : nothing}
        </span>`;
      })}
    </fieldset>`;
  }

  protected renderOrders() {
    if (this.orders.length === 0) return html`<p>${msg('De simulator heeft nog geen bestellingen.')}</p>`;
    return html`<table>
      <caption>${msg('Bestellingen in de simulator')}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Bestelling')}</th>
          <th scope="col">${msg('Soort')}</th>
          <th scope="col">${msg('Klant')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Geplaatst')}</th>
          <th scope="col">${msg('Totaal')}</th>
          <th scope="col">${msg('Notitie')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.orders.map(
          (o) => html`<tr data-order=${o.id}>
            <td>${o.id}</td>
            <td>${o.type === 'buy' ? msg('Kopen') : msg('Reserveren')}</td>
            <td>${o.customer.firstName} ${o.customer.lastName}</td>
            <td>${statusLabel(o.status)}</td>
            <td>${time.format(Date.parse(o.placedAt))}</td>
            <td>${money.format(Number(o.total))}</td>
            <td class="note">${o.note ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'simulator-panel': SimulatorPanel;
  }
}
