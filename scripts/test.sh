#!/usr/bin/env bash
# The whole test suite, as CI runs it: `./scripts/test.sh`.
#
# Installs what the suite needs when it is missing (Debian packages via apt-get), then runs
# formatting and lint checks and every test of the workspace. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Packages the tests use when present: poppler-utils (pdftotext, to compare PDF backends) and
# chromium (prints agreements to real PDFs). The browser journey (crates/blma/tests/e2e_browser.rs)
# needs chromium, nodejs and npm, and fails without them. PostgreSQL is scripts/with-postgres.sh's
# business.
need_packages=()
command -v pdftotext >/dev/null 2>&1 || need_packages+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v node >/dev/null 2>&1 || need_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || need_packages+=(npm)
if ((${#need_packages[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${need_packages[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null \
      || echo "warning: could not install ${need_packages[*]}; tests that need them will say so and skip" >&2
  else
    echo "warning: missing ${need_packages[*]} (install them as root); tests that need them will say so and skip" >&2
  fi
fi

cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
# Under a throwaway PostgreSQL, so the storage contract tests run on both backends.
scripts/with-postgres.sh cargo test --workspace --quiet
