import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { allMessages } from '@bostadsko/bus';
import { PERSONAL_DATA_MIGRATIONS, PersonalDataVault } from '@bostadsko/personal-data';
import type { AppWiring } from '@bostadsko/runtime';
import { customerCasesProjection } from './cases/customer-cases.projection.js';
import { FeeJobScheduler } from './fees/fee-job.scheduler.js';
import { FEE_MIGRATIONS, FEE_PROJECTIONS } from './fees/fees.wiring.js';
import { caseAnsweredIntegration } from './integration/case-answered.integration.js';
import { toIntegrationMessages } from './integration/applicants.integration.js';
import { messagesIntegration } from './integration/messages.integration.js';
import { LettingConsumer } from './letting/letting.consumer.js';
import { PolicyService } from './policy/policy.service.js';
import { queueTimeProjection } from './queue-time/queue-time.projection.js';
import { seekerDirectoryProjection } from './seeker-search/seeker-directory.projection.js';

/** What the app runs beside its requests; the module starts it, `npm run rebuild -- applicants …` replays its read models. */
export const APPLICANTS_WIRING: AppWiring = {
  app: 'applicants',
  migrations: [...PERSONAL_DATA_MIGRATIONS, ...FEE_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS],
  integration: (infra) => {
    const vault = new PersonalDataVault(infra.pool);
    const toMessages = messagesIntegration(vault, () => new PolicyService(infra).changes());
    const toCaseAnswers = caseAnsweredIntegration(vault, infra.store);
    return (event) => allMessages([toIntegrationMessages(event), toMessages(event), toCaseAnswers(event)]);
  },
  projections: [queueTimeProjection, seekerDirectoryProjection, customerCasesProjection, ...FEE_PROJECTIONS],
  consumers: [LettingConsumer],
  jobs: [FeeJobScheduler],
};
