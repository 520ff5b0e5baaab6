#!/usr/bin/env bash
# Issue 10's "done when", run on the demo: the province's reviewer sends the consolidated report of the last
# ended quarter; the server is stopped mid-delivery (the receiver simulator has issued and kept its receipt but
# not answered yet) and started again; the report must end "received" with that one receipt, one attempt.
#
#   bash scripts/demo-national-submission.sh            # a 20,000-dossier demo in a temporary folder, port 5090
#   DOSSIERS=300000 PORT=5091 bash scripts/demo-national-submission.sh
#
# Everything goes through the product's own sign-in form and HTTP API, as the demo users.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
PORT=${PORT:-5090}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/demo-national-XXXXXX)
RECEIPTS="$DATA/quocgia-bien-nhan.jsonl"
LOG="$DATA/server.log"
SERVER_PID=""

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*"; echo "server log: $LOG"; exit 1; }
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

dotnet build Reporting.Web -c Release -v quiet -nologo >/dev/null

start_server() { # $1: the receiver simulator's failure switch
  (cd "$ROOT_DIR/Reporting.Web" && \
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
    ConnectionStrings__Reporting="Data Source=$DATA/reporting.db" \
    Demo__DossierCount="${DOSSIERS:-20000}" Simulators__QuocGia__Failure="$1" \
    exec dotnet bin/Release/net10.0/Reporting.Web.dll >>"$LOG" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server stopped while starting"
    sleep 1
  done
  fail "the server was not ready after 10 minutes"
}

stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

sign_in() { # $1 user, $2 password -> cookie jar $DATA/$1.cookies
  local jar="$DATA/$1.cookies" token
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/dang-nhap" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "userName=$1" --data-urlencode "password=$2" --data-urlencode "returnUrl=/" "$BASE/tai-khoan/dang-nhap"
  grep -q "reporting.auth" "$jar" || fail "sign-in of $1"
}

api() { # $1 user, $2 method, $3 path, [$4 json body]
  curl -fsS -b "$DATA/$1.cookies" -X "$2" -H 'Content-Type: application/json' ${4:+--data "$4"} "$BASE$3"
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

say "data folder $DATA; starting the demo with the receiver simulator answering late (Slow)"
start_server Slow
sign_in tinh.lapbaocao tinhlapbc-demo-2026
sign_in tinh.thutruong tinhthutruong-demo-2026
sign_in tonghop tonghop-demo-2026

ROOT=$(curl -fs -H 'X-Api-Key: demo-read-key' "$BASE/api/v1/agencies" | json "[a['code'] for a in (d['items'] if isinstance(d,dict) else d) if not a.get('parentCode') and not a.get('parentId')][0]")
# The last quarter whose cut-off window (15th of the month before to the 14th of its last month) has ended.
PERIOD=$(python3 -c "
import datetime as dt
t=dt.date.today(); y,q=t.year,(t.month-1)//3+1
while dt.date(y,q*3,14)>=t:
    y,q=(y-1,4) if q==1 else (y,q-1)
print(f'{y}-Q{q}')")
say "the province is $ROOT; the last ended quarter is $PERIOD"

ID=$(api tinh.lapbaocao POST /api/v1/report-instances "{\"regime\":\"tthc-quy\",\"form\":\"bieu-06\",\"agency\":\"$ROOT\",\"period\":\"$PERIOD\"}" | json "d['id']")
api tinh.lapbaocao POST "/api/v1/report-instances/$ID/submit" '{}' >/dev/null
api tinh.thutruong POST "/api/v1/report-instances/$ID/approve" '{}' >/dev/null
api tonghop POST "/api/v1/report-instances/$ID/accept" '{}' >/dev/null
api tonghop POST "/api/v1/report-instances/$ID/send" '{"comment":"Gửi đúng hạn theo chỉ đạo; các đơn vị còn lại nộp bổ sung."}' >/dev/null
say "report $ID submitted, approved, accepted and sent by the reviewer: $(api tonghop GET "/api/v1/report-instances/$ID" | json "d['state']")"

for _ in $(seq 1 120); do [[ -s "$RECEIPTS" ]] && break; sleep 1; done
[[ -s "$RECEIPTS" ]] || fail "the receiver simulator issued no receipt"
ISSUED=$(json "d['ReceiptId']" <"$RECEIPTS")
say "the receiver issued $ISSUED and is still answering; stopping the server now (mid-delivery)"
stop_server

say "starting the server again, the receiver answering at once"
start_server None
for _ in $(seq 1 300); do
  STATE=$(api tonghop GET "/api/v1/report-instances/$ID" | json "d['state']")
  [[ "$STATE" == received ]] && break
  sleep 2
done
VIEW=$(api tonghop GET "/api/v1/report-instances/$ID")
STATE=$(json "d['state']" <<<"$VIEW")
STORED=$(json "d['submission']['receiptId']" <<<"$VIEW")
ATTEMPTS=$(json "len(d['submissions'])" <<<"$VIEW")
LINES=$(wc -l <"$RECEIPTS")
say "state $STATE, stored receipt $STORED, attempts stored $ATTEMPTS, receipts the receiver ever issued $LINES"
[[ "$STATE" == received && "$STORED" == "$ISSUED" && "$ATTEMPTS" == 1 && "$LINES" == 1 ]] || fail "expected one receipt ($ISSUED) and one stored attempt"
say "OK: exactly one receipt, $ISSUED"
stop_server
rm -rf "$DATA"
