// A seeded pseudo-random generator (mulberry32), so a failing fuzz run is reproduced with FUZZ_SEED=<seed>.

export interface Rng {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `max` distinct items, in random order. */
  some<T>(items: readonly T[], max: number): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)]!;
  };
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    some(items, max) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, int(0, Math.min(max, copy.length)));
    },
  };
}

/** FUZZ_SEED when set (a whole number), else a fresh random seed. */
export function fuzzSeed(env: string | undefined = process.env.FUZZ_SEED): number {
  if (env !== undefined && env !== "") {
    const seed = Number(env);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`FUZZ_SEED must be a whole number from 0 to 4294967295, not ${JSON.stringify(env)}`);
    return seed;
  }
  return Math.floor(Math.random() * 0xffffffff);
}
