export { DatedPolicy, settingsOn, type PolicyChange, type SettingLimits } from './dated-policy.js';
export { ChangePolicyHandler } from './change-policy.js';
export { policyController } from './policy.controller.js';
