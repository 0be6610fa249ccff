// Command line of scripts/test.mjs: `--only unit,integration` selects steps (for quick local runs).

/**
 * @param {string[]} argv arguments after the script name
 * @param {string[]} steps step names, in run order
 * @param {Record<string, string>} [aliases] other accepted names, e.g. { tsc: "typecheck" }
 * @returns {string[]} selected steps in run order (all when --only is absent)
 * @throws {Error} on unknown arguments or step names
 */
export function parseTestArgs(argv, steps, aliases = {}) {
  /** @type {string[] | null} */
  let only = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    /** @type {string | undefined} */
    let list;
    if (arg === "--only") list = argv[++i];
    else if (arg.startsWith("--only=")) list = arg.slice("--only=".length);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}`);
    if (!list) throw new Error("--only needs a comma-separated list of steps");
    only = [...(only ?? []), ...list.split(",").map((s) => s.trim()).filter(Boolean)];
  }
  if (!only) return [...steps];
  const wanted = new Set(
    only.map((name) => {
      const step = aliases[name] ?? name;
      if (!steps.includes(step)) throw new Error(`unknown step ${JSON.stringify(name)} (steps: ${steps.join(", ")})`);
      return step;
    }),
  );
  return steps.filter((s) => wanted.has(s));
}
