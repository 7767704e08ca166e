import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Handled } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { GUIDELINES } from '../landlords.tokens.js';
import { LandlordService } from '../organisation/landlord.service.js';
import type { ChangeGuideline as GuidelineChange, GuidelineState } from './guideline.decider.js';
import type { GuidelineEvent } from './guideline.events.js';
import type { Guidelines } from './guideline.stream.js';

/** A new version of the landlord's letting guideline, for listings published from a date. */
export class ChangeGuideline extends Command<Handled<GuidelineEvent, GuidelineState>> {
  constructor(
    readonly change: Omit<GuidelineChange, 'type' | 'changedBy' | 'now'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeGuideline)
export class ChangeGuidelineHandler implements ICommandHandler<ChangeGuideline, Handled<GuidelineEvent, GuidelineState>> {
  constructor(
    @Inject(GUIDELINES) private readonly guidelines: Guidelines,
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

  async execute({ change, context }: ChangeGuideline): Promise<Handled<GuidelineEvent, GuidelineState>> {
    await this.landlords.existing(change.landlordId);
    return this.guidelines.handle({ type: 'change-guideline', ...change, changedBy: context.actor, now: this.clock.now() }, context);
  }
}
