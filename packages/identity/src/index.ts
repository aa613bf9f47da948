export { identity, type IdentityOptions } from './plugin';
