// Types for `baofei/iframe` (embed/baofei-iframe.js): the widget in an iframe on its own origin.
import type { BaofeiQuoteDetail } from './baofei-embed.js';
export type { BaofeiQuoteDetail };

export interface FrameOptions {
  /** The framed page (http(s) only); the package's widget/index.html by default. */
  src?: string;
  /** A share-link fragment to start from, e.g. "r=jilin&l=work_safety". */
  preset?: string;
  lang?: '' | 'zh' | 'en';
  /** "compact": the form and the result only. */
  mode?: '' | 'compact';
  /** "high": the framed page in its high-contrast colours (a host toolbar's switch). */
  contrast?: '' | 'high';
  title?: string;
}

export interface FrameHandle {
  frame: HTMLIFrameElement;
  summary: HTMLDivElement;
  destroy(): void;
}

/** Mounts the widget in an iframe inside `container`; quotes arrive as `baofei-quote` events on it. */
export function mountFrame(container: Element, options?: FrameOptions): FrameHandle;
