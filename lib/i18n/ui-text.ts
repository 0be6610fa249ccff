// What counts as text a person reads (and so belongs in a message catalogue) for the hard-coded text guard
// (lib/i18n/hard-coded-text.test.ts). The rule, not exceptions per line: text is UI language when it has a
// word of two or more letters that is not a technical term. Key paths ("/app/config", any token starting with
// "/") and the technical terms below are the same in every language; so are units after numbers ("12 ms").

/** Written the same in every language of the dashboard (compared lower-cased): names, etcd's own parameters, units. */
const TECHNICAL_TERMS = new Set([
  "etcd", "etcdctl", "ttl", "cas", "json", "yaml", "base64", "hex", "utf-8", "url", "http", "https", "api", "id",
  "prevvalue", "previndex", "prevexist", "modifiedindex", "createdindex",
  "ms", "kib", "mib", "gib", "kb", "mb", "gb", "ok",
]);

const PATH_TOKEN = /(^|\s)\/\S*/g;
const WORD = /\p{L}[\p{L}\p{N}'-]*/gu;
/** Chinese, Japanese and Korean text has no spaces between words: one such character is already language. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isUiText(text: string): boolean {
  const withoutPaths = text.replace(PATH_TOKEN, " ");
  if (CJK.test(withoutPaths)) return true;
  for (const [word] of withoutPaths.matchAll(WORD)) {
    const letters = word.replace(/[^\p{L}]/gu, "");
    if (letters.length >= 2 && !TECHNICAL_TERMS.has(word.toLowerCase())) return true;
  }
  return false;
}
