import { Injectable } from '@nestjs/common';

/** Injection token of the listings vault (PersonalDataVault over this app's database). */
export const VAULT = Symbol('LISTINGS_VAULT');

/** The time every decision is taken at; tests replace `now` on the app's instance to move past a deadline. */
@Injectable()
export class ListingsClock {
  now(): Date {
    return new Date();
  }
}
