import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { CASES } from '../landlords.tokens.js';
import type { CaseState } from './case.decider.js';
import type { CaseCategory, CaseSide } from './case.events.js';
import type { Cases } from './case.stream.js';

type CaseStatus = { readonly caseId: string; readonly status: Exclude<CaseState, { status: 'none' }>['status'] };

/** A landlord's new case (an improvement request, a question), open until staff close it. */
export class RegisterLandlordCase extends Command<CaseStatus> {
  constructor(
    readonly caseId: string,
    readonly landlordId: string,
    readonly details: { readonly category: CaseCategory; readonly subject: string; readonly description: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Either side adds to an open case; a landlord's message reopens an answered one. */
export class AddCaseMessage extends Command<CaseStatus> {
  constructor(
    readonly caseId: string,
    readonly from: CaseSide,
    readonly text: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Staff answer a case, or close it with a resolution. */
export class ConcludeCase extends Command<CaseStatus> {
  constructor(
    readonly caseId: string,
    readonly how: 'answer' | 'close',
    readonly text: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

abstract class CaseHandler {
  constructor(
    @Inject(CASES) protected readonly cases: Cases,
    protected readonly clock: Clock,
  ) {}

  protected status(caseId: string, state: CaseState): CaseStatus {
    if (state.status === 'none') throw new Error('a case command left no case');
    return { caseId, status: state.status };
  }
}

@CommandHandler(RegisterLandlordCase)
export class RegisterLandlordCaseHandler extends CaseHandler implements ICommandHandler<RegisterLandlordCase, CaseStatus> {
  async execute({ caseId, landlordId, details, context }: RegisterLandlordCase): Promise<CaseStatus> {
    const { state } = await this.cases.handle({ caseId, command: { type: 'register', caseId, landlordId, ...details, by: context.actor, now: this.clock.now() } }, context);
    return this.status(caseId, state);
  }
}

@CommandHandler(AddCaseMessage)
export class AddCaseMessageHandler extends CaseHandler implements ICommandHandler<AddCaseMessage, CaseStatus> {
  async execute({ caseId, from, text, context }: AddCaseMessage): Promise<CaseStatus> {
    const { state } = await this.cases.handle({ caseId, command: { type: 'add-message', from, text, by: context.actor, now: this.clock.now() } }, context);
    return this.status(caseId, state);
  }
}

@CommandHandler(ConcludeCase)
export class ConcludeCaseHandler extends CaseHandler implements ICommandHandler<ConcludeCase, CaseStatus> {
  async execute({ caseId, how, text, context }: ConcludeCase): Promise<CaseStatus> {
    const now = this.clock.now();
    const command = how === 'answer' ? ({ type: 'answer', answer: text, by: context.actor, now } as const) : ({ type: 'close', resolution: text, by: context.actor, now } as const);
    const { state } = await this.cases.handle({ caseId, command }, context);
    return this.status(caseId, state);
  }
}
