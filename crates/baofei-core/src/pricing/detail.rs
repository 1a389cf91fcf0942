//! What a pricing run records besides its figures, the const parameter of [`super::price`]: the
//! figures and flags (premium, range, limits, obligation, prevention, risk tier, illustrative) are the
//! same at every level. A constant rather than a flag, so that a build which only ever asks for figures (the first
//! look's engine, issue 31) carries none of the code that writes the prose.

/// Figures and flags only: no warnings, assumptions or trace.
pub const FIGURES: u8 = 0;
/// Figures, warnings and assumptions: no trace.
pub const BRIEF: u8 = 1;
/// Everything, with the trace of every step.
pub const TRACE: u8 = 2;
