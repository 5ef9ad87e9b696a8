import { injectable } from 'inversify';

/**
 * The plugin's one place to report problems for developers. Never pass secrets: messages go to the
 * browser console.
 */
@injectable()
export class PluginLog {
  protected readonly prefix = '[locally]';

  error(message: string, error?: unknown): void {
    console.error(this.prefix, message, error ?? '');
  }

  warn(message: string, detail?: unknown): void {
    console.warn(this.prefix, message, detail ?? '');
  }
}
