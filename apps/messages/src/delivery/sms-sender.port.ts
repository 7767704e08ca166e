/**
 * The SMS channel, defined and not yet implemented: an adapter (an SMS gateway's
 * HTTP API) would implement this, the delivery worker would send a message's
 * subject and a link by SMS to those who chose it, and a permanent refusal would
 * be recorded as `email-bounced` is for e-mail. No adapter exists, so nothing is
 * sent by SMS today (apps/messages/README.md says so).
 */
export interface SmsSender {
  /** `to` in E.164 (+46…); `messageId` is the same on a retry, for the gateway to drop a repeat. */
  send(sms: { readonly to: string; readonly text: string; readonly messageId: string }): Promise<void>;
}
