/**
 * Maps a DOM text selection inside the rendered article back to offsets in the revision's Markdown.
 * The server wraps every piece of text in an element carrying `data-o`, the source offset of its
 * first character, so a point (text node, offset) becomes data-o + offset.
 */
export function selectionToSourceSpan(root: HTMLElement, selection: Selection | null): { start: number; end: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset, "start");
  const end = pointToOffset(root, range.endContainer, range.endOffset, "end");
  if (start === null || end === null || end <= start) return null;
  return { start, end, text: selection.toString() };
}

function pointToOffset(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  let textNode: Node | null = node;
  let within = offset;
  if (node.nodeType !== Node.TEXT_NODE) {
    // A point between elements: take the nearest text at or after (start) / before (end) it.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const children = node.childNodes;
    const boundary = edge === "start" ? children[offset] ?? null : children[offset - 1] ?? null;
    textNode = null;
    if (boundary) {
      walker.currentNode = boundary;
      textNode = edge === "start" ? (boundary.nodeType === Node.TEXT_NODE ? boundary : walker.nextNode()) : lastText(boundary);
    }
    if (!textNode) return null;
    within = edge === "start" ? 0 : (textNode.textContent ?? "").length;
  }
  const holder = textNode.parentElement?.closest<HTMLElement>("[data-o]");
  if (!holder || !root.contains(holder)) return null;
  return Number(holder.dataset.o) + within;
}

function lastText(node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return node;
  for (let i = node.childNodes.length - 1; i >= 0; i--) {
    const found = lastText(node.childNodes[i]!);
    if (found) return found;
  }
  return null;
}
