import { createHash } from 'node:crypto';
import type { listingView } from './listing-view.js';

type Listing = ReturnType<typeof listingView>;

export interface Feed {
  readonly body: string;
  readonly etag: string;
  /** The newest listing's publication (or `fallback` when there is none), for Last-Modified. */
  readonly lastModified: Date;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const instant = (date: string) => `${date}T00:00:00Z`;
const title = (l: Listing) => `${l.address}, ${l.district}, ${l.municipality}: ${l.rooms} rum, ${l.areaM2} m², ${l.monthlyRent} kr/mån`;
const summary = (l: Listing) =>
  `${l.rooms} rum och kök, ${l.areaM2} m², ${l.district}, ${l.municipality}. Hyra ${l.monthlyRent} kr i månaden. Typ: ${l.listingType}. Inflyttning ${l.moveInDate}. Sök senast ${l.applicationDeadline}.`;

function finished(body: string, items: readonly Listing[], fallback: Date): Feed {
  const newest = items
    .map((l) => l.publishedOn)
    .sort()
    .at(-1);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, lastModified: newest ? new Date(instant(newest)) : fallback };
}

/** Atom (RFC 4287): one entry per listing, its id a URN of the listing id so a reader never shows one twice. */
export function atomFeed(items: readonly Listing[], siteUrl: string, selfUrl: string, fallback: Date): Feed {
  const updated =
    items.length > 0
      ? instant(
          items
            .map((l) => l.publishedOn)
            .sort()
            .at(-1)!,
        )
      : fallback.toISOString();
  const entries = items
    .map(
      (l) => `  <entry>
    <id>urn:uuid:${l.listingId}</id>
    <title>${escapeXml(title(l))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(`${siteUrl}/bostader/${l.listingId}`)}"/>
    <published>${instant(l.publishedOn)}</published>
    <updated>${instant(l.publishedOn)}</updated>
    <summary>${escapeXml(summary(l))}</summary>
  </entry>`,
    )
    .join('\n');
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>${escapeXml(selfUrl)}</id>
  <title>Bostadskön: nya lediga bostäder</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${siteUrl}/bostader`)}"/>
  <author><name>Bostadskön</name></author>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return finished(body, items, fallback);
}

/** JSON Feed 1.1, each item carrying the listing's facts as `_bostadsko` for tools that read fields rather than text. */
export function jsonFeed(items: readonly Listing[], siteUrl: string, selfUrl: string, fallback: Date): Feed {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bostadskön: nya lediga bostäder',
    language: 'sv',
    home_page_url: `${siteUrl}/bostader`,
    feed_url: selfUrl,
    items: items.map((l) => ({
      id: l.listingId,
      url: `${siteUrl}/bostader/${l.listingId}`,
      title: title(l),
      content_text: summary(l),
      date_published: instant(l.publishedOn),
      _bostadsko: {
        municipality: l.municipality,
        district: l.district,
        rooms: l.rooms,
        areaM2: l.areaM2,
        monthlyRent: l.monthlyRent,
        listingType: l.listingType,
        moveInDate: l.moveInDate,
        applicationDeadline: l.applicationDeadline,
      },
    })),
  };
  return finished(JSON.stringify(feed), items, fallback);
}
