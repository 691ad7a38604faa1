#!/usr/bin/env bash
# The HTTP benchmark (issue #8, results in BENCHMARKS.md). Starts one server at a time on 127.0.0.1:
# the official Auth.js server, our Undertow and Javalin adapters, bare handlers of both servers, then
# our Undertow adapter with database sessions on Redis and PostgreSQL. Signs in to each with curl
# and measures with wrk. Servers alternate in rounds (order reversed every other round) so a drift of
# the machine's load spreads over all of them. Every run is bounded in time; every process started
# here is stopped at exit, and the stores' benchmark data is dropped.
#
#   bash scripts/bench.sh            full run: 10 s per row, 2 rounds, 10^3 and 10^6 stored sessions
#   bash scripts/bench.sh --smoke    a few seconds per server, for CI: checks the script still works
#
# Environment: BENCH_DURATION (wrk -d, e.g. 10s), BENCH_ROUNDS, BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=...), BENCH_OUT (results file), BENCH_ONLY (server labels),
# BENCH_BASELINE_JAR (a benchmarks.jar built from another commit: each of our servers also runs from it,
# labelled "<label>@before", in the same rounds, for before/after numbers side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true
if $smoke; then
  duration=${BENCH_DURATION:-1s}; warmup=1s; prewarm=0; rounds=${BENCH_ROUNDS:-1}; prefills="1000"
else
  # Long warm-ups: on a loaded 2-core machine C2 needs tens of seconds, and server CPU per request
  # was still falling after 30 s of load (BENCHMARKS.md).
  duration=${BENCH_DURATION:-10s}; warmup=${BENCH_WARMUP:-30s}; prewarm=3; rounds=${BENCH_ROUNDS:-2}; prefills="1000 1000000"
fi
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
secret="authjvm-benchmark-secret-0123456789abcdef" # = BenchSetup.SECRET
jar=benchmarks/target/benchmarks.jar
baseline_jar=${BENCH_BASELINE_JAR:-}
distinct_users=10000
ref=conformance-tests/authjs-reference
work=$(mktemp -d)
raw=$work/raw.tsv
out=${BENCH_OUT:-benchmarks/target/bench-results.md}
java_opts=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx1g"}

