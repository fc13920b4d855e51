//! Claims and documents to verdicts.
//!
//! So far this crate holds the stance model ([`stance`]): does a passage
//! agree with, disagree with, discuss, or is it unrelated to a claim. It is
//! trained on FNC-1 by `cargo xtask train stance` and its weights are
//! embedded in the crate ([`stance::StanceModel::builtin`]).
//!
//! Library code never prints, never exits and never panics on input.

pub mod stance;
