import { StaffAccessLogController } from './access-log.controller.js';
import { StaffCasesController } from './cases.controller.js';
import { StaffFeesController } from './fees.controller.js';
import { StaffLandlordsController } from './landlords.controller.js';
import { StaffLettingController } from './letting.controller.js';
import { StaffPolicyController } from './policy.controller.js';
import { StaffRankingController } from './ranking.controller.js';
import { TrainingClockController } from './training-clock.controller.js';
import { ReportBuilderController } from './report-builder.controller.js';
import { StaffSearchController } from './search.controller.js';
import { StaffSeekerController } from './seeker.controller.js';
import { StaffSignInController } from './sign-in.controller.js';
import { StaffThreadsController } from './threads.controller.js';

/** The back office, registered in web.module.ts with one line. */
export const StaffControllers = [
  StaffSignInController,
  StaffSearchController,
  StaffSeekerController,
  StaffAccessLogController,
  StaffFeesController,
  StaffPolicyController,
  StaffLandlordsController,
  StaffCasesController,
  ReportBuilderController,
  StaffLettingController,
  StaffRankingController,
  TrainingClockController,
  StaffThreadsController,
];
