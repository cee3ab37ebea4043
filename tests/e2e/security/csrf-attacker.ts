import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The attacker of the CSRF specs: a tiny HTTP server on another free port of 127.0.0.1. Another
 * port of the same host is the same *site*, so the browser sends the app's SameSite=Lax session
 * cookie along with whatever its pages post to the app.
 */
export type Attacker = { origin: string; close: () => Promise<void> };

/** Serves each path's HTML (query strings ignored) until closed; anything else is a 404. */
export async function startAttacker(pages: Record<string, string>): Promise<Attacker> {
  const server: Server = createServer((request, response) => {
    const html = pages[new URL(request.url ?? "/", "http://attacker").pathname];
    response.writeHead(html === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A page that posts an empty HTML form to `action` as soon as it loads, fields given as hidden inputs. */
export function autoSubmittingForm(action: string, fields: Record<string, string> = {}): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html><title>You won a prize</title><form method="POST" action="${escapeHtml(action)}">${inputs}</form><script>document.forms[0].submit()</script>`;
}

/**
 * A page that sends `body` to `url` the way a form could (a "simple" request: POST, text/plain, no
 * preflight), with the visitor's cookies, and cannot read the answer.
 */
export function noCorsTextPost(url: string, body: string): string {
  return `<!doctype html><title>Loading…</title><script>
fetch(${JSON.stringify(url)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(body)} })
  .then(() => { document.title = "sent"; }, () => { document.title = "failed"; });
</script>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
