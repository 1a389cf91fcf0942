//! The one input structure every front end fills, and its validation.
//!
//! Numbers arrive as strings (JSON integers are accepted for counts), so that money never passes through
//! a binary float and every bad field can be named in the error.

pub mod read;
mod types;
mod validate;
mod validator;

pub use types::*;
pub(crate) use validator::V;
pub use validator::{label_en, plain_amount, plain_number};
