// Types for `baofei/widget` (embed/baofei-embed.js): the <baofei-quote> element and its events.
import type { Quote } from '../../baofei.js';

/** `baofei-quote` event detail: the headline figures (strings in 元) and the whole quote. */
export interface BaofeiQuoteDetail {
  instance: string;
  /** The campaign tag of the link or the element's `campaign` attribute, when there is one. */
  campaign?: string;
  region: string;
  line: 'work_safety' | 'environmental';
  sector: string;
  premium: string;
  premium_low: string;
  premium_high: string;
  obligation: 'encouraged' | 'expected' | 'compulsory';
  minimum_per_person: string | null;
  illustrative: boolean;
  quote: Quote;
}

/** `baofei-error` event detail. `stage: 'load'`: the engine could not load or start; `unsupported` is true
 *  when that was the compatibility build of an old engine (a current browser would help, a retry would
 *  not). `stage: 'pack'`: the pack was given as an HTML attribute instead of the `pack` property. */
export interface BaofeiErrorDetail { stage: 'load' | 'pack'; message: string; unsupported?: boolean }

/** Largest pack `pack-src` reads, in bytes. */
export const PACK_MAX_BYTES: number;
/** How long a `pack-src` load may take, in milliseconds. */
export const PACK_TIMEOUT_MS: number;

/** Where the widget's wasm and styles are, when a bundler moved this script: a base directory, or each
 *  asset's URL as the bundler gives it. Best called before the first element connects; elements already
 *  on the page (server-rendered ones upgrade when this module loads) are restyled, and an engine that
 *  failed to load from the default place is loaded again from this one. Old engines (Chromium < 97,
 *  Safari < 16) load `baofei-web.compat.js`, `.compat_bg.wasm` and `.compat.asm.js` from `base`. */
export function configure(assets: {
  base?: string | URL;
  wasm?: string | URL;
  css?: string | URL;
  /** Subresource-integrity hashes (`widget/integrity.json`) the wasm and the stylesheet must match. */
  integrity?: { wasm?: string; css?: string };
  /** Origins other than the page's and the script's own that the assets may come from (a CDN). */
  allowOrigins?: string[];
}): void;

/** Loads a same-origin pack for `pack-src`: the text, or why not in both languages. */
export function loadPack(src: string, options?: { maxBytes?: number; timeoutMs?: number }): Promise<{ text: string } | { error: { zh: string; en: string } }>;

/** The element's attributes (EMBEDDING.md, "The custom element"). Numbers are read as the form reads
 *  them (万元 for money, as in share links). */
export interface BaofeiQuoteAttributes {
  region?: string;
  line?: 'work_safety' | 'environmental';
  sector?: string;
  employees?: string | number;
  'as-of'?: string;
  'size-class'?: string;
  'contract-value'?: string | number;
  tonnage?: string | number;
  vehicles?: string | number;
  seats?: string | number;
  'per-person-limit'?: string | number;
  'aggregate-limit'?: string | number;
  standardisation?: string;
  'env-risk-grade'?: string;
  'env-credit-grade'?: string;
  campaign?: string;
  lang?: 'zh' | 'en';
  preset?: string;
  'pack-src'?: string;
  'rules-src'?: string;
  mode?: 'compact';
  'awaits-pack'?: boolean;
  'link-base'?: string;
  elder?: boolean;
  contrast?: 'high';
  /** A property, never an attribute: React 19 sets it as the element's property; React 18 would write it
   *  as an attribute (an error the element reports), so set it through a ref there; Vue: `:pack.prop`. */
  pack?: object | string;
}

/** <baofei-quote>: presets as attributes (region, line, sector, employees, as-of, size-class, contract-value,
 *  tonnage, vehicles, seats, per-person-limit, aggregate-limit (万元), standardisation, env-risk-grade, env-credit-grade, campaign,
 *  lang, preset, pack-src, rules-src (a host's local-rules file, same-origin), mode="compact", awaits-pack,
 *  link-base: the page share links open; elder: the
 *  elder-friendly mode 长辈版; contrast="high": high-contrast colours, as `<html data-bf-contrast="high">`
 *  does for every element on a page). Parts for host stylesheets: root, form, result, premium, sticky. */
export class BaofeiQuote extends HTMLElement {
  /** An insurer's pricing pack (object or JSON text); undefined for the reference pack. */
  pack: object | string | undefined;
  /** The share-link fragment the attributes describe. */
  readonly presetFragment: string;
}

declare global {
  interface HTMLElementTagNameMap { 'baofei-quote': BaofeiQuote }
  interface HTMLElementEventMap {
    'baofei-quote': CustomEvent<BaofeiQuoteDetail>;
    'baofei-error': CustomEvent<BaofeiErrorDetail>;
  }
  interface DocumentEventMap {
    'baofei-quote': CustomEvent<BaofeiQuoteDetail>;
    'baofei-error': CustomEvent<BaofeiErrorDetail>;
  }
}
