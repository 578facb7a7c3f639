#!/usr/bin/env bash
# Whole-process comparison: pitchlint beside ripgrep and the peer prose linters, on the same
# corpora, in one run. Prints MB/s, ratios and peak RSS.
#
# usage: benches/compare.sh [SIZE...]          SIZE in 1mb 10mb 100mb (default: all three)
# env:   ROUNDS      alternating rounds per (size, shape) (default 5); each round runs
#                    pitchlint then ripgrep once, with hyperfine, so drift hits both alike
#        PEERS       peer linters to time with ../shared/bench/peers.sh (default
#                    "write-good proselint alex textlint"; "" skips them). They are slow
#                    (textlint: 82 s on 1 MB), so they run on PEER_SIZES only.
#        PEER_SIZES  default "10mb";  PEER_MODES  default "dir single"
#        RESULTS     output folder (default /tmp/pitchlint-bench)
#        BIN         the pitchlint binary to time (default: build this tree in release)
# Needs: python3, hyperfine, ripgrep (rg), GNU time (/usr/bin/time); the peers from
# ../shared/bench/install-peers.sh. Run it on an idle machine: it measures wall time.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KIT=${KIT:-$ROOT/../shared/bench}
SIZES=${*:-"1mb 10mb 100mb"}
ROUNDS=${ROUNDS:-5}
PEERS=${PEERS-"write-good proselint alex textlint"}
PEER_SIZES=${PEER_SIZES:-"10mb"}
PEER_MODES=${PEER_MODES:-"dir single"}
RESULTS=${RESULTS:-/tmp/pitchlint-bench}
PAT=$KIT/patterns.txt
BIN=${BIN:-}
export PATH=/tmp/peers/bin:$PATH
mkdir -p "$RESULTS/json"

for s in $SIZES $PEER_SIZES; do
  [ -f "/tmp/corpus-$s/MANIFEST.json" ] || python3 "$KIT/make_corpus.py" "$s"
done
# BIN=path times another build (say, one with a different main); else build this tree.
if [ -z "$BIN" ]; then
  (cd "$ROOT" && cargo build --release --locked -q)
  BIN=$ROOT/target/release/pitchlint
fi

TSV=$RESULTS/compare.tsv
printf 'size\tshape\ttool\tbytes\tfiles\truns\tmedian_s\tMBps\tpeak_rss_MB\tcpu_pct\n' > "$TSV"

