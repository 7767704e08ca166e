import { LandlordCasesController } from './cases.controller.js';
import { LandlordGuidelineController } from './guideline.controller.js';
import { LandlordInterestController } from './interest.controller.js';
import { LandlordMessagesController } from './landlord-messages.controller.js';
import { MyListingsController } from './my-listings.controller.js';
import { LandlordOrganisationController } from './organisation.controller.js';
import { ProposalsController } from './proposals.controller.js';
import { PublishController } from './publish.controller.js';
import { LandlordReportsController } from './reports.controller.js';
import { LandlordSignInController } from './sign-in.controller.js';

/** The landlords' section, registered in web.module.ts with one line. */
export const LandlordControllers = [
  LandlordSignInController,
  LandlordInterestController,
  LandlordOrganisationController,
  LandlordGuidelineController,
  PublishController,
  MyListingsController,
  ProposalsController,
  LandlordReportsController,
  LandlordCasesController,
  LandlordMessagesController,
];
