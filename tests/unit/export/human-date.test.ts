import { describe, expect, it } from "vitest";
import { humanDate, humanDateTime } from "@/lib/export/human-date";

describe("humanDate and humanDateTime", () => {
  it("write a day as people do, whatever form it came in", () => {
    expect(humanDate("2026-12-01")).toBe("1 December 2026");
    expect(humanDate(new Date("2026-12-01T23:59:00Z"))).toBe("1 December 2026");
    expect(humanDate("2026-02-30")).toBe("2026-02-30");
    expect(humanDate("last spring")).toBe("last spring");
    expect(humanDate(null)).toBeNull();
  });

  it("write a moment to the minute in UTC, the same on every server", () => {
    expect(humanDateTime("2026-12-01T14:05:59.999Z")).toBe("1 December 2026, 14:05 UTC");
    expect(humanDateTime(new Date(Date.UTC(2027, 0, 9, 3, 7)))).toBe("9 January 2027, 03:07 UTC");
    expect(humanDateTime("not a date")).toBeNull();
    expect(humanDateTime(undefined)).toBeNull();
  });
});
