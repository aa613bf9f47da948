export { compute, type ComputeOptions } from './plugin';
export type { CreationBehavior } from './behaviors';
