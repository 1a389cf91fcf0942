//! What a pricing run records besides its figures ([`super::price`]'s `detail`): the figures and flags
//! (premium, range, limits, obligation, prevention, risk tier, illustrative) are the same at every
//! level. The level is also a const parameter of the pipeline, [`ANY`] where it is read at run time:
//! the first look's engine (issue 31) prices through [`super::price_figures`], whose constant level
//! leaves none of the code that writes the prose in a build that only calls it, while the widget and
//! the CLI keep one copy of the pipeline for every level (three copies were 11 KB more of the page).

/// Figures and flags only: no warnings, assumptions or trace.
pub const FIGURES: u8 = 0;
/// Figures, warnings and assumptions: no trace.
pub const BRIEF: u8 = 1;
/// Everything, with the trace of every step.
pub const TRACE: u8 = 2;
/// Not a level: the pipeline reads the level from its `detail` argument at run time.
pub const ANY: u8 = u8::MAX;
