import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { CLOSE_DIALOG_EVENT } from '../host/dialogs.js';
import type { Product } from '../host/products.js';
import { identifierMismatches, type IdentifierMismatch } from '../services/import/identifier-mismatches.js';
import type { LineMatchState } from '../services/import/line-match-state.js';
import { orderStatusLabel } from '../services/lifecycle/order-status-labels.js';
import { formatEuro } from '../services/money.js';
import type { OrderStatus, ProviderOrderLine, StoredOrder } from '../services/store/order-model.js';
import { errorMessage } from '../common/error-message.js';

/** What "Verkoop afhandelen" reports back. */
export interface HandleSaleResult {
  readonly status: OrderStatus;
  readonly problems: readonly string[];
}

/** The text "Product zoeken" starts with: the line's GTIN, else VPN, else MPN, else description. */
export function lineSearchText(line: ProviderOrderLine): string {
  return line.gtin?.trim() || line.vendorPartNumber?.trim() || line.mpn?.trim() || line.description;
}

/** A host product in one line (an option's accessible name): description, brand, identifiers, id. */
export function productSummary(product: Product): string {
  return [
    product.description,
    product.brand,
    product.ean ? msg(str`EAN ${product.ean}`) : undefined,
    product.vendorPartNumber ? msg(str`VPN ${product.vendorPartNumber}`) : undefined,
    product.mpn ? msg(str`MPN ${product.mpn}`) : undefined,
    msg(str`artikel ${product.id}`),
  ]
    .filter(Boolean)
    .join(', ');
}

/** One mismatch as a warning sentence. */
export function mismatchText(mismatch: IdentifierMismatch): string {
  const field = mismatch.field === 'GTIN' ? msg('EAN') : mismatch.field;
  return msg(str`Let op: de ${field} van de regel (${mismatch.line}) verschilt van die van het product (${mismatch.product}).`);
}


/** What staff did so far for one failing line. */
interface LineUi {
  /** The last search's results; undefined before a search. */
  readonly results?: readonly Product[];
  readonly searching?: boolean;
  readonly selected?: Product;
  /** The product waiting for "Toch koppelen", with why. */
  readonly mismatch?: { readonly product: Product; readonly mismatches: readonly IdentifierMismatch[] };
  readonly error?: string;
}

type FailingLine = Exclude<LineMatchState, { kind: 'matched' }>;

/**
 * "Product koppelen" for an order in "Productkoppeling mislukt": every line, the failing ones each with
 * their identifiers, a product search and "Koppelen" / "Nieuw product toevoegen"; then "Verkoop afhandelen"
 * imports again, or "Gearchiveerd" leaves the order to be handled by hand. Pure UI: the work is done by
 * the function properties.
 */
@customElement('locally-product-link-dialog')
@localized()
export class ProductLinkDialog extends LitElement {
  static override styles = css`
    :host { display: block; min-width: 26rem; max-width: 56rem; }
    h3 { font-size: 1rem; margin: 0 0 0.35rem; }
    ul.matched { margin: 0 0 0.75rem; padding-left: 1.25rem; }
    .line { border: 1px solid #999; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0 0 0.35rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .reason { font-weight: 600; margin: 0.25rem 0; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.35rem 0; }
    form label { display: grid; gap: 0.2rem; font-weight: 600; flex: 1 1 14rem; }
    input { font: inherit; padding: 0.3rem; }
    [role='radiogroup'] { display: grid; gap: 0.2rem; max-height: 14rem; overflow: auto; margin: 0.25rem 0; }
    [role='radiogroup'] label { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.15rem; }
    [role='radiogroup'] label:focus-within { outline: 2px solid #1f3a5a; }
    .group-title { font-weight: 600; margin: 0.35rem 0 0.1rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 0.5rem; }
    .confirm { border: 1px solid #b54708; border-radius: 6px; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
    button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
    [role='alert'] { color: #b42318; margin: 0.25rem 0; }
    [role='status'] { margin: 0.25rem 0; }
  `;

