import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { VAULT } from '../listings.tokens.js';
import { CloseService } from '../ranking/close.service.js';

/** A seeker left the queue (deregistered) or closed their account: their open applications are withdrawn. */
export class WithdrawSeekersApplications extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly reason: 'deregistered' | 'account-closed',
  ) {
    super();
  }
}

/** A closed account's declarations are erased here too (their key is shredded). */
export class EraseSeekersDeclarations extends Command<void> {
  constructor(readonly applicantId: string) {
    super();
  }
}

/** A landlord's terminated agreement ends their open listings. */
export class EndListingsOfLandlord extends Command<string[]> {
  constructor(readonly landlordId: string) {
    super();
  }
}

@CommandHandler(WithdrawSeekersApplications)
export class WithdrawSeekersApplicationsHandler implements ICommandHandler<WithdrawSeekersApplications, void> {
  constructor(private readonly applications: SeekerApplicationsService) {}

  execute({ applicantId, reason }: WithdrawSeekersApplications): Promise<void> {
    return this.applications.withdrawAll(applicantId, reason);
  }
}

@CommandHandler(EraseSeekersDeclarations)
export class EraseSeekersDeclarationsHandler implements ICommandHandler<EraseSeekersDeclarations, void> {
  constructor(@Inject(VAULT) private readonly vault: PersonalDataVault) {}

  async execute({ applicantId }: EraseSeekersDeclarations): Promise<void> {
    await this.vault.erase(applicantId);
  }
}

@CommandHandler(EndListingsOfLandlord)
export class EndListingsOfLandlordHandler implements ICommandHandler<EndListingsOfLandlord, string[]> {
  constructor(private readonly close: CloseService) {}

  execute({ landlordId }: EndListingsOfLandlord): Promise<string[]> {
    return this.close.endListingsOf(landlordId);
  }
}
