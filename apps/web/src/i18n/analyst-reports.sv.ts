/** The analysts' report builder: its reports and their columns, in Swedish, spread into `sv.ts`; kept apart so its changes merge on their own. */
export const analystReportsSv = {
  'staff.report.kind.summering': 'Uthyrningar, uppdelat',
  'staff.report.kind.serie': 'Uthyrningar över tid',
  'staff.report.kind.kotid': 'Kötid som behövdes',
  'staff.report.kind.sokande': 'Bostadssökande över tid',
  'staff.report.kind.aldrar': 'Bostadssökande per åldersgrupp',
  'staff.report.png': 'Diagrammet som bild (PNG)',
  'staff.report.days': '{days} dagar ({years} år)',
  'staff.report.ageGroup': 'Åldersgrupp',
  'staff.report.seekers.registered': 'I kön',
  'staff.report.seekers.newRegistrations': 'Nya',
  'staff.report.seekers.deregistrations': 'Avregistrerade (obetald avgift)',
  'staff.report.seekers.closedAccounts': 'Avslutade konton',
  'staff.report.seekers.active': 'Aktiva (sökt senaste 12 månaderna)',
  'staff.report.chartAlt': 'Diagram: {title}. Flest i kön: {label} ({count}).',
  'staff.report.chartAltNone': 'Diagram: {title}. Inga siffror kan visas.',
} as const;
