import { msg, str } from '@lit/localize';
import type { ShellHost } from '../host/shell-host.js';
import { OpenTransactionForm } from './open-transaction-form.js';
import { SettingsPanel } from './settings-panel.js';

const MINUTE = 60_000;

/** The shell's own menu and tile actions, each a dialog through the host (so tests can answer them). */
export class ShellActions {
  constructor(protected readonly host: ShellHost) {}

  async newTransaction(): Promise<void> {
    try {
      await this.host.newTransaction();
    } catch (error) {
      this.host.reportError(error, msg('Nieuwe transactie kon niet worden gemaakt.'));
    }
  }

  openTransaction(): void {
    const form = new OpenTransactionForm();
    form.host = this.host;
    this.host.dialogs.showModal({ title: msg('Transactie openen'), content: form });
  }

  /** "Instellingen": the loaded plugins' settings, read fresh each time it opens. */
  openSettings(): void {
    const panel = new SettingsPanel();
    panel.host = this.host;
    this.host.dialogs.showModal({ title: msg('Instellingen'), content: panel });
  }

  async listTransactions(): Promise<void> {
    const { host } = this;
    const transactions = await host.data.transactions.list({ limit: 15 });
    const choice = await host.dialogs.confirm({
      title: msg('Transacties'),
      message:
        transactions.length > 0 ? msg('Kies een transactie om te openen.') : msg('Er zijn nog geen transacties.'),
      actions: transactions.map((t) => ({
        id: t.id,
        label:
          t.state === 'finalized'
            ? msg(str`Transactie ${t.barcode} (afgerond, ${host.locale.money(t.totalCents)})`)
            : msg(str`Transactie ${t.barcode} (open, ${host.locale.money(t.totalCents)})`),
      })),
    });
    if (choice) host.openTransactionWindow(choice);
  }

  async switchUser(): Promise<void> {
    const { host } = this;
    const choice = await host.dialogs.confirm({
      title: msg('Gebruiker wisselen'),
      message: msg(str`Aangemeld: ${host.session.user.name}. Wie neemt de kassa over?`),
      actions: host.session.users.map((u) => ({ id: u.id, label: u.name })),
    });
    if (!choice) return;
    host.switchUser(choice);
    host.messages.notify(msg(str`Aangemeld als ${host.session.user.name}.`));
  }

  async chooseLanguage(): Promise<void> {
    const choice = await this.host.dialogs.confirm({
      title: 'Taal / Language',
      message: 'Kies de taal van de kassa. / Choose the language of the till.',
      actions: [
        { id: 'nl', label: 'Nederlands' },
        { id: 'en', label: 'English' },
      ],
    });
    if (choice === 'nl' || choice === 'en') this.host.setLanguage(choice);
  }

  async resetDemoData(): Promise<void> {
    const choice = await this.host.dialogs.confirm({
      title: msg('Demogegevens herstellen'),
      message: msg(
        'Alle transacties, klanten en artikelen worden teruggezet naar de demogegevens. Dit kan niet ongedaan worden gemaakt.',
      ),
      actions: [{ id: 'reset', label: msg('Herstellen') }],
    });
    if (choice !== 'reset') return;
    try {
      await this.host.resetDemoData();
      this.host.messages.notify(msg('Demogegevens hersteld.'));
    } catch (error) {
      this.host.reportError(error, msg('Demogegevens konden niet worden hersteld.'));
    }
  }

  async moveClock(): Promise<void> {
    const { host } = this;
    const steps: Record<string, number> = { m15: 15 * MINUTE, h1: 60 * MINUTE, d1: 24 * 60 * MINUTE };
    const choice = await host.dialogs.confirm({
      title: msg('Klok verzetten'),
      message: msg(str`De kassa staat op ${this.formatTime(host.clock.now())}. Hoeveel vooruit?`),
      actions: [
        { id: 'm15', label: msg('+15 min') },
        { id: 'h1', label: msg('+1 uur') },
        { id: 'd1', label: msg('+1 dag') },
      ],
    });
    const step = choice ? steps[choice] : undefined;
    if (step === undefined) return;
    await host.clock.advanceAsync(step);
    host.messages.notify(msg(str`De klok staat nu op ${this.formatTime(host.clock.now())}.`));
  }

  protected formatTime(epochMs: number): string {
    return new Intl.DateTimeFormat(this.host.locale.locale, { dateStyle: 'full', timeStyle: 'short' }).format(epochMs);
  }
}
