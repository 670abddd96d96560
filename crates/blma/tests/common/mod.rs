//! Running the built `blma` binary as a user would, for the CLI tests.

use std::process::{Command, Output};

/// Runs `blma ARGS` with a fixed terminal width.
pub fn blma(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blma"))
        .args(args)
        .env("COLUMNS", "100")
        .output()
        .expect("the blma binary runs")
}

/// The standard output of a run that must succeed.
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}
