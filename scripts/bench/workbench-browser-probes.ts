/**
 * What the browser benchmark of the workbench runs inside the page, as source text: functions
 * handed to page.evaluate would carry tsx's `__name` helper, which the page does not have. Every
 * time is read in the page (performance.now(), event.timeStamp), so the CDP round trips of the
 * harness are not in the figures. "Painted" is the next frame after the DOM shows the change
 * (requestAnimationFrame, then a task after that frame's paint).
 */

/**
 * Installed before the page loads. `__bench.ready` becomes the time from navigation start
 * (performance.timeOrigin) to the first frame at which the workbench is interactive: the selected
 * claim's list item and the verdict radios are hydrated (React's props are on the nodes) and
 * enabled, and the workbench's key handler answers (a dispatched Escape focuses the selected
 * claim, which is what Escape does). Also counts fetches in flight and long tasks before then.
 */
export const INTERACTIVE_PROBE = `
(() => {
  const bench = (window.__bench = { ready: null, longTasks: 0, longTaskMs: 0, inflight: 0 });
  const hydrated = (el) => !!el && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
  const fetch0 = window.fetch;
  window.fetch = function (...args) {
    bench.inflight++;
    return fetch0.apply(this, args).finally(() => bench.inflight--);
  };
  try {
    new PerformanceObserver((list) => {
      if (bench.ready !== null) return;
      for (const e of list.getEntries()) { bench.longTasks++; bench.longTaskMs += e.duration; }
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  function check() {
    const item = document.querySelector('.claim-item[aria-current="true"]');
    const radio = document.querySelector('[data-testid="claim-detail"] .review-form input[type="radio"]');
    if (hydrated(item) && hydrated(radio) && !radio.disabled) {
      document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      if (document.activeElement === item) {
        bench.ready = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();
`;

/** Sizes of what the page loaded: the document and the scripts, as decoded bytes. */
export const LOADED_BYTES = `(() => {
  const entries = performance.getEntriesByType("resource");
  const nav = performance.getEntriesByType("navigation")[0];
  const scripts = entries.filter((e) => e.initiatorType === "script");
  return { html: nav ? nav.decodedBodySize : 0, scripts: scripts.reduce((n, e) => n + e.decodedBodySize, 0), scriptFiles: scripts.length };
})()`;

/** The page is quiet: no fetch in flight (the selected claim's detail and its neighbours are here). */
export const QUIET = `window.__bench.inflight === 0`;

/**
 * Sets up one measurement of a key press: \`__bench.probe\` resolves with the ms from the keydown
 * (its timeStamp) to the DOM showing \`done\`, and to the next paint after. Called with the key and
 * the body of \`done\`, a function of (target) where target is what \`pick\` chose before the key.
 */
function keyProbe(key: string, pick: string, done: string): string {
  return `(() => {
    const target = (${pick})();
    if (!target) throw new Error("nothing to measure: " + ${JSON.stringify(key)});
    const done = ${done};
    window.__bench.probe = new Promise((resolve, reject) => {
      let t0 = null;
      let seen = false;
      window.addEventListener("keydown", (e) => { if (e.key === ${JSON.stringify(key)}) t0 = e.timeStamp; }, { capture: true, once: true });
      const finish = () => {
        if (seen || t0 === null || !done(target)) return;
        seen = true;
        const dom = performance.now() - t0;
        observer.disconnect();
        document.removeEventListener("focusin", finish);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          // The request the key made, if any (a save's action POST, a detail's GET): its whole round trip.
          const sent = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "fetch" && e.startTime >= t0 && e.responseEnd - t0 <= dom);
          const last = sent.sort((a, b) => a.responseEnd - b.responseEnd).pop();
          // Its round trip, and how long the page took before sending it and after its answer.
          const request = last ? { trip: last.responseEnd - last.startTime, before: last.startTime - t0, after: dom - (last.responseEnd - t0) } : null;
          channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - t0, request });
          channel.port2.postMessage(0);
        });
      };
      const observer = new MutationObserver(finish);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      document.addEventListener("focusin", finish);
      setTimeout(() => reject(new Error(${JSON.stringify(key)} + " showed nothing within 15 s")), 15000);
    });
    return true;
  })()`;
}

/** j (or k): the next (previous) list item is selected and focused, and the detail shows that claim in full (not "Loading…"). */
export function moveProbe(key: "j" | "k"): string {
  const sibling = key === "j" ? "nextElementSibling" : "previousElementSibling";
  return keyProbe(
    key,
    `() => document.querySelector('.claim-item[aria-current="true"]')?.closest("li")?.${sibling}?.querySelector(".claim-item")`,
    `(item) => {
      const detail = document.querySelector('[data-testid="claim-detail"]');
      const quote = detail?.querySelector(".claim-quote")?.textContent;
      return item.isConnected && item.getAttribute("aria-current") === "true" && document.activeElement === item
        && !!detail && detail.getAttribute("aria-busy") !== "true" && !!detail.querySelector(".review-form")
        && quote === [...item.querySelector(".claim-item-text").childNodes].filter((n) => !n.classList?.contains("claim-item-speaker")).map((n) => n.textContent).join("");
    }`,
  );
}

/** Whether the selected claim has a next one in the list. */
export const HAS_NEXT = `!!document.querySelector('.claim-item[aria-current="true"]')?.closest("li")?.nextElementSibling`;

/** A verdict key: the selected claim's list line says "you: <label>". */
export function saveProbe(key: string, label: string): string {
  return keyProbe(
    key,
    `() => { const item = document.querySelector('.claim-item[aria-current="true"]'); return item ? { id: item.id } : null; }`,
    `(target) => (document.getElementById(target.id)?.querySelector(".claim-item-state")?.textContent ?? "").includes(${JSON.stringify(`you: ${label}`)})`,
  );
}

/** The selected claim's list line, to choose a verdict it does not already have. */
export const SELECTED_STATE = `document.querySelector('.claim-item[aria-current="true"] .claim-item-state')?.textContent ?? ""`;
