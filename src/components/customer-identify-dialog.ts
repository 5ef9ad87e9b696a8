import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CLOSE_DIALOG_EVENT } from '../host/dialogs.js';
import type { Customer, CustomerQuery } from '../host/customers.js';
import type { CloseMatch, CloseMatchReason } from '../services/import/close-matches.js';
import type { Address, StoredOrder } from '../services/store/order-model.js';
import { errorMessage } from '../common/error-message.js';

/** A close match's reason in the staff's words. */
export function closeMatchReasonLabel(reason: CloseMatchReason): string {
  switch (reason) {
    case 'email':
      return msg('zelfde e-mailadres');
    case 'phone':
      return msg('zelfde telefoonnummer');
    case 'postcode':
      return msg('zelfde postcode');
    case 'name':
      return msg('lijkende naam');
  }
}

/** A host customer in one line: full name, e-mail, postcode, customer id (the option's accessible name). */
export function customerSummary(customer: Customer): string {
  const name = `${customer.firstName} ${customer.lastName}`.trim();
  const postcode = customer.address?.postcode ?? customer.shippingAddress?.postcode;
  return [name, customer.email, postcode, msg(str`klantnummer ${customer.id}`)].filter(Boolean).join(', ');
}

function addressText(address: Address): string {
  return [address.street, `${address.postcode} ${address.city}`.trim(), address.country].filter(Boolean).join(', ');
}


/**
 * "Klant identificeren" for an order in "Klant-ID vereist": shows the order's customer, searches the
 * host's customer file (at once with the order's name), and lets staff choose a customer or create one,
 * after being shown customers that look alike. Pure UI: the work is done by the function properties.
 */
