/** "content/ICE 287(g) FY2020.md" → "ice-287-g-fy2020". */
export function slugFromFileName(fileName: string): string {
  return slugFromWords(fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""));
}

/** "ICE’s 287(g) Program, FY 2020" → "ice-s-287-g-program-fy-2020": a pasted article's slug from its title. */
export function slugFromWords(words: string): string {
  return words
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
}
