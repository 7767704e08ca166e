import { Module, type DynamicModule } from '@nestjs/common';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { SeekerApplicationsService } from './applications/seeker-applications.service.js';
import { SeekerHandler } from './applications/seeker.stream.js';
import { ListingReader } from './listing/listing.reader.js';
import { ListingHandler } from './listing/listing.stream.js';
import { VAULT } from './listings.tokens.js';
import { PolicyService } from './policy/policy.service.js';

/**
 * The listing and seeker streams as services, for this app's use cases and the
 * letting process: global, so LettingModule injects ListingReader,
 * ListingHandler, SeekerHandler, SeekerApplicationsService, PolicyService and VAULT
 * without importing. Given the app's EventSourcingModule so one infrastructure is shared.
 */
@Module({})
export class ListingCoreModule {
  static register(eventSourcing: DynamicModule): DynamicModule {
    const providers = [
      ListingHandler,
      SeekerHandler,
      ListingReader,
      SeekerApplicationsService,
      PolicyService,
      { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    ];
    return {
      module: ListingCoreModule,
      global: true,
      imports: [eventSourcing],
      providers,
      exports: [eventSourcing, ListingHandler, SeekerHandler, ListingReader, SeekerApplicationsService, PolicyService, VAULT],
    };
  }
}
