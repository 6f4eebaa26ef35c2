//! `plan` checks and reports on the plan files of Vietnamese provincial projects.
//!
//! The pipeline, one module per stage:
//! [`source`] (text, line index, spans) → [`parse`] (text → spanned TOML tree) →
//! [`lower`] (tree → validated [`model`], collecting [`diag::Diagnostic`]s) →
//! [`checks`] (model → diagnostics) → [`diag`] renderers (diagnostics → bytes).
//! Money and Vietnamese number words live in [`money`] and [`words`];
//! [`cli`] and [`commands`] are the outer shell.

pub mod calendar;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod confine;
pub mod diag;
pub mod escape;
pub mod failure;
pub mod hash;
pub mod help_vi;
pub mod lang;
pub mod lower;
pub mod lsp;
pub mod model;
pub mod money;
pub mod parse;
pub mod pipe;
pub mod render;
pub mod report;
pub mod schema;
pub mod skeleton;
pub mod source;
#[cfg(test)]
mod testing;
pub mod usage;
pub mod words;
pub mod workspace;