  @property({ attribute: false }) order: StoredOrder | undefined;
  /** Every line's current match state. */
  @property({ attribute: false }) lineStates: (() => Promise<readonly LineMatchState[]>) | undefined;
  /** The host's product search (GTIN, UPC, VPN, MPN or description). */
  @property({ attribute: false }) search: ((text: string) => Promise<readonly Product[]>) | undefined;
  /** Remembers the product for that line's identifier; rejects with a reason to show. */
  @property({ attribute: false }) link: ((lineIndex: number, product: Product) => Promise<unknown>) | undefined;
  /** Adds a host product from the line's data, linked to it. */
  @property({ attribute: false }) createProduct: ((lineIndex: number) => Promise<Product>) | undefined;
  /** "Verkoop afhandelen": imports the order again. */
  @property({ attribute: false }) handleSale: (() => Promise<HandleSaleResult>) | undefined;
  /** "Gearchiveerd": leaves the order to be handled by hand in the till. */
  @property({ attribute: false }) archive: (() => Promise<unknown>) | undefined;

  /** Undefined until the first answer of `lineStates`. */
  @state() protected states: readonly LineMatchState[] | undefined;
  @state() protected lines: ReadonlyMap<number, LineUi> = new Map();
  /** One change at a time (link, create, sale, archive). */
  @state() protected working = false;
  @state() protected statusText = '';
  @state() protected loadError = '';
  /** Why "Verkoop afhandelen" or "Archiveren" did not finish. */
  @state() protected footerError = '';
  @state() protected footerProblems: readonly string[] = [];
  @state() protected confirmingArchive = false;

