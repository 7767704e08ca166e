/**
 * Amounts are whole öre in events and tables, so sums of payments never drift
 * by binary fractions; the API and bank files speak kronor with two decimals.
 */
export type Ore = number;

export const oreFromSek = (sek: number): Ore => Math.round(sek * 100);

export const sekFromOre = (ore: Ore): number => ore / 100;
