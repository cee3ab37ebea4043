import { describe, expect, it } from "vitest";
import { checkArticleText } from "@/lib/numbers";

const article = (share: string) => `Officers made 41,870 traffic stops in 2024, down 12% from the estimated 47,600 in 2023.

## Who was stopped

The report found:

- Black drivers accounted for 31% of stops, although Black residents make up ${share} of the city's driving-age population.
- White drivers accounted for 52% of stops and 64% of the driving-age population.
`;

describe("a share in a list item", () => {
  it("is not worked out from the figures of the passage before the list", () => {
    expect(checkArticleText(article("18%")).findings.map((f) => f.message)).toEqual([]);
  });

});
