/** A few seekers so a fresh system has something to show; registering twice is refused, so re-running adds none. */
const DEMO_SEEKERS = [
  { personnummer: '19811218-9876', name: 'Astrid Lindqvist', email: 'astrid@example.se', password: 'correct horse battery' },
  { personnummer: '19900101-0017', name: 'Omar Haddad', email: 'omar@example.se', password: 'correct horse battery' },
  { personnummer: '20000229-0005', name: 'Elin Berg', email: 'elin@example.se', password: 'correct horse battery' },
];

export async function seedDemoData(log: (line: string) => void): Promise<void> {
  let added = 0;
  for (const seeker of DEMO_SEEKERS) {
    const response = await fetch('http://127.0.0.1:3001/applicants', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seeker),
    });
    if (response.status === 201) added++;
    else if (response.status !== 409) log(`demo seeker not registered: ${response.status} ${await response.text()}`);
  }
  log(`demo data: ${added} new seekers (${DEMO_SEEKERS.length - added} already there)`);
}
