import type { Database } from "@/lib/db/create-database";
import { loadArticleExport } from "./load-article-export";
import { loadBackupFile } from "./load-backup";
import { renderExport, type ExportFile, type ExportFormat } from "./render-export";

/**
 * One export of one article, as the route serves it and the benchmark times it. The reports,
 * CSV and JSON-LD are made from the export read model; the backup reads every column of every
 * article-level table itself (lib/export/load-backup.ts), so it never lags the schema.
 */
export async function exportArticle(
  db: Database,
  { slug, format, baseUrl, now }: { slug: string; format: ExportFormat; baseUrl: string; now?: Date },
): Promise<ExportFile> {
  if (format === "backup.json") return loadBackupFile(db, { slug, now });
  return renderExport(await loadArticleExport(db, { slug }), format, { baseUrl, now });
}
