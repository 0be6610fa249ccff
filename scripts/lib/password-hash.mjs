// Password hashes for the dashboard's users: scrypt (a memory-hard standard KDF, built into Node), stored
// as "scrypt$N$r$p$salt$hash" (salt and hash in base64) so the cost can be raised later without breaking
// old hashes. Plain Node ESM: `npm run hash-password` runs it without a build, and the server imports it.
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt);

/** N=2^15, r=8, p=1: about 32 MiB and 50-100 ms per check on this kind of machine (OWASP's minimum is 2^17/8/1 for 128 MiB; 2^15 keeps a burst of logins from exhausting memory). */
export const DEFAULT_COST = { N: 32768, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export const PASSWORD_HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** @param {{N: number, r: number, p: number}} cost */
function maxmem({ N, r, p }) {
  return 128 * N * r * p + 128 * r * 1024 + 1024 * 1024;
}

/**
 * @param {string} password
 * @param {{N: number, r: number, p: number}} [cost]
 * @returns {Promise<string>}
 */
export async function hashPassword(password, cost = DEFAULT_COST) {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const hash = /** @type {Buffer} */ (await scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost) }));
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/**
 * Whether `password` matches `encoded`, compared in constant time. A malformed hash never matches.
 * @param {string} password
 * @param {string} encoded
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, encoded) {
  const match = PASSWORD_HASH_PATTERN.exec(encoded);
  if (!match) return false;
  const cost = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const salt = Buffer.from(match[4], "base64");
  const expected = Buffer.from(match[5], "base64");
  if (expected.length < 16) return false;
  let actual;
  try {
    actual = /** @type {Buffer} */ (await scrypt(password.normalize("NFC"), salt, expected.length, { ...cost, maxmem: maxmem(cost) }));
  } catch {
    return false; // a cost scrypt refuses (N not a power of two ...)
  }
  return crypto.timingSafeEqual(actual, expected);
}
