export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  /** Plain text. */
  readonly body: string;
}

/** Sends e-mail from the shop's address. */
export interface MailService {
  /** Sends a message; rejects when the address is not valid or sending failed. */
  send(message: MailMessage): Promise<void>;
}
