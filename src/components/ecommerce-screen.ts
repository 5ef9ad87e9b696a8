import { LOCALE_STATUS_EVENT, localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Observable } from 'rxjs';
import type { LineMatchState } from '../services/import/line-match-state.js';
import { orderStatusLabel, orderTypeLabel } from '../services/lifecycle/order-status-labels.js';
import { statusOptions, type StatusAction } from '../services/lifecycle/status-actions.js';
import { guardedColumn } from '../services/screen/guarded-column.js';
import { columnTitle } from '../services/screen/order-column.js';
import { builtInOrderColumns, shipsElsewhere, STATUS_COLUMN_ID, type ColumnContext, type OrderColumn, type OrderDeadline } from '../services/screen/order-columns.js';
import {
  defaultListSettings,
  findByCode,
  orderListView,
  prepareSearch,
  restoreListSettings,
  type OrderListSettings,
  type StatusFilter,
  type TypeFilter,
} from '../services/screen/order-list-view.js';
import { ORDER_STATUSES, type HistoryEntry, type OrderStatus, type OutboxMessage, type StoredOrder } from '../services/store/order-model.js';
import { ObservableController } from './observable-controller.js';
import { OrderActionEvent, type OrderAction } from './order-action-event.js';
import './order-detail.js';
import { errorMessage } from '../common/error-message.js';

/** A status change staff chose in a row's select, waiting for "Opslaan". */
export interface StagedStatusChange {
  readonly order: StoredOrder;
  readonly action: StatusAction;
}

/** What became of one staged change: written, refused (it stays staged with the reason), or kept (e.g. the ROPIS dialog was closed). */
export type StagedOutcome = { readonly kind: 'applied' } | { readonly kind: 'refused'; readonly reason: string } | { readonly kind: 'kept' };

/** Where the screen keeps its list settings (filters, sort, columns) across reloads. */
export interface ScreenPreferences {
  load(): Promise<unknown>;
  save(settings: OrderListSettings): Promise<void>;
}

/** The toolbar's order actions and the statuses they are for. */
const TOOLBAR_ACTIONS: readonly {
  readonly action: OrderAction;
  readonly label: () => string;
  readonly unavailable: (order: StoredOrder | undefined) => string | undefined;
  /** Changes orders: unavailable while the screen is read-only. */
  readonly changesOrders: boolean;
}[] = [
  {
    action: 'identify-customer',
    label: () => msg('Klant identificeren'),
    changesOrders: true,
    unavailable: (order) => (order?.status === 'customer-id-required' ? undefined : msg(str`Kies eerst een bestelling met status ${orderStatusLabel('customer-id-required')}.`)),
  },
  {
    action: 'link-products',
    label: () => msg('Product koppelen'),
    changesOrders: true,
    unavailable: (order) => (order?.status === 'product-link-failed' ? undefined : msg(str`Kies eerst een bestelling met status ${orderStatusLabel('product-link-failed')}.`)),
  },
  {
    action: 'email',
    label: () => msg('E-mail'),
    changesOrders: false,
    unavailable: (order) => (order?.order?.customer.email ? undefined : msg('Kies eerst een bestelling met een e-mailadres.')),
  },
];

/** The note that says why the screen is read-only; the status selects point at it as their description. */
const READ_ONLY_NOTE_ID = 'read-only-note';

/** Fixed row height: the grid renders only the rows in view, so 10,000 orders scroll smoothly. */
const ROW_HEIGHT = 40;
/** Rows rendered beyond the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 8;

/**
 * Counts the language switches: a row's cells are re-rendered only when something they show changed,
 * and their words (status, type) change with the language.
 */
let languageVersion = 0;
window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
  if (event.detail.status === 'ready') languageVersion++;
});

/**
 * The eCommerce-verkopen screen (DESIGN §8): a virtualised grid of orders with a status select per
 * row, staged changes applied by "Opslaan", a toolbar (repairs, e-mail, "Nu controleren"), search,
 * filters and a column chooser that persist, and the selected order's detail below. The host's
 * panel region around it carries the name "eCommerce-verkopen". Order actions leave as
 * {@link OrderActionEvent}s; status changes go through `applyChanges`.
 */