median() { python3 -c 'import json,sys,statistics
t=[x for f in sys.argv[1:] for x in json.load(open(f))["results"][0]["times"]]
print(len(t), statistics.median(t))' "$@"; }

rss() {  # command... -> "peak_rss_MB cpu%"
  /usr/bin/time -v -o "$RESULTS/time.txt" "$@" > /dev/null 2>&1 || true
  awk -F': ' '/Maximum resident/{r=$2/1024} /Percent of CPU/{c=$2} END{printf "%.1f %s", r, c}' "$RESULTS/time.txt"
}

for size in $SIZES; do
  root=/tmp/corpus-$size
  bytes=$(python3 -c "import json;print(json.load(open('$root/MANIFEST.json'))['bytes'])")
  nfiles=$(python3 -c "import json;print(json.load(open('$root/MANIFEST.json'))['files'])")
  for shape in dir single; do
    if [ $shape = dir ]; then in=$root/dir; nf=$nfiles; else in=$root/single.md; nf=1; fi
    rm -f "$RESULTS"/json/{pl,rg}-"$size-$shape"-*.json
    for r in $(seq "$ROUNDS"); do
      hyperfine -N -i --style none --warmup 1 --runs 3 \
        --export-json "$RESULTS/json/pl-$size-$shape-$r.json" "$BIN --format json $in" > /dev/null 2>&1
      hyperfine -N -i --style none --warmup 1 --runs 3 \
        --export-json "$RESULTS/json/rg-$size-$shape-$r.json" "rg -c -i -w -f $PAT $in" > /dev/null 2>&1
    done
    for tool in pl rg; do
      read -r n med <<< "$(median "$RESULTS"/json/$tool-"$size-$shape"-*.json)"
      if [ $tool = pl ]; then name=pitchlint; cmd=("$BIN" --format json "$in")
      else name=ripgrep; cmd=(rg -c -i -w -f "$PAT" "$in"); fi
      read -r rss_mb cpu <<< "$(rss "${cmd[@]}")"
      mbps=$(python3 -c "print(f'{$bytes/2**20/$med:.1f}')")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%.4f\t%s\t%s\t%s\n' "$size" "$shape" "$name" "$bytes" "$nf" \
        "$n" "$med" "$mbps" "$rss_mb" "$cpu" >> "$TSV"
    done
  done
done

# Start-up: one 3 KB draft, median of many runs, minus the median of `true`.
draft=$RESULTS/draft-3k.txt
head -c 3072 /tmp/corpus-1mb/single.md > "$draft" 2>/dev/null || head -c 3072 "$ROOT/tests/fixtures/essay.txt" > "$draft"
hyperfine -N -i --style none --warmup 20 --runs 200 --export-json "$RESULTS/json/startup.json" \
  true "$BIN $draft" > /dev/null 2>&1

# Peers (slow): through the kit's own script, so they run exactly as it runs them.
if [ -n "$PEERS" ]; then
  rm -f "$RESULTS/results.tsv"
  PEERS=$PEERS MODES=$PEER_MODES RESULTS=$RESULTS bash "$KIT/peers.sh" $PEER_SIZES > /dev/null 2>&1 || true
fi

# The baseline depends on ripgrep's version: on this pattern set (-i -w, non-ASCII text)
# ripgrep 15.2.0 from crates.io ran 20 to 35 times slower than Debian's 13.0.0 (session 49),
# so the table names both tools' versions.
echo "pitchlint: $("$BIN" --version)   ripgrep: $(rg --version | head -1)"
python3 - "$TSV" "$RESULTS/json/startup.json" "$RESULTS/results.tsv" <<'PY'
import csv, json, statistics, sys, os
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
def get(size, shape, tool):
    return next((r for r in rows if r['size'] == size and r['shape'] == shape and r['tool'] == tool), None)
print(f"{'corpus':<16}{'tool':<11}{'median s':>10}{'MB/s':>9}{'peak RSS MB':>13}{'CPU':>7}{'pitchlint/rg':>14}")
for r in rows:
    rg = get(r['size'], r['shape'], 'ripgrep')
    ratio = float(r['MBps']) / float(rg['MBps']) if r['tool'] == 'pitchlint' else None
    print(f"{r['size']+' '+r['shape']:<16}{r['tool']:<11}{float(r['median_s']):>10.4f}{float(r['MBps']):>9.1f}"
          f"{float(r['peak_rss_MB']):>13.1f}{r['cpu_pct']:>7}" + (f"{ratio:>13.2f}x" if ratio else ""))
sizes = []
for r in rows:
    if r['tool'] == 'pitchlint' and r['size'] not in sizes:
        sizes.append(r['size'])
for shape in ('dir', 'single'):
    s = [(z, float(get(z, shape, 'pitchlint')['MBps'])) for z in sizes if get(z, shape, 'pitchlint')]
    if len(s) > 1:
        base = s[0][1]
        print(f"scaling ({shape}): " + ", ".join(f"{z} {v/base:.2f}x the MB/s of {s[0][0]}" for z, v in s))
st = json.load(open(sys.argv[2]))['results']
t_true = statistics.median(st[0]['times']); t_pl = statistics.median(st[1]['times'])
print(f"start-up + one 3 KB draft: median {t_pl*1000:.2f} ms, `true` {t_true*1000:.2f} ms, difference {1000*(t_pl-t_true):.2f} ms")
if os.path.exists(sys.argv[3]):
    peers = list(csv.DictReader(open(sys.argv[3]), delimiter='\t'))
    for p in peers:
        pl = get(p['size'], p['mode'], 'pitchlint')
        mb = p['MBps'].lstrip('<')
        ratio = f"{float(pl['MBps'])/float(mb):.0f}x" if pl and float(mb) > 0 else "?"
        print(f"peer {p['peer']:<11}{p['size']+' '+p['mode']:<14}{p['MBps']:>9} MB/s  peak RSS {p['peak_rss_MB']} MB"
              f"  pitchlint is {ratio} faster")
PY
