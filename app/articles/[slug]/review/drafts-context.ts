"use client";

import { createContext, useContext } from "react";
import type { DraftScope } from "./draft-storage";

/** A review draft brought back from the browser, and whether the saved review moved on since. */
export type RestoredReview = { savedAt: string; basedOn: number | null; current: number | null };

/**
 * What the forms inside the claim detail need of the workbench's drafts: whose drafts they are
 * (the citation form keeps its own), and the restored review draft's notice with its Discard.
 * A context, so the claim detail between them passes nothing on.
 */
export type DraftsContextValue = {
  scope: DraftScope | null;
  restoredReview: (claimId: string) => RestoredReview | null;
  discardReview: (claimId: string) => void;
};

export const DraftsContext = createContext<DraftsContextValue>({ scope: null, restoredReview: () => null, discardReview: () => undefined });

export const useDrafts = () => useContext(DraftsContext);
