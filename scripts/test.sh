#!/usr/bin/env bash
# Runs every test of Reporting System on a fresh machine: installs what is missing, builds, tests,
# and prints one closing line "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build ReportingSystem.sln -c Release --nologo -v quiet

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
set +e
dotnet test ReportingSystem.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
status=$?
set -e

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    # Skipped tests are neither passed nor failed: what was not executed of the total.
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
