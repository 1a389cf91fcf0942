// <baofei-quote> in React's JSX (integrator review m2: TS2339 "'baofei-quote' does not exist on type
// 'JSX.IntrinsicElements'"). Once in a React project (React 18.3 or 19 types):
//   import type {} from 'baofei/jsx';
// A `ref` is typed as the element (`BaofeiQuote`), whose `pack` property takes an insurer's pack.
import type { BaofeiQuote } from './baofei-embed.js';

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
  /** React 19 sets it as the element's property; React 18 would write it as an attribute (an error
   *  the element reports): there, set it through a ref. */
  pack?: object | string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'baofei-quote': import('react').DetailedHTMLProps<import('react').HTMLAttributes<BaofeiQuote>, BaofeiQuote> &
        BaofeiQuoteAttributes;
    }
  }
}
