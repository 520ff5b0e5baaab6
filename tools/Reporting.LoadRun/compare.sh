#!/usr/bin/env bash
# Before/after load runs, alternately, for docs/benchmarks.md (issue 13):
#   bash tools/Reporting.LoadRun/compare.sh <before-commit> [dossiers=100000] [rounds=2]
# "before" is <before-commit> exported with git archive into a temporary folder, with this tree's
# tools/Reporting.LoadRun/Program.cs copied in so both print the same figures; "after" is this tree.
# Both are built in Release first. Compare the CPU lines: elapsed time means little on a busy machine.
set -euo pipefail
before=${1:?usage: compare.sh <before-commit> [dossiers] [rounds]}
size=${2:-100000}
rounds=${3:-2}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/loadrun-compare.XXXXXX)
git -C "$root" archive "$before" | tar -x -C "$work"
cp "$root/tools/Reporting.LoadRun/Program.cs" "$work/tools/Reporting.LoadRun/Program.cs"
dotnet build "$work/tools/Reporting.LoadRun" -c Release -v quiet
dotnet build "$root/tools/Reporting.LoadRun" -c Release -v quiet
for round in $(seq 1 "$rounds"); do
  for which in before after; do
    if [ "$which" = before ]; then dir=$work; else dir=$root; fi
    echo "== $which, round $round, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    dotnet "$dir/tools/Reporting.LoadRun/bin/Release/net10.0/Reporting.LoadRun.dll" "$size" \
      | grep -E '^ingest|during the ingest|rebuild|database file'
  done
done
rm -rf "$work"
