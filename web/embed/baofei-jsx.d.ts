// <baofei-quote> in React's JSX (integrator review m2: TS2339 "'baofei-quote' does not exist on type
// 'JSX.IntrinsicElements'"). Once in a React project (React 18.3 or 19 types):
//   import type {} from 'baofei/jsx';
// A `ref` is typed as the element (`BaofeiQuote`), whose `pack` property takes an insurer's pack.
import type { BaofeiQuote, BaofeiQuoteAttributes } from './baofei-embed.js';
export type { BaofeiQuoteAttributes } from './baofei-embed.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'baofei-quote': import('react').DetailedHTMLProps<import('react').HTMLAttributes<BaofeiQuote>, BaofeiQuote> &
        BaofeiQuoteAttributes;
    }
  }
}
