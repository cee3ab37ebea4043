import { formatClaimReviewJsonLd } from "./claim-review-export";
import { formatClaimsCsv } from "./claims-csv";
import { formatHtmlReport } from "./html-report";
import { formatMarkdownReport } from "./markdown-report";
import type { ArticleExport } from "./types";
import { formatWebAnnotations } from "./web-annotations";

/** The export formats, by the file name they end in. */
export const EXPORT_FORMATS = ["report.md", "report.html", "claims.csv", "claimreview.jsonld", "annotations.jsonld", "backup.json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  "report.md": "text/markdown; charset=utf-8",
  "report.html": "text/html; charset=utf-8",
  "claims.csv": "text/csv; charset=utf-8",
  "claimreview.jsonld": "application/ld+json; charset=utf-8",
  "annotations.jsonld": "application/ld+json; charset=utf-8",
  "backup.json": "application/json; charset=utf-8",
};

export type ExportFile = { fileName: string; contentType: string; body: string };

/**
 * One export as a file: its name (`<slug>-<format>`), content type and text. Pure, so the route,
 * the benchmark and the tests make exactly the same files. The backup is not made here: it reads
 * whole rows of its own (lib/export/load-backup.ts; export-article.ts picks the path).
 */
export function renderExport(data: ArticleExport, format: Exclude<ExportFormat, "backup.json">, options: { baseUrl: string; now?: Date }): ExportFile {
  const generatedAt = (options.now ?? new Date()).toISOString();
  const body = ((): string => {
    switch (format) {
      case "report.md":
        return formatMarkdownReport(data, { generatedAt });
      case "report.html":
        return formatHtmlReport(data, { generatedAt });
      case "claims.csv":
        return formatClaimsCsv(data);
      case "claimreview.jsonld":
        return `${JSON.stringify(formatClaimReviewJsonLd(data, { baseUrl: options.baseUrl }), null, 2)}\n`;
      case "annotations.jsonld":
        return `${JSON.stringify(formatWebAnnotations(data, { baseUrl: options.baseUrl }), null, 2)}\n`;
    }
  })();
  return { fileName: `${data.article.slug}-${format}`, contentType: EXPORT_CONTENT_TYPES[format], body };
}
