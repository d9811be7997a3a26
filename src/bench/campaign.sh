#!/usr/bin/env bash
# Benchmark of campaign fan-out (README, "性能"): one reminder to 10,000 and then 100,000 subscribers
# through the app's sender against a local fake WeChat API. Prints, per run, the rate reached, duplicates
# and missed subscribers (both must be 0) and the live heap after GC at 25/50/75% of the run.
# Needs a Redis: FANGFEI_REDIS_URL or redis://127.0.0.1:6379/15 (its ff:campaign:* keys are deleted).
# Usage: src/bench/campaign.sh [RATE_PER_S] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate=${1:-1000}
threads=${2:-8}

mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
export FANGFEI_REDIS_URL=${FANGFEI_REDIS_URL:-redis://127.0.0.1:6379/15}

echo "== at the configured rate ($rate/s, $threads threads, -Xmx256m)"
java -Xmx256m -cp "$cp" cn.fangfei.bench.CampaignFanOut "$rate" "$threads" 10000 100000

echo "== with no rate limit, to show the ceiling of this machine"
java -Xmx256m -cp "$cp" cn.fangfei.bench.CampaignFanOut 1000000 "$threads" 10000 100000
