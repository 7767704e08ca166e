import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, IntegrationMessage } from '@bostadsko/bus';
import { AccountClosedV1, AgreementStatusChangedV1, ApplicantDeregisteredV1 } from '@bostadsko/contracts';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { EndListingsOfLandlord, EraseSeekersDeclarations, WithdrawSeekersApplications } from './seeker-lifecycle.commands.js';

const LIFECYCLE_GROUP = 'listings.seeker-and-agreement-lifecycle';

/**
 * What other apps' decisions mean here: a deregistered or closed account has its
 * open applications withdrawn (and a closed one its declarations erased); a
 * terminated agreement ends the landlord's open listings once its date has
 * come (the close job catches later dates). Every step is idempotent.
 */
@Injectable()
export class LifecycleConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: Consumer;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.infra.bus.consume({ group: LIFECYCLE_GROUP, topics: [ApplicantDeregisteredV1.type, AccountClosedV1.type, AgreementStatusChangedV1.type] }, (message) =>
      this.handle(message),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async handle(message: IntegrationMessage): Promise<void> {
    if (message.type === ApplicantDeregisteredV1.type) {
      await this.commands.execute(new WithdrawSeekersApplications(ApplicantDeregisteredV1.parse(message.payload).applicantId, 'deregistered'));
    } else if (message.type === AccountClosedV1.type) {
      const { applicantId } = AccountClosedV1.parse(message.payload);
      await this.commands.execute(new WithdrawSeekersApplications(applicantId, 'account-closed'));
      await this.commands.execute(new EraseSeekersDeclarations(applicantId));
    } else if (message.type === AgreementStatusChangedV1.type) {
      const changed = AgreementStatusChangedV1.parse(message.payload);
      if (changed.status === 'terminated' && changed.effectiveFrom <= stockholmDate(this.clock.now())) await this.commands.execute(new EndListingsOfLandlord(changed.landlordId));
    }
  }
}
