"use server";

import { guardedAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { importRevision } from "@/lib/revisions/import-revision";
import { ImportRevisionInput } from "@/lib/revisions/schemas";

// Thin: the policy check, the operation's zod schema and one domain verb.
export const importRevisionAction = guardedAction("article.import", ImportRevisionInput, (input, viewer) => importRevision(db, { ...input, actorId: viewer.id }));
