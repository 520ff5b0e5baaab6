#!/usr/bin/env bash
# Installs what the build and the tests need and a fresh machine may lack. Safe to run again.
set -euo pipefail

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3)
dpkg -s libicu72 >/dev/null 2>&1 || dpkg -s libicu-dev >/dev/null 2>&1 || need_apt+=(libicu-dev)
[ -e /usr/share/zoneinfo/Asia/Ho_Chi_Minh ] || need_apt+=(tzdata)
# Browser tests drive Debian's Chromium (Playwright never downloads a browser here).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The dashboards' charts come from the apexcharts npm package, restored by the web project's build.
command -v npm >/dev/null || need_apt+=(npm)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