@customElement('locally-ecommerce-screen')
@localized()
export class EcommerceScreen extends LitElement {
  static override styles = css`
    :host { display: block; font: inherit; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; padding: 0.5rem 0; }
    button, select, input { font: inherit; }
    .bar button { padding: 0.35rem 0.8rem; }
    button[aria-disabled='true'], select[aria-disabled='true'] { opacity: 0.6; }
    button[aria-busy='true'] { cursor: progress; }
    .read-only { margin: 0 0 0.5rem; padding: 0.25rem 0.5rem; border-left: 4px solid #b54708; background: #fffaeb; }
    input[type='search'] { min-width: 14rem; padding: 0.3rem; }
    .chooser { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 1px solid #d0d5dd; padding: 0.5rem; margin: 0 0 0.5rem; }
    .chooser[hidden] { display: none; }
    /* Contained, so a change of rows lays out and paints only the grid, not the page around it; opaque and with a
       stable gutter, so the scroller is composited and the scrollbar's arrival does not lay out the rows twice. */
    .viewport { max-height: 60vh; overflow: auto; border: 1px solid #d0d5dd; position: relative; contain: content; scrollbar-gutter: stable; background: #fff; }
    /*
     * Laid out as blocks and grid rows of fixed height, not as a table: a table lays out (and measures the
     * selects of) every row again when rows come and go; a grid row with fixed tracks is laid out on its own.
     * The elements keep their table semantics through explicit roles. The columns' widths are set once on the
     * table (--columns, see renderGrid); its width is their sum, at least the viewport's.
     */
    table { display: block; min-width: 100%; }
    thead, tbody { display: block; }
    thead { position: sticky; top: 0; z-index: 1; background: #f2f4f7; }
    tr { display: grid; grid-template-columns: var(--columns); }
    th, td { display: block; box-sizing: border-box; text-align: left; padding: 0 0.6rem; border-bottom: 1px solid #d0d5dd; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    thead th { font-weight: 600; height: 2.5rem; line-height: calc(2.5rem - 1px); }
    tbody td { line-height: ${ROW_HEIGHT - 1}px; }
    td select { vertical-align: middle; }
    th button { all: unset; cursor: pointer; font-weight: 600; }
    th button:focus-visible { outline: 2px solid #1570ef; }
    tbody tr.row { height: ${ROW_HEIGHT}px; cursor: default; }
    tbody tr.elsewhere { background: #fffaeb; }
    tbody tr[aria-selected='true'] { background: #d1e9ff; }
    tbody tr:focus-visible { outline: 3px solid #1570ef; outline-offset: -3px; }
    td.end { text-align: right; font-variant-numeric: tabular-nums; }
    td.staged select { outline: 2px dashed #b54708; }
    td .refused { color: #b42318; font-size: 0.85em; margin-left: 0.35rem; }
    td.deadline-soon { color: #b54708; font-weight: 600; }
    td.deadline-urgent, td.deadline-overdue { color: #b42318; font-weight: 600; }
    td.spacer { padding: 0; border: 0; }
    .empty { padding: 1rem; color: #475467; }
    .footer { display: flex; gap: 0.75rem; align-items: center; justify-content: flex-end; padding: 0.5rem 0; }
    .footer button { padding: 0.35rem 1.2rem; }
  `;

  /** The orders to show, from the order store. */
  @property({ attribute: false }) orders: Observable<readonly StoredOrder[]> | undefined;
  /** BCP 47 tag for dates and amounts; the host's locale. */
  @property() locale = 'nl-NL';
  /** Messages to the provider not yet accepted, shown on their order's row. */
  @property({ attribute: false }) outbox: Observable<readonly OutboxMessage[]> | undefined;
  /** The grid's columns; the built-in ones unless told otherwise (the plugin gives those of the OrderColumn point). */
  @property({ attribute: false }) columns: readonly OrderColumn[] = builtInOrderColumns();
  /** Told once per column whose value or sort key throws; its cells show empty. */
  @property({ attribute: false }) reportColumnError: (columnId: string, error: unknown) => void = (columnId, error) =>
    console.error(`[locally] Column "${columnId}" failed; its cells show empty`, error);
  /** The acceptance deadline of an order still waiting for an answer. */
  @property({ attribute: false }) deadline: ((order: StoredOrder) => OrderDeadline | undefined) | undefined;
  /** Ticks of the host's clock, so the time left counts down. */
  @property({ attribute: false }) ticks: Observable<number> | undefined;
  @property({ attribute: false }) preferences: ScreenPreferences | undefined;
  /**
   * Why staff may look but not change (e.g. the signed-in user lacks "eCommerce importeren"); while
   * set, the status selects, "Opslaan" and the repairs are unavailable and say this, and a note at
   * the top says it too. "Nu controleren" and "E-mail" stay usable.
   */
  @property({ attribute: false }) readOnlyReason: string | undefined;
  /** Runs "Nu controleren"; resolves when the poll is done. */
  @property({ attribute: false }) checkNow: (() => Promise<unknown>) | undefined;
  /** Tells the store which orders this till has now shown. */
  @property({ attribute: false }) markSeen: ((orders: readonly StoredOrder[]) => Promise<unknown>) | undefined;
  /** "Opslaan": applies the staged changes row by row and says what became of each. */
  @property({ attribute: false }) applyChanges: ((changes: readonly StagedStatusChange[]) => Promise<readonly StagedOutcome[]>) | undefined;
  /** Double-click or Enter on a row: the order's transaction in the host. */
  @property({ attribute: false }) openTransaction: ((order: StoredOrder) => Promise<void>) | undefined;
  @property({ attribute: false }) lineStates: ((order: StoredOrder) => Promise<readonly LineMatchState[]>) | undefined;
  @property({ attribute: false }) history: ((order: StoredOrder) => Promise<readonly HistoryEntry[]>) | undefined;

