import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CommandAvailability } from '../../src/host/commands.js';
import type { Customer } from '../../src/host/customers.js';
import type { MenuId } from '../../src/host/menus.js';
import type { Product } from '../../src/host/products.js';
import type { Transaction, TransactionLine } from '../../src/host/transactions.js';
import { formatAmountInput, formatCents, parseEuroAmount } from '../data/amount-due.js';
import { amountDue } from '../data/index.js';
import type { ResolvedMenuItem } from '../host/shell-host.js';
import { createTransactionReceipt } from './transaction-receipt.js';
import { ShellHostElement } from './shell-host-element.js';

/** A button in one of the window's toolbars. */
interface ToolButton {
  readonly key: string;
  readonly label: string;
  readonly disabledReason?: string;
  run(): unknown;
}

/**
 * The transaction window: region "Transactie <barcode>" with customer, lines, article entry,
 * notes, totals, and the toolbars "Transactie" and "Betalingen" (the shell's own buttons plus
 * contributed ones whose `when` clause holds for this transaction).
 */
@customElement('transaction-window')
export class TransactionWindow extends ShellHostElement {
  static override styles = css`
    :host { display: block; }
    section { border: 2px solid #1f3a5a; border-radius: 6px; background: #fff; padding: 0 0.75rem 0.75rem; }
    header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
    h2 { font-size: 1.2rem; margin: 0.5rem 0; }
    .state { font-weight: 700; padding: 0.1rem 0.5rem; border-radius: 4px; background: #e3f1e3; color: #145214; }
    .state.finalized { background: #1f3a5a; color: #fff; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
    th, td { text-align: left; padding: 0.25rem 0.4rem; border-bottom: 1px solid #ddd; }
    td.num, th.num { text-align: right; }
    .grid { display: grid; grid-template-columns: 1fr 16rem; gap: 1rem; }
    label { display: block; font-weight: 600; margin-top: 0.5rem; }
    input, textarea { font: inherit; width: 100%; box-sizing: border-box; }
    input.price { width: 6rem; text-align: right; }
    textarea { min-height: 4rem; }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.2rem 1rem; margin: 0.5rem 0; }
    dt { font-weight: 600; }
    dd { margin: 0; text-align: right; }
    .due { font-size: 1.2rem; font-weight: 700; }
    [role='toolbar'] { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.5rem; align-items: center; }
    [role='toolbar'] .name { font-weight: 600; margin-right: 0.25rem; }
    button { font: inherit; padding: 0.35rem 0.8rem; }
    button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
    .reasons { font-size: 0.85rem; color: #444; margin: 0.25rem 0 0; padding-left: 1.2rem; }
    .payments { margin: 0; padding-left: 1.2rem; }
  `;

  @property() transactionId = '';
  @state() protected transaction: Transaction | undefined;
  @state() protected customer: Customer | undefined;
  @state() protected availability = new Map<string, CommandAvailability>();
  protected notesDraft: string | undefined;
  /** Prices typed but not yet stored, by line id, so a reload while a guard asks does not undo the typing. */
  protected readonly priceDrafts = new Map<string, string>();
  protected loadSeq = 0;

