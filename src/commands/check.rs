//! `plan check` (being written).
use std::io::Write;

use crate::cli::{CheckArgs, Exit};

pub fn run(_args: &CheckArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> anyhow::Result<Exit> {
    Ok(Exit::Trouble)
}