  protected readonly ordersController = new ObservableController<readonly StoredOrder[]>(this, (orders) => {
    const unseen = orders.filter((order) => order.seenAt === undefined);
    if (unseen.length && this.isConnected) void this.markSeen?.(unseen);
    this.stopPreparingSearch();
    this.stopPreparingSearch = prepareSearch(orders);
  });
  /** Stops folding the previous list's search texts ahead of time. */
  protected stopPreparingSearch: () => void = () => undefined;
  protected readonly outboxController = new ObservableController<readonly OutboxMessage[]>(this);
  protected readonly ticksController = new ObservableController<number>(this);

  @state() protected settings: OrderListSettings = defaultListSettings(this.columns);
  /** {@link columns}, each guarded so a failing contributed column cannot break the grid. */
  protected safeColumns: readonly OrderColumn[] = [];
  @state() protected search = '';
  /** A check runs: the button says so (aria-busy) and stays usable. */
  @state() protected checking = false;
  protected checkPresses = 0;
  @state() protected saving = false;
  @state() protected announcement = '';
  /** `source:orderId` of the selected order. */
  @state() protected selectedKey: string | undefined;
  /** Staged status changes by order key, with the revision they were chosen on and a refusal's reason. */
  @state() protected staged: ReadonlyMap<string, { readonly action: StatusAction; readonly reason?: string }> = new Map();
  @state() protected chooserOpen = false;
  @state() protected scrollOffset = 0;
  @state() protected viewportHeight = 600;

  @query('.viewport') protected viewport!: HTMLElement | null;

  /** The last computed view, reused until its inputs change: a re-render for a tick does not filter again. */
  protected view: { readonly key: readonly unknown[]; readonly orders: StoredOrder[] } | undefined;
  protected settingsLoaded = false;
  protected scrollFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSettings();
    // Back in the page: render once more, so the viewport is observed again.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected async loadSettings(): Promise<void> {
    if (this.settingsLoaded || !this.preferences) return;
    this.settingsLoaded = true;
    try {
      this.settings = restoreListSettings(await this.preferences.load(), this.columns);
    } catch {
      // Unreadable preferences: the defaults serve.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.ordersController.observe(this.orders);
    this.outboxController.observe(this.outbox);
    this.ticksController.observe(this.ticks);
    if (changed.has('preferences')) void this.loadSettings();
    if (changed.has('columns') || this.safeColumns.length === 0) this.columnsChanged();
  }

  /** A column contributed meanwhile (another plugin) is shown at once, unless it asks to wait in "Kolommen". */
  protected columnsChanged(): void {
    this.safeColumns = this.columns.map((column) => guardedColumn(column, (id, error) => this.reportColumnError(id, error)));
    const known = new Set(this.settings.known ?? []);
    const added = this.columns.filter((column) => !known.has(column.id) && !column.hiddenByDefault).map((column) => column.id);
    this.settings = {
      ...this.settings,
      columns: [...this.settings.columns.filter((id) => !added.includes(id)), ...added],
      known: [...new Set([...known, ...this.columns.map((column) => column.id)])],
    };
  }

  /** Keeps `viewportHeight` true when the panel is resized, so enough rows are rendered. */
  protected readonly resizeObserver = new ResizeObserver(() => this.measure());
  protected observedViewport: HTMLElement | null = null;

  /** The list whose overscan rows are rendered; a new list (opened, typed, filtered) first shows only the rows in view. */
  protected overscanFor: readonly StoredOrder[] | undefined;
  protected overscanIdle = 0;

