// The reading view's only client code (plain ES module, no build step), layered on server HTML that
// already works without it: a popover for a claim (its check link, or a click on its words; Escape
// closes and returns focus; `#claim-<id>` opens one), and filters that unmark claims by kind or verdict.
// The popover shows a copy of the claim's entry in the server-rendered list after the article, so
// no claim data is sent twice.

const CLAIM_HASH = /^#claim-(.+)$/;
const root = document.querySelector(".reading-content");
if (root) enhance(root);

/** @param {HTMLElement} root */
function enhance(root) {
  /** @type {{ id: string, trigger: HTMLElement, popover: HTMLElement } | null} */
  let open = null;

  // A claim's check link (its role and name, lib/reading/verdict-tags.ts) opens the popover instead
  // of jumping to the claim's entry; a click on the claim's words opens it too.
  for (const link of root.querySelectorAll(".verdict-tag a")) {
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
  }
  const checkLink = (id) => root.querySelector(`sup[data-tag-for="${CSS.escape(id)}"] a`);

  function openClaim(id, { updateHash }) {
    const mark = document.getElementById(`claim-${id}`);
    const trigger = checkLink(id);
    if (!mark || !trigger || !root.contains(mark)) return;
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
    trigger.setAttribute("aria-expanded", "true");
    open = { id, trigger, popover };
    popover.focus();
    if (updateHash) history.replaceState(null, "", `#claim-${id}`);
  }

  function close(returnFocus, { keepHash = false } = {}) {
    if (!open) return;
    const { trigger, popover } = open;
    open = null;
    popover.remove();
    trigger.setAttribute("aria-expanded", "false");
    if (returnFocus) trigger.focus();
    if (!keepHash && CLAIM_HASH.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }

  /** The claim a click on `target` opens, or null (the article's own links and the popover keep theirs). */
  function claimOf(target) {
    if (!(target instanceof Element) || target.closest(".claim-popover")) return null;
    const tag = target.closest("sup[data-tag-for]");
    if (tag) return tag.getAttribute("data-tag-for");
    if (target.closest("a")) return null;
    return target.closest("mark[data-claim-id]")?.getAttribute("data-claim-id") ?? null;
  }

  // Enter on the focused check link is a click too.
  root.addEventListener("click", (event) => {
    const id = claimOf(event.target);
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
    if (open && !open.popover.contains(event.target) && !open.trigger.contains(event.target)) close(false);
  });

  // `#claim-<id>` opens that claim, on arrival and when the hash changes; other hashes close it.
  const follow = () => {
    const match = CLAIM_HASH.exec(location.hash);
    if (match?.[1]) openClaim(decodeURIComponent(match[1]), { updateHash: false });
    else close(false, { keepHash: true });
  };
  window.addEventListener("hashchange", follow);
  follow();

  setUpFilters(root);
}

/** Filtered-out claims are unmarked: not styled, and their check links not shown (reading.css). */
function setUpFilters(root) {
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
