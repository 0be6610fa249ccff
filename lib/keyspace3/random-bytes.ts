// Seeded random byte strings for the property tests of lib/keyspace3 (test support, pure): the same seed gives the
// same cases, so a failure can be replayed. Biased toward the bytes that matter to key names: "/", "\", "%", 0x00,
// 0xff, UTF-8 lead and continuation bytes, and pieces of valid multi-byte UTF-8.

/** mulberry32: a small, fast PRNG with a 32-bit state; numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x00, 0x09, 0x0a, 0x20, 0x25, 0x2b, 0x2f, 0x3f, 0x23, 0x5c, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0xff];
const PIECES = ["é", "你", "😀", "\u0085", "\u202e", "\u00a0", "\u200d", "\\x41", "\\u{41}", "a/b", "//", "%2F", "+", "?#&="];
const encoder = new TextEncoder();

/** A random byte string of length 0 to `maxLength` (about). */
export function randomBytes(random: () => number, maxLength = 24): Uint8Array {
  const out: number[] = [];
  const length = Math.floor(random() * (maxLength + 1));
  while (out.length < length) {
    const pick = random();
    if (pick < 0.35) out.push(Math.floor(random() * 256));
    else if (pick < 0.6) out.push(INTERESTING[Math.floor(random() * INTERESTING.length)]!);
    else if (pick < 0.8) out.push(0x61 + Math.floor(random() * 26));
    else out.push(...encoder.encode(PIECES[Math.floor(random() * PIECES.length)]!));
  }
  return Uint8Array.from(out);
}
