export { clb, type ClbOptions } from './plugin';
export { CLB_PRESETS, BEHAVIOR_KEYS } from './behaviors';
