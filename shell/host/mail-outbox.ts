import { Emitter, type Event } from '../../src/common/event.js';
import type { MailMessage, MailService } from '../../src/host/mail.js';

export interface SentMail extends MailMessage {
  readonly time: number;
}

/** One address: something@domain.tld, no spaces, no second @. */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;

/** The shell's mail: nothing leaves the machine; sent mails are kept for people and tests to see. */
export class MailOutbox implements MailService {
  protected sentList: SentMail[] = [];
  /** When set, the next send fails with this reason (to test a plugin's error handling). */
  failNext: string | undefined;
  protected readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.onDidChangeEmitter.event;

  constructor(protected readonly now: () => number) {}

  get sent(): readonly SentMail[] {
    return this.sentList;
  }

  send(message: MailMessage): Promise<void> {
    const to = message.to?.trim() ?? '';
    if (!ADDRESS.test(to)) return Promise.reject(new Error(`Ongeldig e-mailadres: "${to}"`));
    if (this.failNext !== undefined) {
      const reason = this.failNext;
      this.failNext = undefined;
      return Promise.reject(new Error(reason));
    }
    this.sentList = [...this.sentList, { to, subject: message.subject, body: message.body, time: this.now() }];
    this.onDidChangeEmitter.fire();
    return Promise.resolve();
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}
