//! `plan schema KIND`: the JSON Schema of a kind of file, as `schemas/KIND.schema.json`
//! holds it.

use std::io::Write;

use clap::{Args, ValueEnum};

use crate::cli::Exit;
use crate::schema;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The kind of file
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Decision,
    Plan,
    Progress,
}

impl SchemaKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::Plan => "plan",
            Self::Progress => "progress",
        }
    }
}

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let text = schema::schema_text(args.kind.name()).ok_or_else(|| {
        let kind = args.kind.name();
        anyhow::anyhow!(crate::failure::Failure::new(crate::t!(
            "không có lược đồ cho `{kind}`",
            "no schema for `{kind}`"
        )))
    })?;
    out.write_all(text.as_bytes())?;
    Ok(Exit::Success)
}
