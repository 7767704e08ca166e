import { Injectable, Logger } from '@nestjs/common';
import { ApiClient } from '../api/api-client.js';
import type { LandlordSession } from './session.js';

/** How many of the signed-in landlord user's messages are unread, for the portal's menu on every one of its pages. */
@Injectable()
export class LandlordUnread {
  private readonly logger = new Logger('landlord-unread');

  constructor(private readonly api: ApiClient) {}

  async count(landlord: LandlordSession, readAfter: readonly string[]): Promise<number | undefined> {
    try {
      return (await this.api.get<{ unread: number }>('messages', '/messages/landlord/inbox/unread', { token: landlord.token, readAfter })).body.unread;
    } catch (error) {
      // The count informs; a portal page must not fail because the messages app could not be asked.
      this.logger.warn(`unread count unreadable: ${(error as Error).message}`);
      return undefined;
    }
  }
}
