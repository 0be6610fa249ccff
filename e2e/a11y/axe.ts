// axe-core in the page as it is now: the violations of impact serious or critical, as readable lines
// (rule, impact, the first few offending elements and axe's summary of why).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * Findings accepted on purpose, each with why. A tree row's name is its key's name ("config", what tests and
 * screen-reader users search by); its visible child count and TTL badges are extra facts, not part of the label,
 * so "the visible label is part of the name" (WCAG 2.5.3) holds for the label itself. The same for a search result.
 */
const ACCEPTED: { rule: string; html: RegExp }[] = [
  { rule: "label-content-name-mismatch", html: /^<div[^>]* role="treeitem"/ },
  // A search result is named by its whole key, which holds the path it shows; the value excerpt under the path
  // is the result's description (aria-describedby), not part of its label.
  { rule: "label-content-name-mismatch", html: /^<button[^>]* aria-describedby="[^"]*-excerpt"/ },
];

export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !ACCEPTED.some((a) => a.rule === v.id && a.html.test(n.html))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => {
      const nodes = v.nodes.slice(0, 4).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 2).join(" ").trim()}`);
      return [`${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help}`, ...nodes].join("\n");
    });
}
