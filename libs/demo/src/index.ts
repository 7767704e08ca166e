export { call } from './call.js';
