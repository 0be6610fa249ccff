"use client";
// The commands the palette (Ctrl/Cmd+K) offers come from the components that own them: the sidebar its
// pages, the cluster switcher the clusters, the Keys page the actions on what is selected. Each registers
// its commands while it is mounted, so the palette offers exactly what the page on screen can do.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";

export interface Command {
  /** Unique among all registered commands. */
  id: string;
  label: string;
  /** The heading it is listed under ("Pages", "Actions", "Clusters" ...). */
  group: string;
  /** More words it is found by. */
  keywords?: string[];
  run: () => void;
}

class CommandRegistry {
  private readonly sources = new Map<string, readonly Command[]>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly Command[] = [];

  set(source: string, commands: readonly Command[]): void {
    this.sources.set(source, commands);
    this.changed();
  }

  delete(source: string): void {
    if (this.sources.delete(source)) this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  all = (): readonly Command[] => this.snapshot;

  private changed(): void {
    this.snapshot = [...this.sources.values()].flat();
    for (const listener of this.listeners) listener();
  }
}

const RegistryContext = createContext<CommandRegistry | null>(null);
const NONE: readonly Command[] = [];

export function CommandRegistryProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new CommandRegistry());
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Offers `commands` in the palette while the calling component is mounted (memoize them). */
export function useRegisterCommands(source: string, commands: readonly Command[]): void {
  const registry = useContext(RegistryContext);
  useEffect(() => {
    if (!registry) return;
    registry.set(source, commands);
    return () => registry.delete(source);
  }, [registry, source, commands]);
}

/** Every command registered now. */
export function useCommands(): readonly Command[] {
  const registry = useContext(RegistryContext);
  return useSyncExternalStore(registry?.subscribe ?? noSubscribe, registry?.all ?? none, none);
}

const noSubscribe = () => () => undefined;
const none = () => NONE;
