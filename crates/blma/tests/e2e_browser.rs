//! The web platform in a real browser: runs the end-to-end journey in `e2e/` (Node's test runner
//! driving Debian's headless Chromium through playwright-core) against this build's `blma serve`.
//!
//! Needs `node` (≥ 18), `npm` and `/usr/bin/chromium` (or `BLMA_CHROMIUM`): `scripts/test.sh`
//! installs them. Missing tools fail the test with what to install; it never passes silently.
//! The first run installs `e2e/node_modules` with `npm ci` (the pinned playwright-core only; it
//! downloads no browser). The report's screenshot is left in `target/tmp/e2e/`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The whole journey takes well under a minute; this only stops a hung browser or server.
const TIMEOUT: Duration = Duration::from_secs(600);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tool_version(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn require_tools() -> PathBuf {
    let install = "install them with `apt-get install -y nodejs npm chromium` (scripts/test.sh does, as root)";
    let node = tool_version("node")
        .unwrap_or_else(|| panic!("the browser tests need Node.js (`node` not found): {install}"));
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    assert!(
        major >= 18,
        "the browser tests need Node.js 18 or later, found {node}: {install}"
    );
    let chromium = std::env::var_os("BLMA_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        chromium.exists(),
        "the browser tests need Debian's Chromium at {} (or BLMA_CHROMIUM=PATH): {install}",
        chromium.display()
    );
    chromium
}

/// `npm ci` once, when `e2e/node_modules` is missing.
fn install_playwright_core(e2e: &Path) {
    if e2e
        .join("node_modules/playwright-core/package.json")
        .exists()
    {
        return;
    }
    assert!(
        tool_version("npm").is_some(),
        "the browser tests need npm to install e2e/node_modules: apt-get install -y npm"
    );
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(e2e)
        .output()
        .expect("npm runs");
    assert!(
        out.status.success(),
        "`npm ci` in e2e/ failed (is the npm registry reachable?)\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn journey_in_headless_chromium() {
    let chromium = require_tools();
    let e2e = repo_root().join("e2e");
    install_playwright_core(&e2e);
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e");
    std::fs::create_dir_all(&artifacts).expect("artifacts directory");

    // Node finds the `*.test.mjs` files under e2e/ (node_modules excluded).
    let started = Instant::now();
    let mut child = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(e2e)
        .env("BLMA_BIN", env!("CARGO_BIN_EXE_blma"))
        .env("BLMA_CHROMIUM", chromium)
        .env("BLMA_E2E_ARTIFACTS", artifacts)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).ok();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for node") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = format!(
        "{}\n{}",
        out_reader.join().unwrap_or_default(),
        err_reader.join().unwrap_or_default()
    );
    match status {
        Some(s) if s.success() => {
            println!("{output}");
            println!(
                "browser journey passed in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        Some(s) => panic!("the browser journey failed ({s}):\n{output}"),
        None => panic!("the browser journey did not finish in {TIMEOUT:?}:\n{output}"),
    }
}
