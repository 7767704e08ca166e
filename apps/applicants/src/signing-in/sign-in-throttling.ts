import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { currentCorrelationId, type Throttled, type ThrottleRules } from '@bostadsko/platform';
import { CommandBus } from '@nestjs/cqrs';
import { NoteSignInThrottled } from './note-sign-in-throttled.command.js';
import { VAULT } from '../applicants.tokens.js';
import { PolicyService } from '../policy/policy.service.js';

/** Who recorded the throttling in the account's history: the sign-in itself, no person. */
const ACTOR = 'sign-in-throttle';

/** The seekers' sign-in throttling: its rules from the dated policy, and the note staff see in the account's history. */
@Injectable()
export class SignInThrottling {
  constructor(
    private readonly policy: PolicyService,
    private readonly commands: CommandBus,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async rules(): Promise<ThrottleRules> {
    const policy = await this.policy.on(stockholmDate(this.clock.now()));
    return {
      failuresBeforeDelay: policy.signInFailuresBeforeDelay,
      addressFailuresBeforeDelay: policy.signInAddressFailuresBeforeDelay,
      windowSeconds: policy.signInWindowMinutes * 60,
      firstDelaySeconds: policy.signInFirstDelaySeconds,
      maxDelaySeconds: policy.signInMaxDelayMinutes * 60,
      accountMaxDelaySeconds: policy.signInAccountMaxDelaySeconds,
    };
  }

  async record(throttled: Throttled): Promise<void> {
    const fromAddress = await this.vault.seal(throttled.accountId, throttled.address);
    await this.commands.execute(
      new NoteSignInThrottled(throttled.accountId, throttled.failures, throttled.lockedUntil.toISOString(), fromAddress, { correlationId: currentCorrelationId() ?? randomUUID(), actor: ACTOR }),
    );
  }
}