pids=()
used_stores=false
cleanup() {
  for pid in "${pids[@]}"; do stop "$pid"; done
  if $used_stores; then
    timeout 120 java -cp "$jar" dev.authjvm.benchmarks.server.BenchServer --cleanup >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop() { # a process started here: TERM, then KILL after 5 s
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# --- what the run needs -------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "bench: wrk is missing (Debian: apt-get install wrk)" >&2; exit 1
  fi
fi
if [ ! -f "$jar" ]; then
  mvn -q -B -ntp -pl benchmarks -am package -DskipTests
fi
if [ ! -d "$ref/node_modules" ]; then
  (cd "$ref" && npm ci --silent --no-audit --no-fund)
fi

# --- servers ------------------------------------------------------------------------------------
# label|port|kind: "authjs", or the BenchServer arguments.
jwt_servers=(
  "authjs|8100|authjs"
  "undertow|8101|--server undertow"
  "bare-undertow|8102|--server bare-undertow"
  "javalin|8103|--server javalin"
  "bare-javalin|8104|--server bare-javalin"
  "demo|8107|demo"
)
db_servers=()
for n in $prefills; do
  db_servers+=("undertow+redis ${n}|8105|--server undertow --store redis --prefill $n")
  db_servers+=("undertow+postgres ${n}|8106|--server undertow --store postgres --prefill $n")
done
if [ -n "$baseline_jar" ]; then # the same servers from the baseline jar, 50 ports up (bare handlers are the same)
  for s in "${jwt_servers[@]}" "${db_servers[@]}"; do
    IFS='|' read -r label port kind <<<"$s"
    [[ "$kind" == authjs || "$label" == bare-* ]] && continue
    if [[ "$label" == *+* ]]; then db_servers+=("${label}@before|$((port + 50))|$kind"); else jwt_servers+=("${label}@before|$((port + 50))|$kind"); fi
  done
fi

start_server() { # label port kind -> sets $server_pid, fails when not answering within 180 s
  local label=$1 port=$2 kind=$3 log=$work/server-$2.log
  # Something else on the port would answer the readiness check and be measured in our place.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "bench: port $port is already in use; stop what listens there" >&2; return 1
  fi
  local server_jar=$jar
  [[ "$label" == *@before ]] && server_jar=$baseline_jar
  if [ "$kind" = authjs ]; then
    (cd "$ref" && PORT=$port AUTH_URL=http://127.0.0.1:$port AUTH_SECRET=$secret NODE_ENV=production \
      exec node server.mjs) >"$log" 2>&1 &
  elif [ "$kind" = demo ]; then
    # The README's demo as a user starts it (JWT sessions, metrics, passkeys, email to the console),
    # with the benchmark's secret so the distinct users' tokens are its own.
    # shellcheck disable=SC2086 # options are words on purpose
    env -u AUTH_JDBC_URL -u AUTH_REDIS_URL -u AUTH_DEMO_DB PORT=$port AUTH_SECRET=$secret AUTH_URL=http://127.0.0.1:$port \
      java $java_opts -cp "$server_jar" dev.authjvm.demo.DemoApp >"$log" 2>&1 &
  else
    # shellcheck disable=SC2086 # options are words on purpose
    java $java_opts -cp "$server_jar" dev.authjvm.benchmarks.server.BenchServer $kind --port "$port" >"$log" 2>&1 &
  fi
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1800); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/api/auth/providers" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: $label did not start; its log:" >&2; cat "$log" >&2; return 1
}

signin() { # port -> sets $cookie: every cookie of the jar, as a signed-in browser sends them
  local port=$1 jar_file=$work/jar-$1 url=http://127.0.0.1:$1/api/auth csrf
  rm -f "$jar_file"
  csrf=$(curl -sf -c "$jar_file" -b "$jar_file" "$url/csrf" | sed 's/.*"csrfToken":"\([^"]*\)".*/\1/')
  curl -sf -o /dev/null -c "$jar_file" -b "$jar_file" -H 'X-Auth-Return-Redirect: 1' \
    --data-urlencode "csrfToken=$csrf" -d username=demo -d password=demo "$url/callback/credentials"
  # Session token, CSRF cookie (set by /csrf before sign-in) and callback URL: without the CSRF
  # cookie, each request would mint a new CSRF token, which no signed-in browser causes.
  cookie=$(awk -F'\t' 'NF == 7 && $6 ~ /^authjs\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar_file")
  if ! curl -sf -H "Cookie: $cookie" "$url/session" | grep -q '"Demo User"'; then
    echo "bench: sign-in failed on port $port" >&2; return 1
  fi
}

cpu_ticks() { # user + system time of a process, in clock ticks (fields 14 and 15 of /proc/pid/stat)
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

to_ms() { # a wrk latency such as 612.00us, 1.20ms, 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /m$/) n *= 60000; else if (v !~ /ms$/ && v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

seconds_of() { # a wrk duration (30, 30s, 2m, 1h) in seconds
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *) echo "${1%s}" ;;
  esac
}

measure() { # label request-name compare-name round port path [cookie] [wrk script]
  local label=$1 req=$2 cmp=$3 round=$4 port=$5 path=$6 cookie_hdr=${7:-} script=${8:-} outf=$work/wrk.txt
  local args=(-t"$threads" -c"$connections" --timeout 2s)
  [ -n "$cookie_hdr" ] && args+=(-H "Cookie: $cookie_hdr")
  [ -n "$script" ] && args+=(-s "$script")
  if [ "$prewarm" != 0 ]; then # this request's own paths, not recorded
    timeout 60 wrk "${args[@]}" -d"${prewarm}s" "http://127.0.0.1:$port$path" >/dev/null
  fi
  args+=(-d"$duration" --latency)
  local cpu0 cpu1
  cpu0=$(cpu_ticks "$server_pid")
  timeout $(( $(seconds_of "$duration") + 60 )) wrk "${args[@]}" "http://127.0.0.1:$port$path" >"$outf"
  cpu1=$(cpu_ticks "$server_pid")
  local rps p50 p99 bad reqs cpu_us
  reqs=$(awk '/requests in/ { print $1 }' "$outf")
  # Server CPU per request: unlike req/s, it barely depends on what else the machine is running.
  cpu_us=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$reqs" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$outf")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$outf")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$outf")")
  bad=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$outf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$req" "$cmp" "$round" "$rps" "$p50" "$p99" "$bad" "$(cut -d' ' -f1-3 /proc/loadavg)" "$cpu_us" >>"$raw"
  printf '  %-24s %-22s %10s req/s  p50 %7s ms  p99 %7s ms  cpu %5s us/req  errors %s\n' "$label" "$req" "$rps" "$p50" "$p99" "$cpu_us" "$bad"
}

other_cookies() { # the signed-in jar without its session token: what the distinct-users row sends along
  tr ';' '\n' <<<"$cookie" | sed 's/^ *//' | grep -v '^authjs\.session-token=' | paste -sd ';' - | sed 's/;/; /g'
}

run_server() { # "label|port|kind" round
  local label port kind
  IFS='|' read -r label port kind <<<"$1"
  if [ -n "${BENCH_ONLY:-}" ] && [[ ",$BENCH_ONLY," != *",$label,"* ]]; then return 0; fi
  [[ "$kind" == *--store* ]] && used_stores=true
  start_server "$label" "$port" "$kind"
  signin "$port"
  local base=http://127.0.0.1:$port/api/auth
  # Warm-up (JIT, V8, pools), not recorded; the guard leaves a minute beyond the warm-up asked for.
  timeout $(( $(seconds_of "$warmup") + 60 )) wrk -t"$threads" -c"$connections" -d"$warmup" -H "Cookie: $cookie" "$base/session" >/dev/null
  if [[ "$kind" == *--store* ]]; then
    measure "$label" "session (database)" "session (JWT cookie)" "$2" "$port" /api/auth/session "$cookie"
  else
    measure "$label" "session (JWT cookie)" "session (JWT cookie)" "$2" "$port" /api/auth/session "$cookie"
    if [[ "$label" != bare-* ]]; then # a bare handler answers the same bytes whatever the cookie
      BENCH_TOKENS=$tokens BENCH_OTHER_COOKIES=$(other_cookies) measure "$label" "session (${distinct_users} users)" \
        "session (JWT cookie)" "$2" "$port" /api/auth/session "" scripts/bench-distinct-users.lua
    fi
    measure "$label" "session (no cookie)" "session (no cookie)" "$2" "$port" /api/auth/session
    measure "$label" "csrf" "csrf" "$2" "$port" /api/auth/csrf
    measure "$label" "providers" "providers" "$2" "$port" /api/auth/providers
  fi
  stop "$server_pid"
}

# Distinct users' session tokens, made once with the shared secret (see MintCookies).
tokens=$work/tokens.txt
java -cp "$jar" dev.authjvm.benchmarks.server.MintCookies "$distinct_users" "$secret" >"$tokens"

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$threads -c$connections -d$duration, $rounds round(s)"
for round in $(seq "$rounds"); do
  servers=("${jwt_servers[@]}" "${db_servers[@]}")
  if [ $((round % 2)) = 0 ]; then # reversed order on even rounds
    for ((i = ${#servers[@]} - 1, j = 0; i > j; i--, j++)); do t=${servers[i]}; servers[i]=${servers[j]}; servers[j]=$t; done
  fi
  echo "round $round"
  for s in "${servers[@]}"; do run_server "$s" "$round"; done
done

# --- report: means over rounds; ours/bare against the bare handler of the same server ------------
mkdir -p "$(dirname "$out")"
awk -F'\t' -v rounds="$rounds" -v thr="$threads" -v conn="$connections" -v dur="$duration" '
  { k = $1 SUBSEP $2; if (!(k in n)) order[++count] = k; n[k]++; rps[k] += $5; p50[k] += $6; p99[k] += $7; bad[k] += $8; cpu[k] += $10
    cmp[k] = $3; label[k] = $1; req[k] = $2; load[k] = load[k] (load[k] == "" ? "" : " / ") $9 }
  function mean(a, k) { return a[k] / n[k] }
  function ratio(k, other) { return (other in n) ? sprintf("%.2f", mean(rps, k) / mean(rps, other)) : "" }
  END {
    printf "| Server | Request | req/s | p50 ms | p99 ms | ours/bare | ours/Auth.js | server CPU µs/req | errors | load (1 5 15) |\n"
    printf "|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n"
    for (i = 1; i <= count; i++) {
      k = order[i]; l = label[k]; b = ""; a = ""
      if (l !~ /^(authjs|bare-)/) {
        base = l; sub(/@.*/, "", base); sub(/\+.*/, "", base); if (base == "demo") base = "javalin" # the demo runs on Javalin
        b = ratio(k, "bare-" base SUBSEP cmp[k]); a = ratio(k, "authjs" SUBSEP cmp[k])
      }
      printf "| %s | %s | %.0f | %.2f | %.2f | %s | %s | %.0f | %d | %s |\n", l, req[k], mean(rps, k), mean(p50, k), mean(p99, k), b, a, mean(cpu, k), bad[k], load[k]
    }
    printf "\nwrk -t%s -c%s -d%s --latency on 127.0.0.1; means of %s round(s); errors = non-2xx/3xx responses and socket errors.\n", thr, conn, dur, rounds
  }' "$raw" | tee "$out"
echo "bench: results in $out"
