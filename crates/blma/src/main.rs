//! `blma`: a thin binary over the library crates. Each subcommand lives in `commands/`.

mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    quiet_caught_library_panics();
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        // A reader that stops early (`blma guide show III | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(commands::EXIT_FAILURE)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The document readers turn a panic inside a parsing library (a malformed PDF can trip
/// `pdf_oxide`) into a clear error; the default hook would still print the library's panic
/// message first. Panics in dependencies stay silent, and the reader's error says what to do;
/// panics in blma's own code still print as usual.
fn quiet_caught_library_panics() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_dependency = info
            .location()
            .is_some_and(|l| l.file().contains("/registry/src/"));
        if !in_dependency {
            default_hook(info);
        }
    }));
}
