#!/usr/bin/env bash
# Times blma's built-in PDF reader against poppler's pdftotext on generated agreement PDFs
# (whole processes: start-up included), then prints each one's peak memory.
# Needs pdftotext (Debian: poppler-utils); uses hyperfine if installed, else a timed loop.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-20}
cargo build --release --quiet -p blma-pdftotext --example extract_pdf
bin=target/release/examples/extract_pdf
command -v pdftotext >/dev/null || { echo "pdftotext not installed (apt-get install poppler-utils)"; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" --generate "$dir" >"$dir/index"

mean_ms() { # mean wall time of "$@" over $runs runs, in ms
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

peak_kb() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }'
}

printf '%-9s %5s %8s %10s %10s %8s %9s %9s\n' file pages kB blma_ms pdftotext_ms ratio blma_kB pdftotext_kB
while read -r name pages bytes; do
  file="$dir/$name"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$dir/$name.json" \
      "$bin $file" "pdftotext -enc UTF-8 $file -" >/dev/null
    read -r ours theirs < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(*(round(x["mean"]*1000, 2) for x in r))' "$dir/$name.json")
  else
    ours=$(mean_ms "$bin" "$file")
    theirs=$(mean_ms pdftotext -enc UTF-8 "$file" -)
  fi
  ratio=$(python3 -c "print(round($ours / max($theirs, 0.01), 2))")
  printf '%-9s %5s %8s %10s %10s %8s %9s %9s\n' "$name" "$pages" $((bytes / 1024)) "$ours" "$theirs" "$ratio" \
    "$(peak_kb "$bin" "$file")" "$(peak_kb pdftotext -enc UTF-8 "$file" -)"
done <"$dir/index"
