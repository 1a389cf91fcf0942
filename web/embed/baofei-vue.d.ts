// <baofei-quote> in Vue templates, checked by vue-tsc (integrator review m1: with no declaration,
// `strictTemplates` rejects the tag, and a hand-written one that reuses the element's boolean typing
// rejects `awaits-pack=""`). Once in a Vue 3 project:
//   import type {} from 'baofei/vue';
// and keep `isCustomElement: (tag) => tag === 'baofei-quote'` in the template compiler options: Vue must
// leave the tag to the browser (a component named BaofeiQuote would otherwise render itself, endlessly).
// The pack is a property: `:pack.prop="pack"`.
import type { AllowedComponentProps, ComponentCustomProps, HTMLAttributes, VNodeProps } from 'vue';
import type { BaofeiErrorDetail, BaofeiQuote, BaofeiQuoteAttributes, BaofeiQuoteDetail } from './baofei-embed.js';

/** `as-of` -> `asOf`: vue-tsc checks a template's hyphenated attributes under their camelCase names. */
type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type Camelized<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };

/** The element's attributes as a template writes them (`aggregate-limit`, `awaits-pack`...): a flag is
 *  present (`awaits-pack`, read as true) or written out (`awaits-pack=""`); `@baofei-quote` and
 *  `@baofei-error` hear its events. */
export type BaofeiQuoteVueProps = Camelized<Omit<BaofeiQuoteAttributes, 'awaits-pack' | 'elder'>> & {
  awaitsPack?: boolean | '';
  elder?: boolean | '';
  onBaofeiQuote?: (event: CustomEvent<BaofeiQuoteDetail>) => void;
  onBaofeiError?: (event: CustomEvent<BaofeiErrorDetail>) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'baofei-quote': new () => BaofeiQuote & {
      /** For template checking only: the element has no `$props`. */
      $props: Omit<HTMLAttributes, 'lang'> & BaofeiQuoteVueProps & AllowedComponentProps & VNodeProps & ComponentCustomProps;
    };
  }
}
