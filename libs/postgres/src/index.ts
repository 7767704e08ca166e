export { CHECKPOINT_MIGRATIONS, loadCheckpoint, storeCheckpoint, type Position } from './checkpoints.js';
export { isDatabaseUnavailable, reportConnectionErrors } from './connection-errors.js';
export { dataSourceOn } from './data-source.js';
export { copyIn } from './copy-in.js';
export { binaryRows, copyOut, repeatedText } from './copy-out.js';
export { AFTER_POSITION_VISIBLE, LOG_ORDER, earlierTransactionsEnded, positionParams } from './log-order.js';
export { migrate, type Migration } from './migrations.js';
export { inTransaction, withQueryRunner } from './transaction.js';
