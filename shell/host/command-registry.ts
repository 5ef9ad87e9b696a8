import { msg, str } from '@lit/localize';
import { Disposable } from '../../src/common/disposable.js';
import { Emitter, type Event } from '../../src/common/event.js';
import type { CommandAvailability, CommandContext, CommandHandler } from '../../src/host/commands.js';
import type { LocalizedText, ManifestCommand } from '../../src/host/manifest.js';

export interface CommandEntry {
  readonly id: string;
  readonly pluginId: string;
  readonly declaration: ManifestCommand;
  readonly handler: CommandHandler;
}

/** A command refused because it is not available; `message` is the reason staff read. */
export class CommandUnavailableError extends Error {
  constructor(
    readonly commandId: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CommandUnavailableError';
  }
}

/** Every plugin's command handlers. */
export class CommandRegistry {
  protected readonly entries = new Map<string, CommandEntry>();
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  /** `text` picks the reader's language for manifest texts. */
  constructor(protected readonly text: (text: LocalizedText) => string) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): CommandEntry | undefined {
    return this.entries.get(id);
  }

  get all(): readonly CommandEntry[] {
    return [...this.entries.values()];
  }

  register(entry: CommandEntry): Disposable {
    if (this.entries.has(entry.id)) throw new Error(`Command "${entry.id}" already has a handler`);
    this.entries.set(entry.id, entry);
    const availability = entry.handler.onDidChangeAvailability?.(() => this.onDidChangeEmitter.fire());
    this.onDidChangeEmitter.fire();
    return Disposable.create(() => {
      availability?.dispose();
      if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
      this.onDidChangeEmitter.fire();
    });
  }

  async getAvailability(id: string, context: CommandContext = {}): Promise<CommandAvailability> {
    const entry = this.entries.get(id);
    if (!entry) return { enabled: false, reason: msg(str`Opdracht "${id}" is niet beschikbaar: geen plug-in voert die uit.`) };
    if (!entry.handler.getAvailability) return { enabled: true };
    try {
      const availability = await entry.handler.getAvailability(context);
      if (availability.enabled) return availability;
      // The manifest's reason stands in when the handler gives none.
      const fallback = entry.declaration.enablementReason;
      const reason = availability.reason || (fallback ? this.text(fallback) : msg('Niet beschikbaar.'));
      return { enabled: false, reason };
    } catch (error) {
      console.error(`Availability of "${id}" failed`, error);
      return { enabled: false, reason: msg('Niet beschikbaar: de controle is mislukt.') };
    }
  }

  /** Runs a command after checking its availability; rejects with {@link CommandUnavailableError}. */
  async execute(id: string, context: CommandContext = {}): Promise<unknown> {
    const availability = await this.getAvailability(id, context);
    if (!availability.enabled) throw new CommandUnavailableError(id, availability.reason);
    return await this.entries.get(id)!.handler.execute(context);
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
