// Security headers on every response of scripts/server.mjs. The Content-Security-Policy carries a fresh
// nonce per request; Next.js reads the policy from the *request* headers (as a proxy would set them) and
// puts the nonce on its own scripts, so no other inline script, event handler or foreign script runs.
import crypto from "node:crypto";

export function newNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * Styles stay 'unsafe-inline': React renders style attributes (the virtualized lists position rows with
 * them) and CodeMirror and uPlot set inline styles; scripts are what an injection would need.
 * `npm run dev` alone adds 'unsafe-eval': React's development build rebuilds server call stacks with eval()
 * (its production build never uses eval).
 * @param {string} nonce
 * @param {{ dev?: boolean }} [options]
 */
export function contentSecurityPolicy(nonce, { dev = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * @param {string} nonce
 * @param {{ dev?: boolean }} [options]
 */
export function securityHeaders(nonce, options) {
  return { "content-security-policy": contentSecurityPolicy(nonce, options), ...COMMON };
}

/**
 * API answers are JSON, never meant to be rendered: should one be opened as a document, it may load and
 * run nothing at all. A fixed policy also spares every API request a random nonce and 300 bytes of header.
 */
export const API_SECURITY_HEADERS = Object.freeze({
  "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  ...COMMON,
});