  protected loadedOnce = false;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.loadedOnce && this.lineStates) {
      this.loadedOnce = true;
      void this.refresh().then(() => this.focusNextLine());
    }
  }

  protected get failing(): FailingLine[] {
    return (this.states ?? []).filter((s): s is FailingLine => s.kind !== 'matched');
  }

  protected override render() {
    const states = this.states;
    const matched = (states ?? []).filter((s) => s.kind === 'matched');
    const failing = this.failing;
    return html`
      <p role="status">${this.statusText}</p>
      <p role="alert">${this.loadError}</p>
      ${states === undefined && !this.loadError ? html`<p>${msg('Regels laden…')}</p>` : nothing}
      ${matched.length
        ? html`<h3 id="matched-title">${msg('Gekoppelde regels')}</h3>
            <ul class="matched" aria-labelledby="matched-title">
              ${matched.map(
                (s) => html`<li>${msg(str`Regel ${s.index + 1}: ${s.line.description} → ${s.product.description} (${s.product.id})`)}</li>`,
              )}
            </ul>`
        : nothing}
      ${repeat(
        failing,
        (s) => s.index,
        (s) => this.renderFailing(s),
      )}
      ${states !== undefined && !failing.length
        ? html`<p>${msg('Alle regels zijn gekoppeld. Kies "Verkoop afhandelen" om de bestelling te importeren.')}</p>`
        : nothing}
      ${this.renderFooter()}
    `;
  }

  protected renderFailing(s: FailingLine) {
    const i = s.index;
    const n = i + 1;
    const line = s.line;
    const ui = this.lines.get(i) ?? {};
    const id = (part: string) => `line-${i}-${part}`;
    return html`<section class="line" role="group" aria-labelledby=${id('title')}>
      <h3 id=${id('title')}>${msg(str`Regel ${n}: ${line.description}`)}</h3>
      <dl>
        ${line.gtin ? html`<dt>${msg('EAN/GTIN')}</dt><dd>${line.gtin}</dd>` : nothing}
        ${line.vendorPartNumber ? html`<dt>${msg('VPN')}</dt><dd>${line.vendorPartNumber}</dd>` : nothing}
        ${line.mpn ? html`<dt>${msg('MPN')}</dt><dd>${line.mpn}</dd>` : nothing}
        <dt>${msg('Aantal')}</dt><dd>${line.quantity}</dd>
        <dt>${msg('Prijs')}</dt><dd>${formatEuro(line.unitPriceCents)}</dd>
      </dl>
      <p class="reason">${s.kind === 'ambiguous' ? msg('Meerdere producten gevonden') : msg('Geen product gevonden')}</p>
      ${s.kind === 'ambiguous' && s.candidates.length
        ? this.renderProductOptions(i, 'candidates', msg('Kandidaten'), s.candidates, ui.selected)
        : nothing}
      <form @submit=${(event: SubmitEvent) => this.onSearch(event, i)} novalidate>
        <label>${msg('Product zoeken')}
          <input name="text" type="search" autocomplete="off" .value=${lineSearchText(line)} />
        </label>
        <button type="submit" aria-disabled=${ui.searching ? 'true' : 'false'}>${msg('Zoeken')}</button>
      </form>
      ${ui.results === undefined
        ? nothing
        : ui.results.length
          ? this.renderProductOptions(i, 'results', msg('Zoekresultaten'), ui.results, ui.selected)
          : html`<p>${msg('Geen producten gevonden.')}</p>`}
      <div role="alert">
        ${ui.mismatch ? ui.mismatch.mismatches.map((m) => html`<p>${mismatchText(m)}</p>`) : nothing}
        ${ui.error ? html`<p>${ui.error}</p>` : nothing}
      </div>
      <div class="buttons">
        ${ui.mismatch
          ? html`<button type="button" aria-disabled=${this.working ? 'true' : 'false'} @click=${() => this.onLink(i, true)}>
              ${msg('Toch koppelen')}
            </button>`
          : nothing}
        <button type="button" aria-disabled=${!ui.selected || this.working ? 'true' : 'false'} @click=${() => this.onLink(i, false)}>
          ${msg('Koppelen')}
        </button>
        <button type="button" aria-disabled=${this.working ? 'true' : 'false'} @click=${() => this.onCreate(i)}>
          ${msg('Nieuw product toevoegen')}
        </button>
      </div>
    </section>`;
  }

  protected renderProductOptions(index: number, kind: string, title: string, products: readonly Product[], selected: Product | undefined) {
    const titleId = `line-${index}-${kind}`;
    return html`<p class="group-title" id=${titleId}>${title}</p>
      <div role="radiogroup" aria-labelledby=${titleId}>
        ${products.map(
          (product) => html`<label>
            <input
              type="radio"
              name=${titleId}
              .value=${product.id}
              .checked=${live(selected?.id === product.id)}
              @change=${() => this.patchLine(index, { selected: product, mismatch: undefined, error: undefined })}
            />
            <span>${productSummary(product)}</span>
          </label>`,
        )}
      </div>`;
  }

  protected renderFooter() {
    return html`
      <div role="alert">
        ${this.footerError ? html`<p>${this.footerError}</p>` : nothing}
        ${this.footerProblems.length
          ? html`<p>${msg('De bestelling is nog niet geïmporteerd:')}</p>
              <ul>${this.footerProblems.map((problem) => html`<li>${problem}</li>`)}</ul>`
          : nothing}
      </div>
      ${this.confirmingArchive
        ? html`<div class="confirm" role="group" tabindex="-1" aria-labelledby="archive-text">
            <p id="archive-text">${msg('De bestelling wordt niet geïmporteerd; handel haar zelf af in de kassa.')}</p>
            <div class="buttons">
              <button type="button" aria-disabled=${this.working ? 'true' : 'false'} @click=${this.onArchive}>${msg('Archiveren bevestigen')}</button>
              <button type="button" @click=${this.cancelArchive}>${msg('Niet archiveren')}</button>
            </div>
          </div>`
        : nothing}
      <div class="buttons">
        <button type="button" id="handle-sale" aria-disabled=${this.working ? 'true' : 'false'} @click=${this.onHandleSale}>
          ${msg('Verkoop afhandelen')}
        </button>
        <button type="button" id="archive" aria-expanded=${this.confirmingArchive ? 'true' : 'false'} @click=${this.askArchive}>
          ${msg('Gearchiveerd')}
        </button>
        <button type="button" @click=${this.close}>${msg('Sluiten')}</button>
      </div>
    `;
  }

  protected patchLine(index: number, patch: Partial<LineUi>): void {
    const lines = new Map(this.lines);
    lines.set(index, { ...lines.get(index), ...patch });
    this.lines = lines;
  }

  /** Asks for every line's state again; keeps what staff did on lines that still fail. */
  protected async refresh(): Promise<void> {
    if (!this.lineStates) return;
    try {
      this.states = await this.lineStates();
      this.loadError = '';
    } catch (error) {
      this.loadError = msg(str`De regels konden niet worden geladen: ${errorMessage(error)}`);
    }
  }

  /** Focus on the first failing line's search field, or on "Verkoop afhandelen" when all lines are linked. */
  protected async focusNextLine(): Promise<void> {
    await this.updateComplete;
    const next = this.failing[0];
    const target = next
      ? this.renderRoot.querySelector<HTMLElement>(`section[aria-labelledby="line-${next.index}-title"] input[type="search"]`)
      : this.renderRoot.querySelector<HTMLElement>('#handle-sale');
    target?.focus();
  }

  protected async onSearch(event: SubmitEvent, index: number): Promise<void> {
    event.preventDefault();
    if (this.lines.get(index)?.searching || !this.search) return;
    const value = new FormData(event.target as HTMLFormElement).get('text');
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      this.patchLine(index, { error: msg('Vul een zoekterm in: EAN, artikelnummer of omschrijving.') });
      return;
    }
    this.patchLine(index, { searching: true, error: undefined });
    this.statusText = msg('Bezig met zoeken…');
    try {
      const results = await this.search(text);
      const selected = this.lines.get(index)?.selected;
      const candidates = this.failing.find((s) => s.index === index);
      const stillShown =
        selected && [...results, ...(candidates?.kind === 'ambiguous' ? candidates.candidates : [])].some((p) => p.id === selected.id);
      this.patchLine(index, { results, searching: false, ...(stillShown ? {} : { selected: undefined, mismatch: undefined }) });
      this.statusText = results.length === 1 ? msg('1 product gevonden.') : msg(str`${results.length} producten gevonden.`);
    } catch (error) {
      this.patchLine(index, { searching: false, error: msg(str`Zoeken lukte niet: ${errorMessage(error)}`) });
      this.statusText = '';
    }
  }

  /** "Koppelen": warns first when the product's identifiers denote something else; "Toch koppelen" goes on. */
  protected async onLink(index: number, despiteMismatch: boolean): Promise<void> {
    if (this.working) return;
    const ui = this.lines.get(index) ?? {};
    const state = this.failing.find((s) => s.index === index);
    const product = despiteMismatch ? ui.mismatch?.product : ui.selected;
    if (!state || !product) {
      this.patchLine(index, { error: msg('Kies eerst een product uit de lijst.') });
      return;
    }
    if (!despiteMismatch) {
      const mismatches = identifierMismatches(state.line, product);
      if (mismatches.length) {
        this.patchLine(index, { mismatch: { product, mismatches }, error: undefined });
        return;
      }
    }
    await this.change(index, msg('Bezig met koppelen…'), async () => {
      await this.link?.(index, product);
      return msg(str`Regel ${index + 1} is gekoppeld aan ${product.description} (${product.id}).`);
    });
  }

  protected async onCreate(index: number): Promise<void> {
    if (this.working || !this.createProduct) return;
    const create = this.createProduct;
    await this.change(index, msg('Bezig met product toevoegen…'), async () => {
      const product = await create(index);
      return msg(str`Nieuw product toegevoegd en gekoppeld aan regel ${index + 1}: ${product.description} (${product.id}).`);
    });
  }

  /** Runs a link or create, then asks for the lines again and moves focus on to the next failing line. */
  protected async change(index: number, busyText: string, action: () => Promise<string>): Promise<void> {
    this.working = true;
    this.statusText = busyText;
    this.patchLine(index, { error: undefined });
    try {
      const done = await action();
      this.patchLine(index, { mismatch: undefined, selected: undefined });
      await this.refresh();
      this.statusText = done;
      this.working = false;
      await this.focusNextLine();
    } catch (error) {
      this.statusText = '';
      this.patchLine(index, { error: errorMessage(error) });
    } finally {
      this.working = false;
    }
  }

  protected async onHandleSale(): Promise<void> {
    if (this.working || !this.handleSale) return;
    this.working = true;
    this.footerError = '';
    this.footerProblems = [];
    this.statusText = msg('Bezig met verkoop afhandelen…');
    try {
      const result = await this.handleSale();
      if (result.status === 'new') {
        this.statusText = '';
        this.close();
        return;
      }
      this.footerProblems = result.problems.length
        ? result.problems
        : [msg(str`De bestelling heeft de status ${orderStatusLabel(result.status)}.`)];
      this.statusText = '';
      await this.refresh();
    } catch (error) {
      this.statusText = '';
      this.footerError = errorMessage(error);
    } finally {
      this.working = false;
    }
  }

  protected async askArchive(): Promise<void> {
    this.confirmingArchive = !this.confirmingArchive;
    if (!this.confirmingArchive) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm')?.focus();
  }

  protected async cancelArchive(): Promise<void> {
    this.confirmingArchive = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#archive')?.focus();
  }

  protected async onArchive(): Promise<void> {
    if (this.working || !this.archive) return;
    this.working = true;
    this.footerError = '';
    this.footerProblems = [];
    this.statusText = msg('Bezig met archiveren…');
    try {
      await this.archive();
      this.statusText = '';
      this.close();
    } catch (error) {
      this.statusText = '';
      this.footerError = msg(str`Archiveren lukte niet: ${errorMessage(error)}`);
    } finally {
      this.working = false;
    }
  }

  protected close(): void {
    this.dispatchEvent(new CustomEvent(CLOSE_DIALOG_EVENT, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-product-link-dialog': ProductLinkDialog;
  }
}