  protected override hostChanged(): void {
    // Menus, keys and availability may change with anything in the shell.
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('transactionId') && changed.get('transactionId') !== undefined) void this.load();
  }

  /** Loads the transaction, its customer and the availability of contributed commands. */
  protected async load(): Promise<void> {
    const host = this.host;
    if (!host || !this.transactionId) return;
    const seq = ++this.loadSeq;
    try {
      const transaction = await host.data.transactions.get(this.transactionId);
      const customer = transaction?.customerId ? await host.data.customers.get(transaction.customerId) : undefined;
      const availability = new Map<string, CommandAvailability>();
      if (transaction) {
        const overlay = host.transactionContext(transaction);
        const items = [
          ...host.visibleMenuItems('transaction/toolbar', overlay),
          ...host.visibleMenuItems('transaction/payments', overlay),
        ];
        await Promise.all(
          items.map(async (i) => availability.set(i.command, await host.getAvailability(i.command, { transaction }))),
        );
      }
      if (seq !== this.loadSeq) return;
      this.transaction = transaction;
      this.customer = customer;
      this.availability = availability;
    } catch (error) {
      if (!host.isDisposed) host.reportError(error, msg('De transactie kon niet worden geladen.'));
    }
  }

  override render() {
    const host = this.host;
    const tx = this.transaction;
    if (!host || !tx) return html`<p>${msg('Transactie laden…')}</p>`;
    const finalized = tx.state === 'finalized';
    const paid = tx.payments.reduce((sum, p) => sum + p.amountCents, 0);
    const due = amountDue(tx);
    const title = msg(str`Transactie ${tx.barcode}`);
    return html`<section role="region" aria-label=${title} @focusin=${() => host.activateTransactionWindow(tx.id)}>
      <header>
        <h2>${title}</h2>
        <span class="state ${finalized ? 'finalized' : ''}">
          ${finalized ? msg('Afgerond') : tx.keptOpen ? msg('Open (blijft open)') : msg('Open')}
        </span>
        <button @click=${() => host.closeTransactionWindow(tx.id)}>${msg('Sluiten')}</button>
      </header>
      <p>
        ${msg('Klant:')}
        ${this.customer ? `${this.customer.firstName} ${this.customer.lastName}` : msg('geen klant')}
        ${tx.externalRef ? html` · ${msg('Bestelling:')} ${tx.externalRef}` : nothing}
      </p>
      <div class="grid">
        <div>
          ${this.renderLines(tx, finalized)}
          ${finalized
            ? nothing
            : html`<label for="article">${msg('Artikel zoeken of scannen')}</label>
                <input id="article" autocomplete="off" @keydown=${this.onArticleKey} />`}
          <label for="notes">${msg('Opmerkingen')}</label>
          <textarea id="notes" .value=${this.notesDraft ?? tx.notes} ?readonly=${finalized}
            @input=${(e: InputEvent) => (this.notesDraft = (e.target as HTMLTextAreaElement).value)}
            @change=${() => void this.flushNotes()}></textarea>
        </div>
        <div>
          <dl>
            <dt>${msg('Totaal')}</dt><dd>${host.locale.money(tx.totalCents)}</dd>
            <dt>${msg('Betaald')}</dt><dd>${host.locale.money(paid)}</dd>
            <dt class="due">${msg('Te betalen')}</dt><dd class="due">${host.locale.money(due)}</dd>
          </dl>
          ${tx.payments.length > 0
            ? html`<ul class="payments" aria-label=${msg('Betalingen op deze transactie')}>
                ${tx.payments.map(
                  (p) => html`<li>${p.label}${p.cardType ? ` (${p.cardType})` : ''}: ${host.locale.money(p.amountCents)}
                    ${p.note ? html` – ${p.note}` : nothing}</li>`,
                )}
              </ul>`
            : nothing}
        </div>
      </div>
      ${this.renderToolbar('toolbar', msg('Transactie'), this.transactionButtons(tx))}
      ${this.renderToolbar('payments', msg('Betalingen'), this.paymentButtons(tx, due))}
    </section>`;
  }

  protected renderLines(tx: Transaction, finalized: boolean) {
    const money = (c: number) => this.host!.locale.money(c);
    if (tx.lines.length === 0) return html`<p>${msg('Nog geen artikelen.')}</p>`;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${msg('Omschrijving')}</th>
          <th scope="col" class="num">${msg('Aantal')}</th>
          <th scope="col" class="num">${msg('Prijs')}</th>
          <th scope="col" class="num">${msg('Totaal')}</th>
          ${finalized ? nothing : html`<th scope="col"><span style="position:absolute;left:-9999px">${msg('Acties')}</span></th>`}
        </tr>
      </thead>
      <tbody>
        ${tx.lines.map(
          (line) => html`<tr>
            <td>${line.description}</td>
            <td class="num">${line.quantity}</td>
            <td class="num">
              ${finalized
                ? money(line.unitPriceCents)
                : html`<input class="price" inputmode="decimal" autocomplete="off"
                    aria-label=${msg(str`Prijs ${line.description}`)}
                    .value=${live(this.priceDrafts.get(line.id) ?? formatAmountInput(line.unitPriceCents))}
                    @input=${(e: InputEvent) => this.priceDrafts.set(line.id, (e.target as HTMLInputElement).value)}
                    @change=${(e: Event) => void this.changePrice(line, e.target as HTMLInputElement)} />`}
            </td>
            <td class="num">${money(line.quantity * line.unitPriceCents)}</td>
            ${finalized
              ? nothing
              : html`<td>
                  <button @click=${() => this.removeLine(line.id)}>${msg(str`Verwijder ${line.description}`)}</button>
                </td>`}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected renderToolbar(id: string, name: string, buttons: readonly ToolButton[]) {
    const reasons = buttons.filter((b) => b.disabledReason !== undefined);
    return html`<div role="toolbar" aria-label=${name} @keydown=${this.onToolbarKey}>
        <span class="name" aria-hidden="true">${name}:</span>
        ${buttons.map(
          (b) => html`<button
            data-command=${b.key}
            aria-disabled=${b.disabledReason !== undefined ? 'true' : 'false'}
            aria-describedby=${b.disabledReason !== undefined ? `${id}-reason-${b.key}` : nothing}
            @click=${() => this.press(b)}
          >
            ${b.label}
          </button>`,
        )}
      </div>
      ${reasons.length > 0
        ? html`<ul class="reasons">
            ${reasons.map((b) => html`<li id="${id}-reason-${b.key}">${b.label}: ${b.disabledReason}</li>`)}
          </ul>`
        : nothing}`;
  }

  protected transactionButtons(tx: Transaction): ToolButton[] {
    const finalizedReason = tx.state === 'finalized' ? msg('De transactie is afgerond.') : undefined;
    return [
      { key: 'shell.save', label: msg('Opslaan'), disabledReason: finalizedReason, run: () => this.save() },
      { key: 'shell.printReceipt', label: msg('Bon afdrukken'), run: () => this.printReceipt() },
      ...this.contributed('transaction/toolbar', tx),
    ];
  }

  protected paymentButtons(tx: Transaction, due: number): ToolButton[] {
    const finalizedReason = tx.state === 'finalized' ? msg('De transactie is afgerond.') : undefined;
    const reason = finalizedReason ?? (due === 0 ? msg('Er staat niets open.') : undefined);
    return [
      { key: 'shell.cash', label: msg('Contant'), disabledReason: reason, run: () => this.pay('cash', msg('Contant')) },
      { key: 'shell.card', label: msg('Pin'), disabledReason: reason, run: () => this.pay('card', msg('Pin')) },
      ...this.contributed('transaction/payments', tx),
    ];
  }

  protected contributed(menu: MenuId, tx: Transaction): ToolButton[] {
    const host = this.host!;
    return host.visibleMenuItems(menu, host.transactionContext(tx)).map((item: ResolvedMenuItem) => {
      const availability = this.availability.get(item.command);
      return {
        key: item.command,
        label: item.title,
        disabledReason: availability && !availability.enabled ? availability.reason : undefined,
        run: async () => {
          const current = await host.data.transactions.get(tx.id);
          await host.executeCommand(item.command, current ? { transaction: current } : {});
        },
      };
    });
  }

  protected async press(button: ToolButton): Promise<void> {
    if (button.disabledReason !== undefined) {
      this.host?.messages.notify(button.disabledReason, 'warning');
      return;
    }
    try {
      await button.run();
    } catch (error) {
      this.host?.reportError(error, error instanceof Error ? error.message : undefined);
    }
  }

  protected async flushNotes(): Promise<void> {
    const host = this.host;
    const tx = this.transaction;
    if (!host || !tx || this.notesDraft === undefined || tx.state === 'finalized') return;
    const notes = this.notesDraft;
    if (notes !== tx.notes) await host.data.transactions.setNotes(tx.id, notes);
    if (this.notesDraft === notes) this.notesDraft = undefined;
  }

  protected async save(): Promise<void> {
    const host = this.host!;
    await this.flushNotes();
    const outcome = await host.data.transactions.save(this.transactionId);
    const text = {
      finalized: msg('Transactie afgerond als verkoop.'),
      'kept-open': msg('Transactie opgeslagen; ze blijft open.'),
      saved: msg('Transactie opgeslagen.'),
    }[outcome];
    host.messages.notify(text);
  }

  protected async printReceipt(): Promise<void> {
    const host = this.host!;
    const tx = await host.data.transactions.get(this.transactionId);
    if (!tx) return;
    const customer = tx.customerId ? await host.data.customers.get(tx.customerId) : undefined;
    await host.printing.print({
      title: msg(str`Transactiebon ${tx.barcode}`),
      format: 'receipt-80mm',
      content: createTransactionReceipt(tx, host.locale, { customer, now: host.clock.now() }),
    });
  }

  protected async pay(method: 'cash' | 'card', label: string): Promise<void> {
    const host = this.host!;
    const due = await host.data.payments.getAmountDue(this.transactionId);
    if (due === 0) return;
    await host.data.payments.record(this.transactionId, { method, label, amountCents: due });
  }

  protected async removeLine(lineId: string): Promise<void> {
    try {
      await this.host!.data.transactions.removeLines(this.transactionId, [lineId]);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#article')?.focus();
    } catch (error) {
      this.host?.reportError(error, error instanceof Error ? error.message : undefined);
    }
  }

  /** Stores a typed price (a text field fires change on Enter and on blur); on refusal shows the old one again. */
  protected async changePrice(line: TransactionLine, input: HTMLInputElement): Promise<void> {
    const host = this.host;
    if (!host) return;
    const text = input.value;
    this.priceDrafts.set(line.id, text);
    const putBack = () => {
      this.priceDrafts.delete(line.id);
      const stored = this.transaction?.lines.find((l) => l.id === line.id) ?? line;
      input.value = formatAmountInput(stored.unitPriceCents);
      this.requestUpdate();
    };
    const cents = parseEuroAmount(text);
    if (cents === undefined) {
      putBack();
      host.messages.notify(
        msg(str`"${text.trim()}" is geen geldig bedrag; de prijs blijft ${formatCents(line.unitPriceCents)}.`),
        'warning',
      );
      return;
    }
    try {
      const result = await host.data.transactions.setLinePrice(this.transactionId, line.id, cents);
      if (result.status === 'declined') {
        putBack();
        const reason = result.reason ? ` ${result.reason}` : '';
        host.messages.notify(`${msg('Prijs niet gewijzigd.')}${reason}`, 'warning');
        return;
      }
      // Typed again while the guard asked: that newer text is the next change, keep it.
      if (this.priceDrafts.get(line.id) === text) this.priceDrafts.delete(line.id);
      this.requestUpdate();
    } catch (error) {
      putBack();
      host.reportError(error, error instanceof Error ? error.message : undefined);
    }
  }

  /** Enter adds the first match: a barcode (GTIN), then a supplier part number, then text. */
  protected async onArticleKey(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const text = input.value.trim();
    const host = this.host;
    if (!text || !host) return;
    try {
      const product = await this.findProduct(text);
      if (!product) {
        host.messages.notify(msg(str`Geen artikel gevonden voor "${text}".`), 'warning');
        return;
      }
      await host.data.transactions.addProduct(this.transactionId, product.id);
      input.value = '';
    } catch (error) {
      host.reportError(error, error instanceof Error ? error.message : undefined);
    }
  }

  protected async findProduct(text: string): Promise<Product | undefined> {
    const products = this.host!.data.products;
    if (/^\d{8,14}$/.test(text)) {
      const [byGtin] = await products.findByGtin(text);
      if (byGtin) return byGtin;
    }
    const [byPart] = await products.findByVendorPartNumber(text);
    if (byPart) return byPart;
    const [byText] = await products.search(text, 1);
    return byText;
  }

  /** Arrow keys move between a toolbar's buttons. */
  protected onToolbarKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
  }

  /** Puts focus in the article field (or the window) when the window is opened. */
  async focusEntry(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('#article') ?? this.renderRoot.querySelector<HTMLElement>('button');
    target?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'transaction-window': TransactionWindow;
  }
}
