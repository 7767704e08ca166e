export { AccessLog } from './access-log.js';
export { AccessLogController } from './access-log.controller.js';
export { ACCESS_LOG_MIGRATIONS } from './access-log.schema.js';
export { accessLogProviders } from './access-log.wiring.js';
export { StaffRead, StaffSearch } from './staff-read.js';
