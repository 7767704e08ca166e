export { openWithKey, PERSONAL_DATA_MIGRATIONS, PersonalDataVault, type Sealed } from './personal-data.vault.js';
export { DATA_CONTROLLER, heldOrNotFound, openedForExtract, type AccessLogEntry, type RegisterExtractSection } from './register-extract.js';
