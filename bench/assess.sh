#!/usr/bin/env bash
# Assesses >= 1,000 agreements in one `blma assess` batch (the development texts replicated)
# and compares it with ripgrep scanning the same files for the same cues written as
# alternations. Prints MB/s per core, agreements/s, peak memory and the ratio to ripgrep.
# Not a timed test: run it by hand (`bash bench/assess.sh`; COPIES=150 by default).
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${COPIES:-150}
command -v rg >/dev/null || { echo "ripgrep not installed (apt-get install ripgrep)"; exit 1; }
cargo build --release --quiet -p blma
bin=target/release/blma
src=fixtures/eval-dev

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq "$copies"); do
  for f in "$src"/*.txt; do cp "$f" "$dir/$(basename "$f" .txt)-$i.txt"; done
done
files=$(find "$dir" -name '*.txt' | wc -l)
bytes=$(cat "$dir"/*.txt | wc -c)

# Every word of every cue (a glob cut at its first `*`), searched as one case-insensitive literal
# alternation: the cheapest lexical scan of the same cue list. (Globs as `\w*` regexes blow up
# ripgrep's Unicode DFA: over 1.6 GB and minutes; literals are the fair baseline.)
patterns="$dir/cues.rg"
python3 - "$patterns" <<'EOF'
import re, sys, tomllib
out = []
for lang in ("en", "fr", "es"):
    with open(f"data/rubric/cues/{lang}.toml", "rb") as f:
        data = tomllib.load(f)
    for cue in data["cue"]:
        for w in re.findall(r"[\w*]+", cue["pattern"]):
            literal = w.split("*")[0]
            if len(literal) > 1 and not literal.isdigit():
                out.append(literal)
open(sys.argv[1], "w").write("\n".join(sorted(set(out))) + "\n")
EOF

measure() { # prints "seconds peak_kB" for "$@"
  /usr/bin/time -f '%e %M' -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
  cat "$dir/time"
}

read -r blma_s blma_kb < <(measure "$bin" assess --format jsonl "$dir"/*.txt)
read -r rg_s rg_kb < <(measure rg -j1 -i -F --count-matches -f "$patterns" "$dir")
python3 - "$files" "$bytes" "$blma_s" "$blma_kb" "$rg_s" "$rg_kb" <<'EOF'
import sys
files, size, bs, bk, rs, rk = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
mb = size / 1e6
print(f"{files} agreements, {mb:.1f} MB")
print(f"blma assess : {bs:6.2f} s  {mb / max(bs, 1e-3):6.2f} MB/s (1 core)  {files / max(bs, 1e-3):7.0f} agreements/s  peak {bk / 1024:6.1f} MB")
print(f"rg (1 thread): {rs:6.2f} s  {mb / max(rs, 1e-3):6.2f} MB/s            peak {rk / 1024:6.1f} MB")
print(f"ratio blma/rg: {bs / max(rs, 1e-3):.1f}x")
EOF
