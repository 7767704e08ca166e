import type { feeResolutionSv } from './fee-resolution.sv.js';

/** Resolving fee discrepancies, for staff, in English, spread into `en.ts`: the same keys as `fee-resolution.sv.ts`. */
export const feeResolutionEn: Readonly<Record<keyof typeof feeResolutionSv, string>> = {
  'staff.resolve.title': 'Resolve a discrepancy',
  'staff.resolve.back': 'Back to the discrepancies',
  'staff.resolve.concerns': 'Amount the discrepancy is about',
  'staff.resolve.resolution': 'How it is resolved',
  'staff.resolve.resolutionHint':
    'Money the agency holds can be matched to a notice or paid back. An amount too low can be written off or dismissed with a reason. An unreadable line is dismissed once its payment is registered by hand.',
  'staff.resolve.reference': 'OCR reference of the notice the money was meant for',
  'staff.resolve.referenceHint': 'Only when matching to a notice. The payment counts from the day it was paid.',
  'staff.resolve.note': 'Reason',
  'staff.resolve.noteHint': 'Kept with your name and shown to the seeker in the fee history.',
  'staff.resolve.submit': 'Resolve the discrepancy',
  'staff.resolve.done': 'The discrepancy is resolved: {resolution}.',
  'staff.resolve.placed': 'The payment on the notice: {outcome}.',
  'staff.resolve.column': 'Action',
  'staff.resolve.link': 'Resolve',
  'fees.resolutions': 'Payments looked into',
  'fees.resolution.entry': '{date}: the payment of {amount} on {paidOn} – {resolution}. {note}',
  'staff.resolution.matched': 'matched to a notice',
  'staff.resolution.refunded': 'refunded',
  'staff.resolution.written-off': 'written off',
  'staff.resolution.dismissed': 'no action needed',
  'staff.field.resolve.resolution': 'Choose how it is resolved',
  'staff.field.resolve.reference': 'Enter the OCR reference of the notice, digits only',
  'staff.field.resolve.note': 'Write a reason of 5 to 2,000 characters',
  'staff.problem.discrepancy-already-resolved': 'The discrepancy is already resolved',
  'staff.problem.resolution-not-allowed': 'That resolution does not fit this discrepancy',
  'staff.problem.no-such-notice': 'No notice has that OCR reference',
  'staff.problem.match-required': 'Give an OCR reference only when matching to a notice',
};
