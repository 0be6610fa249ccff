import { Skeleton } from "./skeleton";

/**
 * Grey rows where a list, a table or a panel is still loading, announced once by `label` (role status); the
 * rows keep the place of what comes, so nothing jumps when it arrives.
 */
export function SkeletonRows({ label, rows = 3, className = "" }: { label: string; rows?: number; className?: string }) {
  return (
    <div role="status" aria-label={label} aria-busy="true" className={`space-y-2 ${className}`}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={`h-5 ${i % 3 === 2 ? "w-2/3" : "w-full"}`} />
      ))}
    </div>
  );
}
