//! `plan words` (being written).
use std::io::Write;

use crate::cli::{Exit, WordsArgs};

pub fn run(_args: &WordsArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<Exit> {
    Ok(Exit::Trouble)
}
