import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { allMessages } from '@bostadsko/bus';
import { PERSONAL_DATA_MIGRATIONS, PersonalDataVault } from '@bostadsko/personal-data';
import type { AppWiring } from '@bostadsko/runtime';
import { toIntegrationMessages } from './integration/landlords.integration.js';
import { messagesIntegration } from './integration/messages.integration.js';
import { casesProjection } from './cases/cases.projection.js';
import { landlordListingsProjection, LISTING_TOPICS } from './listings/landlord-listings.projection.js';
import { PROPOSAL_TOPICS, proposalsProjection } from './listings/proposals.projection.js';
import { organisationsProjection } from './organisation/organisations.projection.js';
import { ChangeAgreementHandler } from './agreements/change-agreement.handler.js';
import { AddLandlordUserHandler, ChangeLandlordUserLanguageHandler, ChangeLandlordUserPasswordHandler, EraseLandlordUserHandler, RemoveLandlordUserHandler } from './users/user.handlers.js';
import { AgreementStatusOfHandler, ExistingLandlordHandler, OrganisationHistoryHandler, OrganisationListHandler, OrganisationOfHandler } from './organisation/organisation.queries.js';
import { GuidelineHistoryHandler, GuidelineOnHandler } from './guideline/guideline.queries.js';
import { CaseListHandler, CaseOfHandler } from './cases/case.queries.js';
import { LandlordUserOfHandler, LandlordUsersHandler } from './users/user.queries.js';
import { LandlordSignInAccountHandler } from './users/sign-in-account.query.js';
import { ChangeGuidelineHandler } from './guideline/change-guideline.handler.js';
import { AddCaseMessageHandler, ConcludeCaseHandler, RegisterLandlordCaseHandler } from './cases/case.handlers.js';
import { ChangeLandlordContactHandler } from './organisation/change-landlord-contact.handler.js';
import { RegisterLandlordHandler } from './organisation/register-landlord.handler.js';
import { RegisterExtractOfHandler } from './seekers/register-extract.query.js';
import { LandlordLettingReportHandler, LandlordListingsHandler, LandlordProposalsHandler, LandlordVacancyReportHandler } from './reports/landlord-views.queries.js';

/** What the app runs beside its requests; the module starts it, `npm run rebuild -- landlords …` replays its read models. */
export const LANDLORDS_WIRING: AppWiring = {
  app: 'landlords',
  migrations: [...PERSONAL_DATA_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS],
  integration: (infra) => {
    const toMessages = messagesIntegration(new PersonalDataVault(infra.pool), infra.store);
    return (event) => allMessages([toIntegrationMessages(event), toMessages(event)]);
  },
  projections: [organisationsProjection, casesProjection],
  busProjections: [
    { projection: landlordListingsProjection, topics: LISTING_TOPICS },
    { projection: proposalsProjection, topics: PROPOSAL_TOPICS },
  ],
};

/** One handler per use case, dispatched by the CommandBus (reads by the QueryBus) from the controllers. */
export const LANDLORDS_HANDLERS = [
  RegisterLandlordHandler,
  ChangeLandlordContactHandler,
  ChangeAgreementHandler,
  RegisterLandlordCaseHandler,
  AddCaseMessageHandler,
  ConcludeCaseHandler,
  ChangeGuidelineHandler,
  AddLandlordUserHandler,
  OrganisationOfHandler,
  ExistingLandlordHandler,
  OrganisationListHandler,
  AgreementStatusOfHandler,
  OrganisationHistoryHandler,
  GuidelineOnHandler,
  GuidelineHistoryHandler,
  CaseOfHandler,
  CaseListHandler,
  LandlordUsersHandler,
  LandlordUserOfHandler,
  LandlordSignInAccountHandler,
  RemoveLandlordUserHandler,
  ChangeLandlordUserPasswordHandler,
  ChangeLandlordUserLanguageHandler,
  EraseLandlordUserHandler,
  RegisterExtractOfHandler,
  LandlordListingsHandler,
  LandlordProposalsHandler,
  LandlordLettingReportHandler,
  LandlordVacancyReportHandler,
];