  protected override updated(): void {
    // The rows beyond the viewport follow once the frame with the rows in view is out, while the page is idle.
    if (this.view && this.view.orders !== this.overscanFor && !this.overscanIdle) {
      const orders = this.view.orders;
      this.overscanIdle = requestIdleCallback(
        () => {
          this.overscanIdle = 0;
          this.overscanFor = orders;
          this.requestUpdate();
        },
        { timeout: 100 },
      );
    }
    // The viewport comes and goes with the empty-list message: observe whichever is there.
    if (this.viewport === this.observedViewport) return;
    this.resizeObserver.disconnect();
    if (this.viewport) this.resizeObserver.observe(this.viewport);
    this.observedViewport = this.viewport;
    // A panel closed and opened again puts the viewport back scrolled to the top: render for where it is.
    this.onScroll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPreparingSearch();
    cancelIdleCallback(this.overscanIdle);
    this.overscanIdle = 0;
    this.resizeObserver.disconnect();
    this.observedViewport = null;
  }

  protected measure(): void {
    const height = this.viewport?.clientHeight;
    if (height && height !== this.viewportHeight) this.viewportHeight = height;
  }

  /** The last column context, kept while its inputs are the same: rows compare it to know whether to re-render. */
  protected contextMemo: { readonly key: readonly unknown[]; readonly context: ColumnContext } | undefined;

  protected get context(): ColumnContext {
    const key = [this.locale, this.outboxController.value, this.deadline];
    if (!this.contextMemo || key.some((part, index) => part !== this.contextMemo!.key[index])) {
      const outbox = this.outboxByOrder;
      const deadline = this.deadline;
      this.contextMemo = {
        key,
        context: {
          locale: this.locale,
          deadline: (order) => deadline?.(order),
          outbox: (order) => outbox.get(keyOf(order)) ?? [],
        },
      };
    }
    return this.contextMemo.context;
  }

  protected get outboxByOrder(): Map<string, OutboxMessage[]> {
    return Map.groupBy(this.outboxController.value ?? [], (message) => `${message.source}:${message.orderId}`);
  }

  protected shownColumnsMemo: { readonly ids: readonly string[]; readonly safe: readonly OrderColumn[]; readonly columns: OrderColumn[] } | undefined;

  /** The columns shown, in order; the same array while the choice is the same, so rows need not re-render. */
  protected get shownColumns(): OrderColumn[] {
    const memo = this.shownColumnsMemo;
    // Compared by content: settings restored from the preferences are new arrays with the same ids.
    if (memo && memo.safe === this.safeColumns && sameItems(memo.ids, this.settings.columns)) return memo.columns;
    const byId = new Map(this.safeColumns.map((column) => [column.id, column]));
    const columns = this.settings.columns.flatMap((id) => byId.get(id) ?? []);
    this.shownColumnsMemo = { ids: this.settings.columns, safe: this.safeColumns, columns };
    return columns;
  }

  /** The filtered, sorted orders; recomputed only when the orders, settings, search or clock tick changed. */
  protected get visibleOrders(): StoredOrder[] {
    // The settings by their parts: the same filters restored from the preferences do not filter again.
    const { statusFilter, typeFilter, sort } = this.settings;
    const key = [
      this.ordersController.value,
      statusFilter,
      typeFilter,
      sort.columnId,
      sort.direction,
      this.search,
      this.locale,
      this.safeColumns,
      this.sortNeedsClock ? this.ticksController.value : 0,
    ];
    if (!this.view || key.some((part, index) => part !== this.view!.key[index])) {
      this.view = { key, orders: orderListView(this.ordersController.value ?? [], this.settings, this.search, this.safeColumns, this.context) };
    }
    return this.view.orders;
  }

  /** Sorting by the deadline depends on the time; other sorts do not re-sort on every tick. */
  protected get sortNeedsClock(): boolean {
    return this.settings.sort.columnId === 'deadline';
  }

  protected selectedOrderMemo: { readonly orders: readonly StoredOrder[] | undefined; readonly key: string | undefined; readonly order: StoredOrder | undefined } | undefined;

  /** Looked up once per list and selection, not on every render (a scroll frame renders too). */
  protected get selectedOrder(): StoredOrder | undefined {
    const orders = this.ordersController.value;
    const key = this.selectedKey;
    const memo = this.selectedOrderMemo;
    if (memo && memo.orders === orders && memo.key === key) return memo.order;
    const order = key === undefined ? undefined : orders?.find((candidate) => isKeyOf(candidate, key));
    this.selectedOrderMemo = { orders, key, order };
    return order;
  }

  protected selectedIndexMemo: { readonly orders: readonly StoredOrder[]; readonly key: string | undefined; readonly index: number } | undefined;

  /** Where the selected order is in the visible list, -1 if not there; looked up once per list and selection. */
  protected get selectedIndex(): number {
    const orders = this.visibleOrders;
    const key = this.selectedKey;
    const memo = this.selectedIndexMemo;
    if (memo?.orders === orders && memo.key === key) return memo.index;
    const index = key === undefined ? -1 : orders.findIndex((order) => isKeyOf(order, key));
    this.selectedIndexMemo = { orders, key, index };
    return index;
  }

