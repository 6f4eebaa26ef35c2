//! One module per subcommand. Each takes its parsed arguments and writers, and returns the
//! process exit status; none of them touches `std::process` or the real stdout itself.

pub mod calendar;
pub mod check;
pub mod completions;
pub mod explain;
pub mod new;
pub mod plan_sets;
pub mod report;
pub mod schema;
pub mod words;
