import type { View } from '../../views/view.js';
import type { Place } from './mine.types.js';

/** "plats 3 av 57", provisional until the deadline, final after the close. */
export function placeText(view: View, place: Place | null): string {
  if (!place || place.place === null) return view.t('place.none');
  return view.t(place.final ? 'place.final' : 'place.provisional', { place: place.place, of: place.of });
}
