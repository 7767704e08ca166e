import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer } from '@bostadsko/bus';
import { AccountClosedV1 } from '@bostadsko/contracts';
import { PersonalDataVault } from '@bostadsko/personal-data';
import type { Infrastructure } from '@bostadsko/runtime';

/**
 * For apps that seal nothing else about seekers (landlords, statistics): a closed
 * account destroys the seeker's key here, so the reasons staff gave for reading
 * their data go with it, as they do in the apps that erase on closing anyway. Idempotent.
 */
export class AccessLogErasureOnClose implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: Consumer;

  constructor(
    private readonly app: string,
    private readonly infra: Infrastructure,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const vault = new PersonalDataVault(this.infra.pool);
    this.consumer = await this.infra.bus.consume({ group: `${this.app}.access-log-erasure`, topics: [AccountClosedV1.type] }, (message) =>
      vault.erase(AccountClosedV1.parse(message.payload).applicantId),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
