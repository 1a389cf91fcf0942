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
  /** An insurer's pricing pack (object or JSON text), sent to the frame over the checked channel and
   *  validated there; a refused one fires `baofei-error` with `stage: 'pack'` on the container. */
  pack?: object | string;
  /** The frame's colours and shapes: the element's custom properties without `--bf-` (e.g. `accent`). */
  theme?: Partial<Record<typeof THEME_KEYS[number], string>>;
}

/** The custom properties `theme` may set. */
export declare const THEME_KEYS: readonly ['accent', 'accent-ink', 'ink', 'muted', 'line', 'bg', 'soft', 'font', 'radius',
  'input-bg', 'input-border', 'focus', 'ok', 'ok-bg', 'warn', 'warn-bg', 'danger', 'danger-bg', 'error'];

export interface FrameHandle {
  frame: HTMLIFrameElement;
  summary: HTMLDivElement;
  destroy(): void;
}

/** Mounts the widget in an iframe inside `container`; quotes arrive as `baofei-quote` events on it. */
export function mountFrame(container: Element, options?: FrameOptions): FrameHandle;
