export const SORTS = ['-published', 'deadline', 'rent', '-rent', '-area', '-rooms', 'moveIn'] as const;

/** The filters a search page can carry in its URL, named as the listings API names them, so a search is a bookmark. */
export const FILTERS = ['municipality', 'district', 'roomsMin', 'roomsMax', 'rentMin', 'rentMax', 'areaMin', 'areaMax', 'type', 'moveInFrom', 'moveInTo', 'sort', 'page'] as const;
export type SearchQuery = Partial<Record<(typeof FILTERS)[number], string>>;

/** Keeps only the known filters with a value; what they may hold is the API's to judge. */
export function searchQueryOf(query: Readonly<Record<string, unknown>>): SearchQuery {
  const kept: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') kept[name] = value.trim();
  }
  return kept;
}

export function searchHref(query: SearchQuery, change: SearchQuery = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...change })) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `/bostader?${search}` : '/bostader';
}
