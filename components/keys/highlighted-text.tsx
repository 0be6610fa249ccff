/** Text with one span marked as a match (`bg-highlight`); text nodes only, never markup from etcd's data. */
export function HighlightedText({ text, span }: { text: string; span?: readonly [number, number] }) {
  if (!span) return <>{text}</>;
  return (
    <>
      {text.slice(0, span[0])}
      <mark className="rounded-sm bg-highlight text-on-highlight">{text.slice(span[0], span[1])}</mark>
      {text.slice(span[1])}
    </>
  );
}
