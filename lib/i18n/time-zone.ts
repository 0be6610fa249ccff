"use client";
// The time zone dates are shown in. The server cannot know the browser's zone, so the server render and the
// hydration both use UTC (the same text on both sides: no hydration mismatch); right after hydration React
// re-renders with the browser's own zone (useSyncExternalStore's client snapshot). Most dates arrive later
// with SWR data and are rendered in the browser's zone from the start.
import { useSyncExternalStore } from "react";

const SERVER_TIME_ZONE = "UTC";

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || SERVER_TIME_ZONE;
}

// The zone does not change while a page is open in any way worth listening for.
const subscribe = () => () => {};

export function useTimeZone(): string {
  return useSyncExternalStore(subscribe, browserTimeZone, () => SERVER_TIME_ZONE);
}
