export { addDays, addMonths, ageOn, anniversaryIn, daysBetween, isIsoDate, stockholmDate, type IsoDate } from './calendar.js';
export { addBankingDays } from './banking-days.js';
