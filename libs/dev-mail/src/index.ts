export { readDevMailbox, type KeptMail } from './dev-mailbox.js';
export { REFUSED_DOMAIN, startDevSmtpServer, type DevSmtpServer } from './dev-smtp-server.js';
