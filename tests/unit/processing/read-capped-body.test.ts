import { describe, expect, it } from "vitest";
import { readImportForm } from "@/lib/articles/import-request";
import { PreviewArticleInput } from "@/lib/articles/new-article-schemas";
import { AppError } from "@/lib/errors";
import { readCappedBytes } from "@/lib/processing/read-capped-body";

/** A body sent in chunks with no Content-Length, counting how many bytes the reader pulled. */
function chunked(chunk: Uint8Array, times: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= times) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://desk.test/articles/new/preview", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled };
}

const tooLarge = (size: number | null) => new AppError("TOO_LARGE", `too large: ${size ?? "over"}`);

describe("readCappedBytes", () => {
  it("stops reading a chunked body once it passes the cap, and refuses it", async () => {
    const { request, pulled } = chunked(new Uint8Array(64 * 1024), 1000);
    await expect(readCappedBytes(request, 256 * 1024, tooLarge)).rejects.toMatchObject({ code: "TOO_LARGE", message: "too large: over" });
    expect(pulled.bytes).toBeLessThanOrEqual(256 * 1024 + 2 * 64 * 1024);
  });

  it("refuses a declared length over the cap before reading, and returns a body under it whole", async () => {
    const declared = new Request("http://desk.test/x", { method: "POST", body: "x".repeat(10), headers: { "content-length": "999999" } });
    await expect(readCappedBytes(declared, 100, tooLarge)).rejects.toMatchObject({ message: "too large: 999999" });
    const small = new Request("http://desk.test/x", { method: "POST", body: "hello" });
    expect(new TextDecoder().decode(await readCappedBytes(small, 100, tooLarge))).toBe("hello");
  });
});

describe("readImportForm", () => {
  it("refuses a chunked upload far over the article limit without buffering it", async () => {
    // 64 MiB offered with no Content-Length; the import form takes at most twice the 5 MiB limit.
    const { request, pulled } = chunked(new Uint8Array(1024 * 1024), 64, { "content-type": "multipart/form-data; boundary=x" });
    await expect(readImportForm(request, PreviewArticleInput)).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(pulled.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it("still reads a proper form with a pasted text", async () => {
    const form = new FormData();
    form.set("text", "# Fees\n\nFees rose 5% in 2024.\n");
    const request = new Request("http://desk.test/articles/new/preview", { method: "POST", body: form });
    const { source } = await readImportForm(request, PreviewArticleInput);
    expect(JSON.stringify(source)).toContain("Fees rose 5% in 2024.");
  });
});
