/**
 * What the kind model reads about one claim: the check-worthiness model's words, word pairs, number
 * shapes and cues (./features.ts), what the type stage's rules saw (`Typing.signals`: a rule cue, a
 * measured quantity, a policy cue, an attribution, a conditional …), optionally the kind the rules
 * chose, and where the unit sits (its block, a lead-in). Every feature is a readable string.
 */
import type { ClaimKind } from "../types";
import { featurize } from "./features";

/** Names the kind feature set; a model file trained on another set is refused (./kinds.ts). */
export const KIND_FEATURES_VERSION = "claimdesk-kinds/1";

/** What the kind features are made from: a unit's words and the type stage's view of them. */
export interface KindInput {
  text: string;
  /** The rules' kind (type.ts). */
  ruleKind: ClaimKind;
  /** The rules' cue firings (type.ts `Typing.signals`). */
  signals: string[];
  /** The unit's block ("paragraph", "listItem", …). */
  block: string;
  /** A list item's lead-in or a table row's header. */
  context: string | null;
  /** Spoken in a transcript turn. */
  spoken: boolean;
}

/** The distinct features of one claim; `withRuleKind` adds the rules' kind as a one-hot feature. */
export function kindFeatures(input: KindInput, withRuleKind: boolean): string[] {
  const out = featurize(input.text);
  for (const s of input.signals) out.push(`sig:${s}`);
  out.push(`block:${input.block}`);
  if (input.context) out.push("ctx:lead-in");
  if (input.spoken) out.push("ctx:spoken");
  if (withRuleKind) out.push(`rules:${input.ruleKind}`);
  return out;
}
