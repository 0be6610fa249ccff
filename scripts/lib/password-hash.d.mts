// Types for password-hash.mjs (plain Node ESM, run by `npm run hash-password` without a build); keep in sync.
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_COST: ScryptCost;
export const PASSWORD_HASH_PATTERN: RegExp;
export function hashPassword(password: string, cost?: ScryptCost): Promise<string>;
export function verifyPassword(password: string, encoded: string): Promise<boolean>;
