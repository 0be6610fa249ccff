// One write of a key editor (v2's use-key-edit.ts, v3's use-key-edit3.ts) with the outcomes every one of them
// has: done; refused by its compare (their version in the Compare dialog, or why there is none); outcome unknown
// (said, then re-read: it may have been applied); failed (the error where the user is: the dialog or the panel).
import { toast } from "sonner";
import type { ApiError } from "@/lib/api/errors";
import type { ErrorText } from "@/lib/editor/error-text";
import { errorText, isApiError } from "./error-text";

/** The editor state a write moves. */
export interface EditorWriteState<Theirs> {
  setBusy: (busy: boolean) => void;
  setError: (error: ErrorText | null) => void;
  setConflictError: (error: ErrorText | null) => void;
  setConflict: (conflict: { theirs: Theirs; reason: "save" } | null) => void;
}

export interface EditorWrite<Theirs> {
  /** The key as the user reads it, for the error texts. */
  key: string;
  /** Overwrite, from the Compare dialog: its failures show there. */
  inDialog: boolean;
  /** The write and what follows a success (adopting the new state). */
  write: () => Promise<void>;
  /** After a refused compare: their version to compare with, or why there is none (null: nothing to show). */
  theirs: (refusal: ApiError) => Promise<{ theirs: Theirs } | { error: ErrorText } | null>;
  words: { changedAgain: string; unknownOutcome: string };
  reloadAfterUnknownOutcome: () => Promise<void>;
}

/** Runs the write; resolves to whether it was applied. */
export async function runEditorWrite<Theirs>(state: EditorWriteState<Theirs>, w: EditorWrite<Theirs>): Promise<boolean> {
  state.setBusy(true);
  state.setError(null);
  state.setConflictError(null);
  try {
    await w.write();
    state.setConflict(null);
    return true;
  } catch (caught) {
    if (isApiError(caught, "compare_failed")) {
      const found = await w.theirs(caught);
      if (found && "error" in found) {
        state.setConflict(null);
        state.setError(found.error);
      } else if (found) {
        if (w.inDialog) state.setConflictError({ message: w.words.changedAgain });
        state.setConflict({ theirs: found.theirs, reason: "save" });
      }
    } else if (isApiError(caught) && caught.outcomeUnknown) {
      state.setConflict(null);
      state.setError(errorText(caught, "save", w.key));
      toast.warning(w.words.unknownOutcome);
      await w.reloadAfterUnknownOutcome();
    } else if (w.inDialog) {
      state.setConflictError(errorText(caught, "save", w.key));
    } else {
      state.setError(errorText(caught, "save", w.key));
    }
    return false;
  } finally {
    state.setBusy(false);
  }
}
