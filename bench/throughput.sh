#!/usr/bin/env bash
# bench/throughput.sh [COPIES]: throughput of `audit check --format jsonl` over a corpus built by
# ../shared/bench/make_corpus.sh (the BBC articles copied COPIES times, default 10), beside a `grep -E` pass with
# the combined cue pattern over the same files in the same run. Prints MB/s for each and the ratio.
# A benchmark, not a test: run it by hand or from CI's reporting step; it asserts nothing.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
copies=${1:-10}
out=$top/bench/out
corpus=$out/corpus-$copies
make_corpus=$top/../shared/bench/make_corpus.sh

"$top/audit" --build-only
bin=$top/build/audit
if [ ! -d "$corpus" ]; then
  [ -x "$make_corpus" ] || { echo "bench: $make_corpus not found" >&2; exit 2; }
  mkdir -p "$out"
  "$make_corpus" "$corpus" "$copies" >/dev/null
fi
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

# The combined cue pattern: every reporting verb form in the rule pack, plus "according to".
pattern=$(python3 - "$top/rules/news/cue_verbs.yaml" <<'PY'
import sys, yaml
forms = []
for entry in yaml.safe_load(open(sys.argv[1]))["lexicons"]["reporting_verbs"]:
    forms.extend(entry if isinstance(entry, list) else [entry])
forms.append("according to")
print(r"\b(" + "|".join(sorted(set(forms), key=len, reverse=True)) + r")\b")
PY
)

seconds() {  # seconds COMMAND...: wall time of a command, output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

mbps() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }

cd "$corpus"
# Warm the page cache so both tools read from memory.
cat ./*.txt >/dev/null
grep_s=$(seconds grep -E -c "$pattern" ./*.txt)
one_s=$(seconds "$bin" check --format jsonl --fail-on never --jobs 1 .)
all_s=$(seconds "$bin" check --format jsonl --fail-on never .)
peak_kb=$( { /usr/bin/time -f "%M" "$bin" check --format jsonl --fail-on never . >/dev/null; } 2>&1 | tail -1)

printf 'corpus: %s files, %.1f MB (%s copies of the BBC articles)\n' "$files" "$(echo "$bytes/1000000" | bc -l)" "$copies"
printf '%-34s %8s s %8s MB/s\n' "grep -E (cue pattern)" "$(printf %.2f "$grep_s")" "$(mbps "$grep_s")"
printf '%-34s %8s s %8s MB/s   %sx grep\n' "audit --format jsonl, 1 thread" "$(printf %.2f "$one_s")" \
  "$(mbps "$one_s")" "$(printf %.1f "$(echo "$one_s / $grep_s" | bc -l)")"
printf '%-34s %8s s %8s MB/s   %sx grep, %sx one thread\n' "audit --format jsonl, all cores" \
  "$(printf %.2f "$all_s")" "$(mbps "$all_s")" "$(printf %.1f "$(echo "$all_s / $grep_s" | bc -l)")" \
  "$(printf %.2f "$(echo "$one_s / $all_s" | bc -l)")"
printf 'peak resident memory, all cores: %s MB\n' "$((peak_kb / 1024))"
