/**
 * A key's path as the page heading, in monospace. Each segment with its "/" is an inline block: a long path
 * wraps between segments (never at a hyphen inside one), and a segment too long for a line on its own wraps
 * inside it as a last resort. Never one letter per line. Named by its label: assistive technology would
 * otherwise read a space between the blocks.
 */
export function KeyPathHeading({ keyPath }: { keyPath: string }) {
  const parts = keyPath.split("/");
  return (
    <h1 aria-label={keyPath} className="min-w-0 font-mono text-lg">
      {parts.map((part, i) => (
        <span key={i} className="inline-block max-w-full wrap-anywhere">
          {i < parts.length - 1 ? `${part}/` : part}
        </span>
      ))}
    </h1>
  );
}