  protected updateSettings(change: Partial<OrderListSettings>): void {
    this.settings = { ...this.settings, ...change };
    void this.preferences?.save(this.settings).catch(() => undefined);
  }

  // ---- toolbar ----

  /**
   * "Nu controleren". A press while a check runs is not dropped: that check may have asked Locally
   * before the order staff press for was placed. The poller folds presses during one poll into one
   * more poll; the last press says how it went.
   */
  protected async onCheckNow(): Promise<void> {
    const press = ++this.checkPresses;
    this.checking = true;
    this.announcement = msg('Bezig met controleren…');
    try {
      const status = await this.checkNow?.();
      if (press !== this.checkPresses) return;
      const error = lastErrorOf(status);
      this.announcement = error ? msg(str`Controleren lukte niet: ${error}. Er wordt later opnieuw geprobeerd.`) : msg('Gecontroleerd.');
    } catch (error) {
      if (press === this.checkPresses) this.announcement = errorMessage(error);
    } finally {
      if (press === this.checkPresses) this.checking = false;
    }
  }

  protected requestAction(action: OrderAction, unavailable: string | undefined): void {
    const order = this.selectedOrder;
    if (unavailable || !order) {
      this.announcement = unavailable ?? '';
      return;
    }
    this.dispatchEvent(new OrderActionEvent(action, order));
  }

