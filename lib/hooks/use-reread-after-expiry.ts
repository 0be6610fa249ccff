"use client";
import { useEffect } from "react";

/**
 * A key with a TTL, read while the live stream is not there to say when it goes: re-read it once its time is up,
 * then every second until etcd has removed it (its leader expires keys up to 0.5 s late, v2 and v3 alike). With the
 * stream live nothing is polled: its delete / expire event says so.
 */
export function useRereadAfterExpiry(expiration: string | undefined, live: boolean, reread: () => unknown): void {
  useEffect(() => {
    if (!expiration || live) return;
    let poll: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(
      () => {
        void reread();
        poll = setInterval(() => void reread(), 1000);
      },
      Math.max(0, Date.parse(expiration) - Date.now()) + 300,
    );
    return () => {
      clearTimeout(start);
      if (poll) clearInterval(poll);
    };
  }, [expiration, reread, live]);
}
