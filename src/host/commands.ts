import type { Disposable } from '../common/disposable.js';
import type { Event } from '../common/event.js';
import type { Transaction } from './transactions.js';

/** What the shell knows where a command was invoked. */
export interface CommandContext {
  /** The transaction of the transaction window the command was invoked from, if any. */
  readonly transaction?: Transaction;
}

/** Enabled, or not with a reason staff can read. */
export type CommandAvailability = { readonly enabled: true } | { readonly enabled: false; readonly reason: string };

/** The behaviour behind a command declared in `contributes.commands`. */
export interface CommandHandler {
  /** Runs the command. */
  execute(context: CommandContext): unknown;
  /** Whether the command can run here; the shell shows the reason on an unavailable control. */
  getAvailability?(context: CommandContext): CommandAvailability | Promise<CommandAvailability>;
  /**
   * Fires when the answer of {@link getAvailability} may have changed for reasons the shell cannot see
   * (e.g. the plugin's own data), so the shell asks again for the controls it shows.
   */
  readonly onDidChangeAvailability?: Event<void>;
}

/** The shell's command registry. */
export interface CommandService {
  /** Binds behaviour to a command id declared in the manifest; throws for an undeclared id or a second handler. */
  registerCommand(id: string, handler: CommandHandler): Disposable;
  /** Runs a registered command (after checking its availability); rejects with the reason when unavailable. */
  executeCommand(id: string, context?: CommandContext): Promise<unknown>;
  /** Asks a registered command whether it can run in this context. */
  getAvailability(id: string, context?: CommandContext): Promise<CommandAvailability>;
}
