//! Baofei's rating engine for 安全生产责任保险 (安责险) and 环境污染责任保险 (环责险).
//!
//! Pure: no I/O, no clock, no floats. The caller supplies the as-of date, the statutes and a pricing
//! pack ([`Rules`]) and a [`QuoteInput`]; [`quote`] returns a [`Quote`] with a cited trace, or every
//! field error at once.

pub mod accident;
pub mod assess;
pub mod citation;
pub mod date;
pub mod domain;
pub mod engine;
pub mod error;
pub mod guidance;
pub mod input;
pub mod json;
pub mod map;
pub mod money;
pub mod quote;
pub mod rules;
mod schema;
mod sort;

pub use citation::Citation;
pub use date::Date;
pub use engine::{quote, quote_brief, quote_enterprise, Rules};
pub use error::{ErrorCode, Errors, FieldError};
pub use input::QuoteInput;
pub use quote::Quote;
