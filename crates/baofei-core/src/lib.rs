//! Baofei's rating engine for 安全生产责任保险 (安责险) and 环境污染责任保险 (环责险).
//!
//! Pure: no I/O, no clock, no floats. The caller supplies the as-of date, the statutes and a pricing
//! pack ([`Rules`]) and a [`QuoteInput`]; [`quote()`] returns a [`Quote`] with a cited trace, or every
//! field error at once.
//!
//! Modules come in layers, each importing only from layers below it (ARCHITECTURE.md lists them;
//! `tests/layers.rs` enforces the list and the absence of cycles):
//!
//! 1. values: [`text`], [`domain`], [`fields`], [`money`], [`date`], [`citation`], [`map`], [`error`], [`sort`], [`json`];
//! 2. data: [`rules`] (types, reading, validation), [`accident`], [`input`], [`output`];
//! 3. pricing: [`pricing`], one module per stage;
//! 4. advice: [`guidance`] and [`assess`], which call pricing;
//! 5. composition: [`quote`](mod@quote) and [`offer`] (an insurer's offer checked against the quote).

pub mod accident;
pub mod assess;
pub mod citation;
pub mod date;
pub mod domain;
pub mod error;
pub mod fields;
pub mod guidance;
pub mod input;
pub mod json;
pub mod map;
pub mod money;
pub mod offer;
pub mod outlook;
pub mod output;
pub mod pricing;
pub mod quote;
pub mod rules;
pub mod sort;
pub mod text;

pub use citation::Citation;
pub use date::Date;
pub use error::{ErrorCode, Errors, FieldError};
pub use input::QuoteInput;
pub use output::Quote;
pub use quote::{quote, quote_brief, quote_enterprise, quote_figures};
pub use rules::Rules;
