import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog } from '@bostadsko/access-log';
import { type PersonalDataVault, DATA_CONTROLLER, type RegisterExtractSection } from '@bostadsko/personal-data';
import { NotFound } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { Clock } from '@bostadsko/clock';
import { Inject } from '@nestjs/common';

/** Streams other than the account's own that hold records about the person: fee notices and payments. */
const RELATED_STREAMS = (applicantId: string) => [`fee_account-${applicantId}`];

/** The applicants app's part of a seeker's register extract. */
export class RegisterExtractOf extends Query<RegisterExtractSection & { status: string }> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(RegisterExtractOf)
export class RegisterExtractOfHandler implements IQueryHandler<RegisterExtractOf, RegisterExtractSection & { status: string }> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId: id }: RegisterExtractOf): Promise<RegisterExtractSection & { status: string }> {
    const { state, events } = await this.applicants.load(id);
    if (state.status === 'none') throw new NotFound('No such account');
    const related = (await Promise.all(RELATED_STREAMS(id).map((s) => this.infra.store.readStream(s)))).flat();
    const records = await Promise.all([...events, ...related].map((e) => readable(this.vault, e)));
    return {
      app: 'applicants',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId: id,
      purpose: 'Your account in the housing queue: identity, contact details, queue time and every decision about it, annual fees and payments, cases and sign-in protection.',
      status: state.status,
      personalData: shown(await currentDetails(this.vault, events)),
      records: records.map(({ type, recordedAt, actor, data }) => ({ type: type as string, at: recordedAt as string, data: { ...(data as object), actor } })),
      accessLog: await this.accessLog.of(id),
    };
  }
}
