#!/usr/bin/env bash
# Issue 13's aims measured side by side in one run, one after another, each with the load average at its
# start (docs/benchmarks.md, "Issue 13: every aim in one run"). Run it on a quiet machine (nothing else
# building or testing): about 40 minutes with the defaults. Results go to $OUT (printed at the start).
#
#   bash scripts/measure-scale.sh
#   SIZES="300000 3000000" DEMO_MINUTES=10 CIRCUITS=1000 TABS="100 200" bash scripts/measure-scale.sh
#   STEPS=chromium TABS=200 bash scripts/measure-scale.sh    # one Chromium size alone (tabs in contexts of 10, 6 renderers)
#   STEPS="loadrun export" bash scripts/measure-scale.sh     # only some steps
#   LOADRUN_KEEP=/tmp/loadrun bash scripts/measure-scale.sh  # keep the load run's databases (then re-measure one with
#     dotnet tools/Reporting.LoadRun/bin/Release/net10.0/Reporting.LoadRun.dll --database /tmp/loadrun/reporting-3000000.db)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
OUT=${OUT:-/tmp/measure-scale-$(date -u +%Y%m%dT%H%M)}
SIZES=${SIZES:-"300000 3000000"}
DEMO_MINUTES=${DEMO_MINUTES:-6}
CIRCUITS=${CIRCUITS:-1000}
TABS=${TABS:-"50 100 200"}
STEPS=${STEPS:-"loadrun collector export demo circuits chromium"}
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"
WEB_DLL="$ROOT_DIR/Reporting.Web/bin/Release/net10.0/Reporting.Web.dll"

load() { cut -d' ' -f1-3 /proc/loadavg; }
step() { printf '\n== %s  %s (load average %s)\n' "$(date -u +%H:%M:%S)" "$1" "$(load)" | tee -a "$SUMMARY"; }
wants() { [[ " $STEPS " == *" $1 "* ]]; }
note() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }

echo "results in $OUT; commit $(git rev-parse --short HEAD); $(nproc) cores; $(dotnet --version)" | tee "$SUMMARY"
bash scripts/prerequisites.sh >/dev/null
dotnet tool restore >/dev/null
dotnet build ReportingSystem.sln -c Release -v quiet -nologo >/dev/null

if wants loadrun; then
  step "ingest, indicators and rebuild: Reporting.LoadRun $SIZES"
  dotnet tools/Reporting.LoadRun/bin/Release/net10.0/Reporting.LoadRun.dll $SIZES | tee "$OUT/loadrun.txt" | grep -E "^==|ingest|first answer|rebuild|database file" | tee -a "$SUMMARY"
fi

benchmark() { # $1 name, $2 test filter; the server GC, as Reporting.Web runs (ADR 025)
  REPORTING_BENCHMARK=1 DOTNET_gcServer=1 dotnet test Reporting.Tests -c Release --no-build --filter "FullyQualifiedName~$2" \
    --logger "console;verbosity=detailed" >"$OUT/$1.txt" 2>&1 || note "($1: the benchmark failed, see $OUT/$1.txt)"
}

if wants collector; then
  step "collector run of 100,000 changed dossiers over loopback (CollectorBenchmark)"
  benchmark collector CollectorBenchmark
  grep -iE "collector run|CPU|downloading|warm" "$OUT/collector.txt" | grep -v "^\[" | tee -a "$SUMMARY" || true
fi

if wants export; then
  step "Excel of 1,000,000 dossiers through the export endpoint (DossierExportBenchmark)"
  benchmark export DossierExportBenchmark
  grep -iE "GC:|export of|stored in|writer|read" "$OUT/export.txt" | grep -v "^\[" | tee -a "$SUMMARY" || true
fi

rss() { awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$1/status"; }

if wants demo; then
  step "demo server resident memory: fresh 300,000-dossier demo, then $DEMO_MINUTES minutes with the simulators running"
  DEMO_DIR=$(mktemp -d /tmp/measure-demo-XXXXXX)
  (cd "$ROOT_DIR/Reporting.Web" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5093 \
    ConnectionStrings__Reporting="Data Source=$DEMO_DIR/reporting.db" exec dotnet "$WEB_DLL" >"$OUT/demo-server.log" 2>&1) &
  PID=$!
  START=$(date +%s)
  until curl -fs http://127.0.0.1:5093/health/ready >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { note "the demo server stopped"; break; }
    sleep 2
  done
  note "ready after $(( $(date +%s) - START )) s: resident $(rss "$PID")"
  sleep 60
  note "one minute after ready: resident $(rss "$PID")"
  for m in $(seq 1 "$DEMO_MINUTES"); do
    sleep 60
    [[ $m == "$DEMO_MINUTES" || $(( m % 5 )) == 0 ]] && note "$((m + 1)) minutes after ready: resident $(rss "$PID") (load average $(load))"
  done
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true
  rm -rf "$DEMO_DIR"
fi

circuitload() { # $1 mode, $2 count
  dotnet tools/Reporting.CircuitLoad/bin/Release/net10.0/Reporting.CircuitLoad.dll "$1" "$2" --serve "$WEB_DLL" \
    --url http://127.0.0.1:5094 --changes 3 --settle 30 --dumps "$OUT" >"$OUT/$1-$2.txt" 2>&1 || note "($1 $2 failed, see $OUT/$1-$2.txt)"
  grep -E "overviews open|^before|^open|per circuit|data change|^after|reached" "$OUT/$1-$2.txt" | tee -a "$SUMMARY" || true
}

if wants circuits; then
  step "$CIRCUITS protocol-level circuits on the overview"
  circuitload circuits "$CIRCUITS"
fi

if wants chromium; then
  for n in $TABS; do
    step "$n Chromium tabs on the overview"
    circuitload chromium "$n"
  done
fi

step "done"
