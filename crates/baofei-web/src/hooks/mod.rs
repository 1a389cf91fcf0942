//! The widget's effects, one named hook per concern, so that `App` only holds state and composes.
//!
//! - [`paint`]: render the explanations right after the first frame is painted;
//! - [`share`]: keep the address bar and (if asked) local storage in step with the form;
//! - [`host`]: events to the host page and the iframe bridge with the parent window;
//! - [`print`]: open the trace before printing;
//! - [`marks`]: Performance API marks for the benchmark;
//! - [`section`]: whether the reader is inside a section (the offer check, for the sticky bar), and the
//!   focused control kept clear of that bar when the page changes size.

pub mod host;
pub mod marks;
pub mod paint;
pub mod print;
pub mod section;
pub mod share;
