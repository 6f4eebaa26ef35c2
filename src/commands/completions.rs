//! `plan completions SHELL` and `plan man`: the shell completion script and the man page,
//! both generated from the command line's own definition so that they never fall behind it.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, Exit, Shell};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command, "plan", out);
    Ok(Exit::Success)
}

/// The sections the man page adds to what clap knows: exit status and environment.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "No errors (warnings allowed unless --deny-warnings); the report or skeleton was written."),
    (
        "1",
        "The files have errors (plan report, plan calendar: no output, the diagnostics instead; plan words --check: the text reads as another number).",
    ),
    ("2", "Usage, I/O or internal error."),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PLAN_LANG",
        "The language of diagnostics, messages, report labels, numbers and dates when --lang is not given: vi (the default) or en; empty counts as unset.",
    ),
    ("NO_COLOR", "When set and not empty, human diagnostics are never coloured (as --color never)."),
];

pub fn man(out: &mut dyn Write) -> anyhow::Result<Exit> {
    use clap_mangen::roff::{Roff, bold, roman};
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    let mut roff = Roff::new();
    for (title, entries) in [("EXIT STATUS", EXIT_STATUS), ("ENVIRONMENT", ENVIRONMENT)] {
        roff.control("SH", [title]);
        for (name, text) in entries {
            roff.control("TP", []);
            roff.text([bold(*name)]);
            roff.text([roman(*text)]);
        }
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman("docs/format.md, docs/diagnostics.md, docs/reports.md, docs/ci.md in the plan repository.")]);
    roff.to_writer(out)?;
    man.render_version_section(out)?;
    Ok(Exit::Success)
}
