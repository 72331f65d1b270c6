//! Long jobs that run in slices: the seed blog's bulk job, and the slicing
//! that keeps the page responsive and saves once per slice.

pub mod bulk;
pub mod slices;
