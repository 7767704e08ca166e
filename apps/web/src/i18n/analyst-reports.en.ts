import type { analystReportsSv } from './analyst-reports.sv.js';

/** The analysts' report builder: its reports and their columns, in English, spread into `en.ts`: the same keys as `analyst-reports.sv.ts`. */
export const analystReportsEn: Readonly<Record<keyof typeof analystReportsSv, string>> = {
  'staff.report.kind.summering': 'Lettings, broken down',
  'staff.report.kind.serie': 'Lettings over time',
  'staff.report.kind.kotid': 'Queue time needed',
  'staff.report.kind.sokande': 'Seekers over time',
  'staff.report.kind.aldrar': 'Seekers by age group',
  'staff.report.kind.onskemal': 'Seekers by what they applied for (municipality or type)',
  'staff.report.wanted.seekers': 'Seekers',
  'staff.report.wanted.applications': 'Applications',
  'staff.report.png': 'The chart as an image (PNG)',
  'staff.report.days': '{days} days ({years} years)',
  'staff.report.ageGroup': 'Age group',
  'staff.report.seekers.registered': 'In the queue',
  'staff.report.seekers.newRegistrations': 'New',
  'staff.report.seekers.deregistrations': 'Deregistered (unpaid fee)',
  'staff.report.seekers.closedAccounts': 'Closed accounts',
  'staff.report.seekers.active': 'Active (applied in the last 12 months)',
  'staff.report.chartAlt': 'Chart: {title}. Largest: {label} ({count}).',
  'staff.report.chartAltNone': 'Chart: {title}. No figures can be shown.',
};
