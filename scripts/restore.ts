/**
 * `npm run restore -- FILE [--replace]`: restores a backup.json (version 2, or an older version 1;
 * README.md "Backup format") into the database at DATABASE_URL, migrating it first. Prints one line. Bad input exits 1 with a
 * one-line reason and writes nothing; an article with the same slug is refused unless --replace. The
 * operator running it restores as an admin: people the file names who have no account here are
 * created as disabled reviewers without a password.
 */
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createDatabase } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { AppError, cliMessage } from "@/lib/errors";
import { readBackup, restoreBackup } from "@/lib/export/restore-backup";

const USAGE = "usage: npm run restore -- FILE [--replace]";
/** A 2,000-claim article with reviews and citations is a few MB; this leaves ample room. */
const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { replace: { type: "boolean" } } });
  if (positionals.length !== 1) throw new AppError("BAD_INPUT", USAGE);
  const file = positionals[0]!;
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError("NOT_FOUND", `${file}: no such file`);
    },
  );
  if (size > MAX_BACKUP_BYTES) throw new AppError("TOO_LARGE", `${file} is over the ${MAX_BACKUP_BYTES / 1024 / 1024} MiB limit for a backup`);
  // Validate before touching the database: refused input writes nothing, not even a migration.
  const { backup, version } = readBackup(await readFile(file, "utf8"));
  migrateDatabase();
  const db = createDatabase();
  try {
    // Whoever runs this holds the database file already: the operator restores as an admin would.
    const outcome = await restoreBackup(db, backup, { replace: values.replace === true, restorer: "operator" });
    console.log(
      `${outcome.replaced ? "replaced" : "restored"}: ${outcome.slug}, ${outcome.revisions} revisions, ${outcome.claims} claims ` +
        `(${outcome.claimAnchors} anchors${version === 1 ? ", rebuilt from a version-1 file" : ""}), ${outcome.reviews} reviews, ` +
        `${outcome.citations} citations (${outcome.usersCreated} people new, as disabled reviewers, and ${outcome.sourcesCreated} sources new)`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${cliMessage(error)}`);
  process.exit(1);
});
