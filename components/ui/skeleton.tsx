/**
 * A grey box the size of what is still loading. Hidden from assistive technology: the loading region says
 * "Loading" once (PageSkeleton) instead of every box. No pulse for those who asked for less motion.
 */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`rounded-md bg-subtle motion-safe:animate-pulse ${className}`} />;
}
