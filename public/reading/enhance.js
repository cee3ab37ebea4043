// The reading view's only client code (plain ES module, no build step), layered on server HTML that
// already works without it: a popover for a claim (click, Enter or Space on a mark; Escape closes
// and returns focus; `#claim-<id>` opens one), and filters that unmark claims by kind or verdict.
// The popover shows a copy of the claim's entry in the server-rendered list after the article, so
// no claim data is sent twice.

const CLAIM_HASH = /^#claim-(.+)$/;
const root = document.querySelector(".reading-content");
if (root) enhance(root);

/** @param {HTMLElement} root */
function enhance(root) {
  const marks = () => root.querySelectorAll('mark[id^="claim-"]');
  /** @type {{ id: string, mark: HTMLElement, popover: HTMLElement } | null} */
  let open = null;

  // Marks become buttons that open the popover; the verdict-tag links stay for no-JS readers only.
  for (const mark of marks()) {
    if (mark.querySelector("a, [tabindex]")) continue; // a mark holding another claim's mark stays a plain mark
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-haspopup", "dialog");
    mark.setAttribute("aria-expanded", "false");
  }
  for (const link of root.querySelectorAll(".verdict-tag a")) link.tabIndex = -1;

  function openClaim(id, { updateHash }) {
    const mark = document.getElementById(`claim-${id}`);
    if (!mark || !root.contains(mark)) return;
    close(false, { keepHash: true });
    const entry = document.getElementById(`detail-${id}`)?.querySelector(".claim-detail-body");
    const copy = entry ? /** @type {HTMLElement} */ (entry.cloneNode(true)) : null;
    copy?.querySelectorAll("[id]").forEach((node) => node.removeAttribute("id"));
    const popover = element("div", { className: "claim-popover", role: "dialog", "aria-label": "Claim, verdict and sources", tabindex: "-1" });
    const closeButton = element("button", { type: "button", className: "button" });
    closeButton.textContent = "Close";
    closeButton.addEventListener("click", () => close(true));
    popover.append(element("div", {}, copy ? [copy] : []), closeButton);
    const rect = mark.getBoundingClientRect();
    const rootRect = root.getBoundingClientRect();
    popover.style.top = `${rect.bottom - rootRect.top + 6}px`;
    popover.style.left = `${Math.max(0, rect.left - rootRect.left)}px`;
    root.append(popover);
    mark.setAttribute("aria-expanded", "true");
    open = { id, mark, popover };
    popover.focus();
    if (updateHash) history.replaceState(null, "", `#claim-${id}`);
  }

  function close(returnFocus, { keepHash = false } = {}) {
    if (!open) return;
    const { mark, popover } = open;
    open = null;
    popover.remove();
    mark.setAttribute("aria-expanded", "false");
    if (returnFocus) mark.focus();
    if (!keepHash && CLAIM_HASH.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }

  /** The claim a click or key press on `target` opens, or null (links and the popover keep theirs). */
  function claimOf(target) {
    if (!(target instanceof Element) || target.closest("a") || target.closest(".claim-popover")) return null;
    return target.closest("mark[data-claim-id]")?.getAttribute("data-claim-id") ?? null;
  }

  root.addEventListener("click", (event) => {
    const id = claimOf(event.target);
    if (id) openClaim(id, { updateHash: true });
  });
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.tagName !== "MARK" || !target.id.startsWith("claim-")) return;
    const id = claimOf(target);
    if (!id) return;
    event.preventDefault();
    openClaim(id, { updateHash: true });
  });

  // Escape closes and returns focus; a press outside the popover and its mark closes.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (open && !open.popover.contains(event.target) && !open.mark.contains(event.target)) close(false);
  });

  // `#claim-<id>` opens that claim, on arrival and when the hash changes; other hashes close it.
  const follow = () => {
    const match = CLAIM_HASH.exec(location.hash);
    if (match?.[1]) openClaim(decodeURIComponent(match[1]), { updateHash: false });
    else close(false, { keepHash: true });
  };
  window.addEventListener("hashchange", follow);
  follow();

  setUpFilters(root, marks);
}

/** Filtered-out claims are unmarked: not styled (reading.css) and not in the tab order. */
function setUpFilters(root, marks) {
  const fieldset = root.querySelector(".reading-filters");
  if (!fieldset) return;
  const counts = JSON.parse(root.getAttribute("data-claim-counts") ?? "{}");
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const status = fieldset.querySelector("[data-filter-status]");
  const update = () => {
    const hidden = { kind: new Set(), verdict: new Set() };
    for (const box of fieldset.querySelectorAll("input[data-filter]")) {
      if (!box.checked) hidden[box.getAttribute("data-filter")].add(box.value);
    }
    for (const name of [...root.classList]) if (/^hide-(kind|verdict)-/.test(name)) root.classList.remove(name);
    for (const kind of hidden.kind) root.classList.add(`hide-kind-${kind}`);
    for (const verdict of hidden.verdict) root.classList.add(`hide-verdict-${verdict}`);
    for (const mark of marks()) {
      const off = hidden.kind.has(mark.dataset.kind ?? "") || hidden.verdict.has(mark.dataset.verdict ?? "");
      mark.tabIndex = off ? -1 : 0;
    }
    const shown = Object.entries(counts).reduce((sum, [pair, count]) => {
      const [kind = "", verdict = ""] = pair.split(" ");
      return hidden.kind.has(kind) || hidden.verdict.has(verdict) ? sum : sum + count;
    }, 0);
    if (status) status.textContent = `${shown} of ${total} claims marked`;
  };
  fieldset.addEventListener("change", update);
  update(); // a reload may keep boxes the reader had unchecked
  fieldset.hidden = false;
}

function element(tagName, attributes, children = []) {
  const node = document.createElement(tagName);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
