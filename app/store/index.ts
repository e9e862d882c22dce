/** The page's store (one per page, created at start-up by main.tsx) and the hook to read it. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './lab-store.ts';

export type { LabActions, LabState, LabStore } from './lab-store.ts';
export { createLabStore } from './lab-store.ts';
export type { Focus } from './types.ts';

export const LabContext = createContext<LabStore | null>(null);

/** Reads a slice of the store; re-renders only when that slice changes. */
export function useLab<T>(select: (state: LabState) => T): T {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLab outside <LabContext.Provider>');
  return useStore(store, select);
}

export function useActions(): LabState['actions'] {
  return useLab((s) => s.actions);
}