@customElement('locally-customer-identify-dialog')
@localized()
export class CustomerIdentifyDialog extends LitElement {
  static override styles = css`
    :host { display: block; width: min(40rem, 90vw); }
    h3 { font-size: 1rem; margin: 0.75rem 0 0.35rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.5rem; align-items: end; }
    label.field { display: grid; gap: 0.2rem; font-weight: 600; }
    label.field, input { min-width: 0; }
    input { font: inherit; padding: 0.3rem; width: 100%; box-sizing: border-box; }
    [role='radiogroup'] { display: grid; gap: 0.25rem; max-height: 16rem; overflow: auto; }
    [role='radiogroup'] label { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.2rem; }
    [role='radiogroup'] label:focus-within { outline: 2px solid #1f3a5a; }
    .close-matches { border: 1px solid #b54708; border-radius: 6px; padding: 0.5rem 0.75rem; margin-top: 0.75rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 0.75rem; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
    button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
    [role='alert'] { color: #b42318; }
    [role='alert'], [role='status'] { margin: 0.25rem 0; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  /** The host's customer search. */
  @property({ attribute: false }) search: ((query: CustomerQuery) => Promise<readonly Customer[]>) | undefined;
  /** Host customers that look like the order's customer, best first. */
  @property({ attribute: false }) closeMatches: (() => Promise<readonly CloseMatch[]>) | undefined;
  /** Links the customer to the order's customer and imports the order again; rejects with a reason to show. */
  @property({ attribute: false }) choose: ((customer: Customer) => Promise<unknown>) | undefined;
  /** Creates a host customer from the order's data, links it and imports again; rejects with a reason to show. */
  @property({ attribute: false }) createCustomer: (() => Promise<unknown>) | undefined;

  /** The last search's results; undefined before the first search finished. */
  @state() protected results: readonly Customer[] | undefined;
  /** The close matches shown after "Nieuwe klant aanmaken"; undefined while not asked for. */
  @state() protected lookAlikes: readonly CloseMatch[] | undefined;
  @state() protected selected: Customer | undefined;
  @state() protected searching = false;
  /** What is being done that changes something ('choose', 'create'); one at a time. */
  @state() protected working: 'choose' | 'create' | undefined;
  @state() protected error = '';
  @state() protected searchError = '';
  @state() protected statusText = '';

  protected searchedOnce = false;

  protected get customer() {
    return this.order?.order?.customer;
  }

  protected get fullName(): string {
    const customer = this.customer;
    return customer ? `${customer.firstName} ${customer.lastName}`.trim() : '';
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // The search field first: staff usually refine the name, or type the e-mail, and press Enter.
    this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Search at once with the order's name, as soon as there is an order and a search to ask.
    if (!this.searchedOnce && this.search && this.customer) {
      this.searchedOnce = true;
      const name = this.fullName;
      void this.runSearch(name ? { name } : {});
    }
  }

  protected override render() {
    const busy = this.working !== undefined;
    return html`
      ${this.renderOrderCustomer()}
      <h3 id="search-title">${msg('Klant zoeken')}</h3>
      <form role="search" aria-labelledby="search-title" @submit=${this.onSearch} novalidate>
        <label class="field">${msg('Naam')}
          <input name="name" autocomplete="off" .value=${this.fullName} />
        </label>
        <label class="field">${msg('E-mail')}
          <input name="email" type="email" autocomplete="off" />
        </label>
        <label class="field">${msg('Telefoon')}
          <input name="phone" type="tel" autocomplete="off" />
        </label>
        <label class="field">${msg('Postcode')}
          <input name="postcode" autocomplete="off" />
        </label>
        <button type="submit" aria-disabled=${this.searching ? 'true' : 'false'}>${msg('Zoeken')}</button>
      </form>
      <p role="alert">${this.searchError}</p>
      <h3 id="results-title">${msg('Gevonden klanten')}</h3>
      ${this.renderResults()}
      ${this.renderCloseMatches()}
      <p role="alert">${this.error}</p>
      <p role="status">${this.statusText}</p>
      <div class="buttons">
        <button type="button" aria-disabled=${!this.selected || busy ? 'true' : 'false'} @click=${this.onChoose}>${msg('Kies klant')}</button>
        ${this.lookAlikes === undefined
          ? html`<button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onNewCustomer}>${msg('Nieuwe klant aanmaken')}</button>`
          : nothing}
        <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
      </div>
    `;
  }

  protected renderOrderCustomer() {
    const customer = this.customer;
    if (!customer) return html`<p>${msg('De bestelling heeft geen leesbare klantgegevens.')}</p>`;
    return html`
      <h3>${msg('Klant van de bestelling')}</h3>
      <dl>
        <dt>${msg('Naam')}</dt><dd>${this.fullName}</dd>
        <dt>${msg('E-mail')}</dt><dd>${customer.email}</dd>
        ${customer.phone ? html`<dt>${msg('Telefoon')}</dt><dd>${customer.phone}</dd>` : nothing}
        <dt>${msg('Verzendadres')}</dt><dd>${addressText(customer.shippingAddress)}</dd>
      </dl>
      ${customer.emailOptIn ? html`<p>${msg('De klant wil e-mail ontvangen.')}</p>` : nothing}
    `;
  }

  protected renderResults() {
    if (this.results === undefined) return html`<p>${this.searching ? msg('Bezig met zoeken…') : msg('Nog niet gezocht.')}</p>`;
    if (!this.results.length) return html`<p>${msg('Geen klanten gevonden.')}</p>`;
    return html`<div role="radiogroup" aria-labelledby="results-title" aria-busy=${this.searching ? 'true' : 'false'}>
      ${this.results.map((customer) => this.renderCustomerOption('found', customer, customerSummary(customer)))}
    </div>`;
  }

  protected renderCloseMatches() {
    const matches = this.lookAlikes;
    if (matches === undefined) return nothing;
    const busy = this.working !== undefined;
    return html`<section class="close-matches" tabindex="-1" aria-labelledby="matches-title" aria-describedby="matches-text">
      <h3 id="matches-title">${msg('Lijkende klanten')}</h3>
      ${matches.length
        ? html`<p id="matches-text">${msg('Deze klanten lijken op de klant van de bestelling. Kies er een, of maak toch een nieuwe klant aan.')}</p>
            <div role="radiogroup" aria-labelledby="matches-title">
              ${matches.map((match) =>
                this.renderCustomerOption('close', match.customer, `${customerSummary(match.customer)} (${match.reasons.map(closeMatchReasonLabel).join(', ')})`),
              )}
            </div>`
        : html`<p id="matches-text">${msg('Lijkende klanten konden niet worden gezocht. Maak toch een nieuwe klant aan, of kies een gevonden klant.')}</p>`}
      <div class="buttons">
        <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.onCreate}>${msg('Toch nieuwe klant aanmaken')}</button>
      </div>
    </section>`;
  }

  protected renderCustomerOption(group: string, customer: Customer, label: string) {
    return html`<label>
      <input type="radio" name=${group} .value=${customer.id} .checked=${live(this.selected?.id === customer.id)} @change=${() => this.select(customer)} />
      <span>${label}</span>
    </label>`;
  }

  protected select(customer: Customer): void {
    this.selected = customer;
    this.error = '';
  }

  protected async onSearch(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.searching) return;
    const form = new FormData(event.target as HTMLFormElement);
    const query: { -readonly [K in keyof CustomerQuery]: CustomerQuery[K] } = {};
    for (const key of ['name', 'email', 'phone', 'postcode'] as const) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim()) query[key] = value.trim();
    }
    if (!Object.keys(query).length) {
      this.searchError = msg('Vul minstens één zoekveld in.');
      return;
    }
    await this.runSearch(query);
  }

  protected async runSearch(query: CustomerQuery): Promise<void> {
    if (this.searching || !this.search) return;
    this.searching = true;
    this.searchError = '';
    this.statusText = msg('Bezig met zoeken…');
    try {
      const results = await this.search(query);
      this.results = results;
      // A choice must be visible: drop one that left the list.
      const shown = [...results, ...(this.lookAlikes ?? []).map((match) => match.customer)];
      if (this.selected && !shown.some((customer) => customer.id === this.selected?.id)) this.selected = undefined;
      this.statusText = results.length === 1 ? msg('1 klant gevonden.') : msg(str`${results.length} klanten gevonden.`);
    } catch (error) {
      this.statusText = '';
      this.searchError = msg(str`Zoeken lukte niet: ${errorMessage(error)}`);
    } finally {
      this.searching = false;
    }
  }

  protected async onChoose(): Promise<void> {
    if (this.working) return;
    const customer = this.selected;
    if (!customer) {
      this.error = msg('Kies eerst een klant uit de lijst.');
      return;
    }
    await this.act('choose', msg('Bezig met koppelen…'), () => this.choose?.(customer));
  }

  /** "Nieuwe klant aanmaken": first shows customers that look alike, if any; otherwise creates at once. */
  protected async onNewCustomer(): Promise<void> {
    if (this.working) return;
    if (!this.closeMatches) {
      await this.onCreate();
      return;
    }
    this.working = 'create';
    this.error = '';
    this.statusText = msg('Bezig met zoeken naar lijkende klanten…');
    let matches: readonly CloseMatch[];
    try {
      matches = await this.closeMatches();
    } catch (error) {
      this.working = undefined;
      this.statusText = '';
      this.error = msg(str`Zoeken naar lijkende klanten lukte niet: ${errorMessage(error)}`);
      await this.showCloseMatches([]);
      return;
    }
    this.working = undefined;
    this.statusText = '';
    if (matches.length) {
      await this.showCloseMatches(matches);
      return;
    }
    await this.onCreate();
  }

  protected async showCloseMatches(matches: readonly CloseMatch[]): Promise<void> {
    this.lookAlikes = matches;
    await this.updateComplete;
    // The button that was pressed is gone; put focus on the question so it is read out.
    this.renderRoot.querySelector<HTMLElement>('.close-matches')?.focus();
  }

  protected async onCreate(): Promise<void> {
    if (this.working) return;
    await this.act('create', msg('Bezig met klant aanmaken…'), () => this.createCustomer?.());
  }

  /** Runs one change at a time; closes the dialog when it succeeds, shows the reason when not. */
  protected async act(kind: 'choose' | 'create', busyText: string, action: () => Promise<unknown> | undefined): Promise<void> {
    this.working = kind;
    this.error = '';
    this.statusText = busyText;
    try {
      await action();
      this.statusText = '';
      this.close();
    } catch (error) {
      this.statusText = '';
      this.error = errorMessage(error);
    } finally {
      this.working = undefined;
    }
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-customer-identify-dialog': CustomerIdentifyDialog;
  }
}
