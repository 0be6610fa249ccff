// One request per key at a time: a read of a key already being read gets the same answer. No React.

interface SingleFlight<T> {
  /** `key`'s answer: the read in flight, or a new one. */
  read(key: string): Promise<T>;
  /** The next read of `key` starts afresh (the one in flight may predate a write). */
  forget(key: string): void;
}

export function singleFlight<T>(read: (key: string) => Promise<T>): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  return {
    read(key) {
      const pending = inFlight.get(key);
      if (pending) return pending;
      const request: Promise<T> = read(key).finally(() => {
        if (inFlight.get(key) === request) inFlight.delete(key);
      });
      inFlight.set(key, request);
      return request;
    },
    forget: (key) => void inFlight.delete(key),
  };
}
