//! Training and evaluation of veracity on labelled data sets: the FNC-1
//! stance model's training and metric, the Climate-FEVER claim harness.
//!
//! This is the evaluation side of the workspace: `cargo xtask train` and
//! `veracity eval` depend on it; the inference crates never do. It reads
//! data files, so it lives apart from the libraries that never touch the
//! file system.

#![deny(missing_docs)]

pub mod calibration;
pub mod climate_fever;
pub mod emergent;
pub mod fnc;
pub mod train;
