import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The Cluster page's tables: a caption (their accessible name), column headers, quiet borders. */
export function DataTable({ caption, columns, children, captionHidden = true }: { caption: string; columns: ReactNode[]; children: ReactNode; captionHidden?: boolean }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-1 text-left text-sm font-medium"}>{caption}</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            {columns.map((column, i) => (
              <th key={i} scope="col" className="px-2 py-1.5 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

export const CELL = "px-2 py-1.5 align-top";
export const MONO_CELL = `${CELL} font-mono text-xs`;
