#!/usr/bin/env bash
# The documented bench procedure (README "Benchmarks"): generate a synthetic corpus of N
# paragraphs, then measure with the release binary
#   - parse + index build time and peak RSS,
#   - query → ranked top 200 with positions: p50 over bench/queries.txt, and p99 over the same
#     queries typed key by key (every prefix), as measured inside the process (`elapsed_us`),
#   - fzf --filter over the same paragraphs, one per line, when fzf is installed.
# The corpus has a realistic vocabulary: content words are also drawn, Zipf-distributed, from
# the French and English word-frequency lists of the `wordfreq` Python package (pinned below),
# which this script installs into a virtualenv in WORKDIR and dumps to WORKDIR/words-{fr,en}.txt
# the first time. VOCAB=samples writes the older corpus built from the samples' words alone
# (about 1,150 distinct words), with no download.
# Usage: bench/run.sh PARAGRAPHS [WORKDIR]     e.g. bench/run.sh 100000 /tmp/resolu-bench
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?paragraphs}
work=${2:-/tmp/resolu-bench}
vocab=${VOCAB:-wordfreq}
mkdir -p "$work"

words=()
case "$vocab" in
  samples)
    corpus="$work/corpus-$n"
    lines="$work/lines-$n.txt"
    ;;
  wordfreq)
    corpus="$work/corpus-zipf-$n"
    lines="$work/lines-zipf-$n.txt"
    if [ ! -s "$work/words-fr.txt" ] || [ ! -s "$work/words-en.txt" ]; then
      if [ ! -x "$work/wordfreq-venv/bin/python" ]; then
        python3 -m venv "$work/wordfreq-venv"
        "$work/wordfreq-venv/bin/pip" install --quiet wordfreq==3.1.1
      fi
      # Every word of the 'large' lists, most frequent first (≈ 310,000 per language).
      "$work/wordfreq-venv/bin/python" - "$work" <<'PY'
import sys, wordfreq
for lang in ("fr", "en"):
    with open(f"{sys.argv[1]}/words-{lang}.txt", "w", encoding="utf-8") as out:
        for word in wordfreq.top_n_list(lang, 1_000_000):
            out.write(word + "\n")
PY
    fi
    words=(--words "$work/words-fr.txt" --words "$work/words-en.txt")
    ;;
  *) echo "VOCAB must be wordfreq or samples" >&2; exit 2 ;;
esac

cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
if [ ! -d "$corpus" ]; then
  ./target/release/examples/gen_corpus --out "$corpus" --paragraphs "$n" --seed 42 --lines "$lines" "${words[@]}"
fi
echo "corpus: $(du -sb "$corpus" | cut -f1) bytes of text in $(find "$corpus" -type f | wc -l) files"

# Every prefix of every query, as typed key by key.
python3 - "$work/typed.txt" <<'PY'
import sys
queries = [q.rstrip("\n") for q in open("bench/queries.txt", encoding="utf-8") if q.strip()]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for q in queries:
        for i in range(1, len(q) + 1):
            out.write(q[:i] + "\n")
PY

run() { # $1 = query file, $2 = output json lines
  /usr/bin/time -f "peak RSS %M KB, wall %e s" ./target/release/resolu search --stdin --limit 200 "$corpus" \
    < "$1" > "$2" 2> "$2.err"
  cat "$2.err"
}
echo "== full queries"; run bench/queries.txt "$work/full.jsonl"
echo "== typed key by key"; run "$work/typed.txt" "$work/typed.jsonl"

python3 - "$work/full.jsonl" "$work/typed.jsonl" <<'PY'
import json, sys
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
full = [json.loads(l) for l in open(sys.argv[1])]
typed = [json.loads(l) for l in open(sys.argv[2])]
for r in full:
    print(f"  {r['query']!r:40} total {r['total']:>8}  {r['elapsed_us'] / 1000:8.2f} ms")
f = [r["elapsed_us"] / 1000 for r in full]; t = [r["elapsed_us"] / 1000 for r in typed]
print(f"full queries: p50 {pct(f, 50):.2f} ms, p99 {pct(f, 99):.2f} ms, max {max(f):.2f} ms ({len(f)} queries)")
print(f"typed prefixes: p50 {pct(t, 50):.2f} ms, p99 {pct(t, 99):.2f} ms, max {max(t):.2f} ms ({len(t)} queries)")
PY

if [ -z "${SKIP_FZF:-}" ] && command -v fzf >/dev/null 2>&1; then
  echo "== fzf --filter over $(wc -l < "$lines") paragraph lines"
  while IFS= read -r q; do
    [ -z "$q" ] && continue
    /usr/bin/time -f "  fzf %e s, peak RSS %M KB  ($q)" fzf --filter "$q" < "$lines" > /dev/null 2>> "$work/fzf.err" || true
    tail -n 1 "$work/fzf.err"
  done < bench/queries.txt
else
  echo "fzf not installed: apt-get install fzf for the comparison (never a test dependency)"
fi