  protected onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    // A scanner types the code and Enter: the order with that id or barcode is selected.
    const order = findByCode(this.ordersController.value ?? [], this.search);
    if (!order) return;
    event.preventDefault();
    this.search = '';
    if (!orderListView([order], this.settings, '', this.safeColumns, this.context).length) {
      this.updateSettings({ statusFilter: 'all', typeFilter: 'all' });
    }
    this.announcement = msg(str`Bestelling ${order.orderId} gekozen.`);
    this.select(order, true);
  }

  protected toggleColumn(id: string, shown: boolean): void {
    const wanted = new Set(this.settings.columns);
    if (shown) wanted.add(id);
    else wanted.delete(id);
    // At least one column stays, or the grid would have nothing to show.
    if (wanted.size === 0) return;
    this.updateSettings({ columns: this.columns.map((column) => column.id).filter((columnId) => wanted.has(columnId)) });
  }

  protected sortBy(columnId: string): void {
    const { sort } = this.settings;
    const direction = sort.columnId === columnId && sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.updateSettings({ sort: { columnId, direction } });
  }

  // ---- selection and keyboard ----

  protected select(order: StoredOrder, focus = false): void {
    this.selectedKey = keyOf(order);
    if (focus) void this.revealSelected();
  }

  /** Scrolls the selected row into view and focuses it, once the list it belongs to is rendered. */
  protected async revealSelected(): Promise<void> {
    // The list may have just changed (a filter lifted for a scanned order): scroll within the new one.
    await this.updateComplete;
    this.revealRow(this.selectedIndex);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('tbody tr[aria-selected="true"]')?.focus();
  }

  /** Scrolls the viewport so row `index` is in view; the rows around it are rendered on the next update. */
  protected revealRow(index: number): void {
    const viewport = this.viewport;
    if (!viewport || index < 0) return;
    const header = this.renderRoot.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = index * ROW_HEIGHT;
    const visible = viewport.clientHeight - header;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + visible) viewport.scrollTop = top + ROW_HEIGHT - visible;
    this.scrollOffset = viewport.scrollTop;
  }

  protected onRowKeydown(event: KeyboardEvent, index: number): void {
    if (event.target !== event.currentTarget) return;
    const orders = this.visibleOrders;
    if (event.key === 'Enter') {
      event.preventDefault();
      const order = orders[index];
      if (order) void this.open(order);
      return;
    }
    const page = Math.max(1, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: orders.length - 1, PageDown: index + page, PageUp: index - page }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const order = orders[Math.max(0, Math.min(orders.length - 1, next))];
    if (order) this.select(order, true);
  }

  protected async open(order: StoredOrder): Promise<void> {
    if (!order.transactionId) {
      this.announcement = msg(str`Bestelling ${order.orderId} heeft nog geen transactie.`);
      return;
    }
    try {
      await this.openTransaction?.(order);
    } catch (error) {
      this.announcement = errorMessage(error);
    }
  }

  protected onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.scrollOffset = this.viewport?.scrollTop ?? 0;
    });
  }

  // ---- status staging and "Opslaan" ----

  protected onStatusChange(order: StoredOrder, select: HTMLSelectElement): void {
    if (this.readOnlyReason) {
      // Read-only: the select goes back to what it showed, and says why.
      select.value = this.staged.get(keyOf(order))?.action ?? order.status;
      this.announcement = this.readOnlyReason;
      return;
    }
    this.stage(order, select.value);
  }

  protected stage(order: StoredOrder, value: string): void {
    const staged = new Map(this.staged);
    if (value === order.status) staged.delete(keyOf(order));
    else staged.set(keyOf(order), { action: value as StatusAction });
    this.staged = staged;
  }

  protected async onSave(): Promise<void> {
    if (this.saving) return;
    if (this.readOnlyReason) {
      this.announcement = this.readOnlyReason;
      return;
    }
    const byKey = new Map((this.ordersController.value ?? []).map((order) => [keyOf(order), order]));
    const entries = [...this.staged].flatMap(([key, change]) => {
      const order = byKey.get(key);
      return order ? [{ key, change: { order, action: change.action } }] : [];
    });
    if (!entries.length || !this.applyChanges) {
      this.announcement = msg('Er zijn geen wijzigingen om op te slaan.');
      return;
    }
    this.saving = true;
    this.announcement = msg('Bezig met opslaan…');
    try {
      const outcomes = await this.applyChanges(entries.map((entry) => entry.change));
      const staged = new Map(this.staged);
      let applied = 0;
      let refused = 0;
      entries.forEach(({ key, change }, index) => {
        const outcome = outcomes[index] ?? { kind: 'kept' };
        if (outcome.kind === 'applied') {
          staged.delete(key);
          applied++;
        } else if (outcome.kind === 'refused') {
          staged.set(key, { action: change.action, reason: outcome.reason });
          refused++;
        }
      });
      this.staged = staged;
      const kept = entries.length - applied - refused;
      this.announcement = [
        msg(str`${applied} van ${entries.length} wijzigingen opgeslagen.`),
        refused ? msg(str`${refused} geweigerd; de reden staat bij de bestelling.`) : '',
        kept ? msg(str`${kept} nog niet toegepast.`) : '',
      ]
        .filter(Boolean)
        .join(' ');
    } catch (error) {
      this.announcement = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  // ---- rendering ----

  protected override render() {
    const selected = this.selectedOrder;
    return html`
      <div role="toolbar" aria-label=${msg('eCommerce-verkopen')} class="bar">
        ${TOOLBAR_ACTIONS.map(({ action, label, unavailable, changesOrders }) => {
          const reason = (changesOrders ? this.readOnlyReason : undefined) ?? unavailable(selected);
          return html`<button type="button" aria-disabled=${reason ? 'true' : 'false'} title=${reason ?? nothing} @click=${() => this.requestAction(action, reason)}>
            ${label()}
          </button>`;
        })}
        <button type="button" aria-busy=${this.checking ? 'true' : 'false'} @click=${this.onCheckNow}>${msg('Nu controleren')}</button>
      </div>
      ${this.readOnlyReason ? html`<p class="read-only" id=${READ_ONLY_NOTE_ID}>${msg('Alleen lezen.')} ${this.readOnlyReason}</p>` : nothing}
      ${guard([this.settings, this.search, this.chooserOpen, this.safeColumns, this.locale, languageVersion], () => this.renderSearch())}
      <p role="status">${this.announcement}</p>
      ${this.renderGrid()}
      <div class="footer">
        <span>${this.staged.size ? msg(str`${this.staged.size} wijziging(en) klaar om op te slaan`) : nothing}</span>
        <button
          type="button"
          aria-disabled=${this.readOnlyReason || this.staged.size === 0 || this.saving ? 'true' : 'false'}
          title=${this.readOnlyReason ?? nothing}
          @click=${this.onSave}
        >
          ${msg('Opslaan')}
        </button>
      </div>
      <locally-order-detail
        .order=${selected}
        .locale=${this.locale}
        .outbox=${selected ? (this.outboxByOrder.get(keyOf(selected)) ?? []) : []}
        .lineStates=${this.lineStates}
        .history=${this.history}
        ?hidden=${!selected}
      ></order-detail>
    `;
  }

  protected renderSearch() {
    const { statusFilter, typeFilter } = this.settings;
    const statuses: readonly [StatusFilter, string][] = [
      ['open', msg('Alle open bestellingen')],
      ...ORDER_STATUSES.map((status): [StatusFilter, string] => [status, orderStatusLabel(status)]),
      ['all', msg('Alle bestellingen')],
    ];
    const types: readonly [TypeFilter, string][] = [
      ['all', msg('Alle typen')],
      ['buy', orderTypeLabel('buy')],
      ['reserve', orderTypeLabel('reserve')],
    ];
    return html`
      <div role="search" aria-label=${msg('Bestellingen zoeken')} class="bar">
        <input
          type="search"
          aria-label=${msg('Zoeken')}
          placeholder=${msg('Order-ID, klant, e-mail of barcode')}
          .value=${this.search}
          @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
          @keydown=${this.onSearchKeydown}
        />
        <select aria-label=${msg('Filter op status')} @change=${(e: Event) => this.updateSettings({ statusFilter: (e.target as HTMLSelectElement).value as StatusFilter })}>
          ${statuses.map(([value, label]) => html`<option value=${value} ?selected=${value === statusFilter}>${label}</option>`)}
        </select>
        <select aria-label=${msg('Filter op type')} @change=${(e: Event) => this.updateSettings({ typeFilter: (e.target as HTMLSelectElement).value as TypeFilter })}>
          ${types.map(([value, label]) => html`<option value=${value} ?selected=${value === typeFilter}>${label}</option>`)}
        </select>
        <button type="button" aria-expanded=${this.chooserOpen ? 'true' : 'false'} aria-controls="column-chooser" @click=${() => (this.chooserOpen = !this.chooserOpen)}>
          ${msg('Kolommen')}
        </button>
      </div>
      <fieldset id="column-chooser" class="chooser" ?hidden=${!this.chooserOpen} @keydown=${this.onChooserKeydown}>
        <legend>${msg('Kolommen tonen')}</legend>
        ${this.safeColumns.map(
          (column) => html`<label>
            <input type="checkbox" .checked=${this.settings.columns.includes(column.id)} @change=${(e: Event) => this.toggleColumn(column.id, (e.target as HTMLInputElement).checked)} />
            ${columnTitle(column, this.locale)}
          </label>`,
        )}
      </fieldset>
    `;
  }

  protected onChooserKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.chooserOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-controls="column-chooser"]')?.focus());
  }

  protected renderGrid() {
    const all = this.ordersController.value;
    if (all && all.length === 0) return html`<p class="empty">${msg('Er zijn nog geen eCommerce-bestellingen.')}</p>`;
    const orders = this.visibleOrders;
    const columns = this.shownColumns;
    const context = this.context;
    const overscan = orders === this.overscanFor ? OVERSCAN : 0;
    const start = Math.max(0, Math.floor(this.scrollOffset / ROW_HEIGHT) - overscan);
    const end = Math.min(orders.length, Math.ceil((this.scrollOffset + this.viewportHeight) / ROW_HEIGHT) + overscan);
    const focusIndex = Math.max(0, this.selectedIndex);
    // What a row shows besides its order; a row whose inputs are all unchanged is skipped (guard) on a scroll or tick.
    const tick = this.ticksController.value;
    const readOnlyReason = this.readOnlyReason;
    const widths = columns.map((column) => columnWidth(column.id));
    // The last column takes what the viewport has to spare, as a table's columns would.
    const tracks = widths.map((width, index) => (index === widths.length - 1 ? `minmax(${width}, 1fr)` : width));
    const tableStyle = `--columns: ${tracks.join(' ')}; width: calc(${widths.join(' + ') || '0px'})`;
    return html`
      <div class="viewport" @scroll=${this.onScroll}>
        <table role="grid" aria-label=${msg('eCommerce-bestellingen')} aria-rowcount=${orders.length + 1} style=${tableStyle}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex="1">
              ${columns.map((column) => {
                const sorted = this.settings.sort.columnId === column.id ? this.settings.sort.direction : undefined;
                // The header is named by its title; its button says what it does, so it is not mistaken for the toolbar's "E-mail".
                return html`<th role="columnheader" scope="col" aria-label=${columnTitle(column, this.locale)} aria-sort=${sorted ?? 'none'}>
                  <button type="button" aria-label=${msg(str`Sorteren op ${columnTitle(column, this.locale)}`)} @click=${() => this.sortBy(column.id)}>
                    ${columnTitle(column, this.locale)}${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                  </button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${start > 0 ? html`<tr aria-hidden="true"><td class="spacer" colspan=${columns.length} style=${`height: ${start * ROW_HEIGHT}px`}></td></tr>` : nothing}
            ${repeat(
              orders.slice(start, end),
              keyOf,
              // Keyed: rows still in view keep their DOM while scrolling; only the new ones are built.
              (order, offset) => {
                const index = start + offset;
                const focusable = index === focusIndex;
                const selected = isKeyOf(order, this.selectedKey);
                const staged = this.staged.get(keyOf(order));
                return guard([order, index, focusable, selected, staged, columns, context, tick, readOnlyReason, languageVersion], () =>
                  this.renderRow(order, index, columns, context, focusable),
                );
              },
            )}
            ${end < orders.length
              ? html`<tr aria-hidden="true"><td class="spacer" colspan=${columns.length} style=${`height: ${(orders.length - end) * ROW_HEIGHT}px`}></td></tr>`
              : nothing}
          </tbody>
        </table>
        ${orders.length === 0 ? html`<p class="empty">${msg('Geen bestellingen met deze filters.')}</p>` : nothing}
      </div>
    `;
  }

  protected renderRow(order: StoredOrder, index: number, columns: readonly OrderColumn[], context: ColumnContext, focusable: boolean) {
    const key = keyOf(order);
    const selected = key === this.selectedKey;
    return html`
      <tr
        role="row"
        class="row ${shipsElsewhere(order) ? 'elsewhere' : ''}"
        aria-rowindex=${index + 2}
        aria-selected=${selected ? 'true' : 'false'}
        tabindex=${focusable ? 0 : -1}
        @click=${() => this.select(order)}
        @dblclick=${() => this.open(order)}
        @keydown=${(event: KeyboardEvent) => this.onRowKeydown(event, index)}
      >
        ${columns.map((column) => (column.id === STATUS_COLUMN_ID ? this.renderStatusCell(order, selected) : this.renderCell(order, column, context)))}
      </tr>
    `;
  }

  protected renderCell(order: StoredOrder, column: OrderColumn, context: ColumnContext) {
    const text = column.value(order, context);
    const level = column.id === 'deadline' ? context.deadline(order)?.level : undefined;
    const classes = [column.align === 'end' ? 'end' : '', level ? `deadline-${level}` : ''].join(' ');
    return html`<td role="gridcell" class=${classes} title=${text}>${text}</td>`;
  }

  protected renderStatusCell(order: StoredOrder, selected: boolean) {
    const staged = this.staged.get(keyOf(order));
    const value: StatusAction | OrderStatus = staged?.action ?? order.status;
    const reasonId = `refused-${order.source}-${order.orderId}`;
    const describedBy = [this.readOnlyReason ? READ_ONLY_NOTE_ID : '', staged?.reason ? reasonId : ''].filter(Boolean).join(' ');
    return html`<td role="gridcell" class=${staged ? 'staged' : ''}>
      <select
        aria-label=${msg(str`Status ${order.orderId}`)}
        aria-describedby=${describedBy || nothing}
        aria-disabled=${this.readOnlyReason ? 'true' : nothing}
        tabindex=${selected ? 0 : -1}
        @change=${(e: Event) => this.onStatusChange(order, e.target as HTMLSelectElement)}
        @click=${(e: Event) => e.stopPropagation()}
      >
        ${statusOptions(order).map((option) => html`<option value=${option.action} ?selected=${option.action === value}>${option.label}</option>`)}
      </select>
      ${staged?.reason ? html`<span class="refused" id=${reasonId} title=${staged.reason}>${staged.reason}</span>` : nothing}
    </td>`;
  }
}

function keyOf(order: StoredOrder): string {
  return `${order.source}:${order.orderId}`;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** `keyOf(order) === key` without building the string: run over every order when the selection is looked up. */
function isKeyOf(order: StoredOrder, key: string | undefined): boolean {
  const { source, orderId } = order;
  return (
    key !== undefined &&
    key.length === source.length + 1 + orderId.length &&
    key.charCodeAt(source.length) === 58 /* ':' */ &&
    key.startsWith(source) &&
    key.endsWith(orderId)
  );
}

/** Column widths: fixed, so columns stay still while rows scroll in and out, and no cell's text is measured. */
function columnWidth(id: string): string {
  const widths: Record<string, string> = {
    orderId: '7.5rem',
    placedAt: '8.5rem',
    type: '6rem',
    customer: '9rem',
    email: '12rem',
    amount: '6.5rem',
    barcode: '8.5rem',
    status: '15rem',
    deadline: '9rem',
    shippingAddress: '16rem',
    lines: '18rem',
    notes: '20rem',
  };
  return widths[id] ?? '10rem';
}

/** The failure a "Nu controleren" ended with, if any: the command answers with the poller's status. */
function lastErrorOf(status: unknown): string | undefined {
  if (typeof status !== 'object' || status === null) return undefined;
  const { failures, lastError } = status as { failures?: unknown; lastError?: { message?: unknown } };
  return typeof failures === 'number' && failures > 0 && typeof lastError?.message === 'string' ? lastError.message : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'locally-ecommerce-screen': EcommerceScreen;
  }
}
