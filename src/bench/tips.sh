#!/usr/bin/env bash
# Benchmark of the web tip-off form (README, "性能"): throughput and latency at a fixed rate, then
# "nothing lost" when the app is killed with -9 in the middle of a burst, and when Redis stops and the
# app is killed while tips wait in the spool. Starts a Redis of its own (redis-server from PATH, AOF on).
# Usage: src/bench/tips.sh [RATE_PER_S] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-300}
seconds=${2:-60}
port=18090
work=target/bench-tips
rm -rf "$work" && mkdir -p "$work/redis" "$work/data"

mvn -o -q -DskipTests package
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
load() { java -cp "$cp" cn.fangfei.bench.TipLoad "$@"; }

redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_redis() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$PWD/$work/redis" --appendonly yes \
    --appendfsync everysec --save "" --daemonize yes --logfile "$PWD/$work/redis.log"
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
}
start_redis

export FANGFEI_REDIS_URL=redis://127.0.0.1:$redis_port/0
export FANGFEI_DATA_KEY=QmVuY2htYXJrS2V5Rm9yVGlwT2Zmc0ZhbmdmZWkwMDE=
export FANGFEI_DATA_DIR=$work/data
export FANGFEI_TIP_RATE_LIMIT=100000000 FANGFEI_TIP_LOOKUP_LIMIT=100000000
export FANGFEI_WECHAT_APP_ID=wxbench FANGFEI_WECHAT_SECRET=bench FANGFEI_WECHAT_TOKEN=bench-token FANGFEI_SIMULATOR=false
base=http://127.0.0.1:$port

app=""
start_app() {
  java -Xmx512m -jar target/fangfei.jar --server.port=$port >> "$work/app.log" 2>&1 &
  app=$!
  until curl -fs "$base/tip" >/dev/null; do
    kill -0 $app 2>/dev/null || { echo "app died, see $work/app.log"; exit 1; }
    sleep 0.1
  done
}
cleanup() {
  [ -n "$app" ] && kill $app 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT
start_app

echo "== warm-up (not counted): $rate/s for 30s"
load load "$base" "$rate" 30 "$work/warmup.txt"
redis-cli -p "$redis_port" flushall >/dev/null

echo "== web tip submissions at $rate/s for ${seconds}s (2 cores, load generator on the same machine)"
load load "$base" "$rate" "$seconds" "$work/steady.txt"
load verify "$base" "$work/steady.txt" "$FANGFEI_REDIS_URL"
redis-cli -p "$redis_port" flushall >/dev/null

echo "== kill -9 of the app 8s into a 20s burst at $rate/s, then restart"
load load "$base" "$rate" 20 "$work/kill.txt" &
loader=$!
sleep 8
kill -9 $app
wait $app 2>/dev/null || true
wait $loader
start_app
load verify "$base" "$work/kill.txt" "$FANGFEI_REDIS_URL"
redis-cli -p "$redis_port" flushall >/dev/null

echo "== Redis stopped 5s into a 20s burst at 200/s, app killed -9 with tips in its spool, both restarted"
load load "$base" 200 20 "$work/spool.txt" &
loader=$!
sleep 5
redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true
sleep 5
echo "spool before the kill: $(du -sh "$work/data/tip-spool" | cut -f1)"
kill -9 $app
wait $app 2>/dev/null || true
wait $loader
start_redis
start_app
for _ in $(seq 1 100); do
  [ -z "$(find "$work/data/tip-spool" -name '*.spool' -size +0 2>/dev/null)" ] && break
  sleep 0.2
done
load verify "$base" "$work/spool.txt" "$FANGFEI_REDIS_URL"
