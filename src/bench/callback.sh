#!/usr/bin/env bash
# Benchmark of the residents' chat (README, "性能"): start-up time, engine speed, callback latency under
# a fixed rate of signed requests, and heap in use afterwards. Needs a Redis: FANGFEI_REDIS_URL or 127.0.0.1:6379.
# Usage: src/bench/callback.sh [RATE_PER_S] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-200}
seconds=${2:-60}
port=18080
questions=src/test/resources/eval/dev.tsv

mvn -q -DskipTests package
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "== engine alone"
java -cp "$cp" cn.fangfei.bench.AnswerSpeed content "$questions" 20 \
  src/test/resources/eval/holdout.tsv src/test/resources/eval/unseen.tsv src/test/resources/eval/calibration.tsv

echo "== start-up (-Xmx512m)"
export FANGFEI_REDIS_URL=${FANGFEI_REDIS_URL:-redis://127.0.0.1:6379/15}
export FANGFEI_WECHAT_APP_ID=wxbench FANGFEI_WECHAT_SECRET=bench FANGFEI_WECHAT_TOKEN=bench-token FANGFEI_SIMULATOR=false
export FANGFEI_DATA_KEY=${FANGFEI_DATA_KEY:-$(head -c 32 /dev/urandom | base64)}
started=$(date +%s%N)
java -Xmx512m -jar target/fangfei.jar --server.port=$port > target/bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/api/ask?q=%E4%B8%BE%E6%8A%A5" >/dev/null; do
  kill -0 $app 2>/dev/null || { echo "app died, see target/bench-app.log"; exit 1; }
  sleep 0.1
done
echo "ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"

echo "== callback at $rate/s for ${seconds}s"
java -cp "$cp" cn.fangfei.bench.CallbackLoad "http://127.0.0.1:$port" bench-token "$rate" "$seconds" "$questions"

echo "== heap after the run"
jcmd $app GC.run >/dev/null
jcmd $app GC.heap_info | grep -E "total|used" | head -3
