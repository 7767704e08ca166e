import { savedSearchBody } from './saved-searches.controller.js';

describe('the search page’s filters as a saved search', () => {
  test('numbers as numbers, the one type as the list types, sorting, paging and unknown fields left out', () => {
    const body = { municipality: ' Göteborg ', roomsMin: '2', rentMax: '9000', type: 'youth', sort: 'rent', page: '3', _csrf: 'x', alerts: 'daily' };
    expect(savedSearchBody(body)).toEqual({ municipality: 'Göteborg', roomsMin: 2, rentMax: 9000, listTypes: ['youth'], alerts: 'daily' });
  });

  test('what is not a number goes as text for the app to refuse; an unknown alert mode is "at once"', () => {
    expect(savedSearchBody({ areaMin: 'stor', alerts: 'hourly' })).toEqual({ areaMin: 'stor', alerts: 'immediate' });
    expect(savedSearchBody({})).toEqual({ alerts: 'immediate' });
  });
});
