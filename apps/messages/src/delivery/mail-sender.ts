import nodemailer, { type Transporter } from 'nodemailer';
import type { Rendered } from '../templates/render.js';

export interface OutgoingMail extends Rendered {
  readonly to: string;
  /** The message's id: the same on a retry, so a receiving system can tell a repeat. */
  readonly messageId: string;
}

/** Why a send failed: `permanent` when the server refused the address or message for good (5xx), else worth retrying. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** SMTP through nodemailer: one pooled connection, reopened as needed, so a server that was down is simply tried again. */
export class MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.messageId}@bostadsko>` });
    } catch (error) {
      const { responseCode, message } = error as { responseCode?: number; message: string };
      // Servers quote the address back; the reason is kept in the log and shown to staff, the address only sealed.
      throw new SendFailure(message.replace(/[^\s<>:]+@[^\s<>:]+/g, '<address>'), responseCode !== undefined && responseCode >= 500);
    }
  }

  close(): void {
    this.transport.close();
  }
}
