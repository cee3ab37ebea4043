import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { restoreBackup } from "@/lib/export/restore-backup";

/** Largest backup accepted from the desk; bigger ones go through `npm run restore -- FILE`. */
const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/**
 * POST /desk/restore_backup (multipart: `file`, optional `replace=on`): restores a backup.json the
 * editor uploaded on the desk. A route handler rather than a server action, so large backups are
 * not cut off by the action body limit. (The folder name is not a valid slug, so it never hides an
 * article's desk page.) What the file may create depends on the viewer's role (restore-people.ts);
 * a form posted from another site is refused by guardedRoute
 * (lib/auth/same-origin.ts) before the upload is read.
 */
export const POST = guardedRoute("article.restore", async (request, { viewer }) => {
  const form = await request.formData().catch(() => {
    throw new AppError("BAD_INPUT", "Send the backup as a file upload (multipart/form-data).");
  });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "Choose a backup file (backup.json) to restore.", { fieldErrors: { file: ["Choose a backup file"] } });
  if (file.size > MAX_BACKUP_BYTES) {
    throw new AppError("TOO_LARGE", `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the desk accepts backups up to 50 MB. Use npm run restore -- FILE for larger ones.`);
  }
  const outcome = await restoreBackup(db, await file.text(), { replace: form.get("replace") === "on", restorer: viewer });
  return Response.json({ data: outcome });
});
