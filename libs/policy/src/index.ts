export { DatedPolicy, settingsOn, type PolicyChange, type SettingLimits } from './dated-policy.js';
