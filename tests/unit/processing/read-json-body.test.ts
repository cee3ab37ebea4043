import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { nestingDepth, readJsonBody } from "@/lib/processing";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJsonBody", () => {
  it("reads JSON", async () => {
    expect(await readJsonBody(post('{"reviewId":"r1"}'))).toEqual({ reviewId: "r1" });
  });

  it("answers 413 with the limit in words, from the declared length or while reading", async () => {
    const declared = await refusal(readJsonBody(post("{}", { "content-length": String(7 * 1024 * 1024) })));
    expect([declared.status, declared.message]).toEqual([413, "The request body is 7 MiB; the limit is 64 KiB."]);
    // A streamed body declares no length: the cap holds while reading.
    const stream = new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(64 * 1024).fill(32)) });
    const streamed = await refusal(readJsonBody(post(stream), { maxBytes: 1024 * 1024 }));
    expect([streamed.status, streamed.message]).toEqual([413, "The request body is over 1 MiB; the limit is 1 MiB."]);
  });

  it("answers 400 for a body that is not JSON, saying what was expected", async () => {
    const error = await refusal(readJsonBody(post("reviewId=r1"), { example: '{"reviewId": "…"}' }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^The request body is not valid JSON \(.+\); send JSON like \{"reviewId": "…"\}\.$/);
    expect((await refusal(readJsonBody(post("")))).message).toBe("The request body is empty; send JSON.");
  });

  it("answers 400 for a 100,000-deep array before parsing it", async () => {
    const error = await refusal(readJsonBody(post(`${"[".repeat(100_000)}${"]".repeat(100_000)}`), { maxBytes: 1024 * 1024 }));
    expect([error.status, error.message]).toEqual([400, "The request body nests arrays or objects 100000 levels deep; the limit is 32."]);
  });

  it("counts nesting outside strings only", () => {
    expect(nestingDepth('{"a": "[[[[{{{", "b": [1, {"c": "\\"]]"}]}')).toBe(3);
  });
});
