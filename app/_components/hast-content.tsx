import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

/** Turns an already sanitised HTML tree into React elements (no dangerouslySetInnerHTML anywhere). */
export function HastContent({ tree }: { tree: Root }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}
