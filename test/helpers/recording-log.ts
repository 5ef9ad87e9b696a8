import { PluginLog } from '../../src/services/plugin-log.js';

/** A PluginLog that keeps the messages of its errors, for tests to read, instead of printing them. */
export class RecordingLog extends PluginLog {
  readonly errors: string[] = [];
  override error(message: string): void {
    this.errors.push(message);
  }
}
