#!/usr/bin/env bash
# What an editor's change in the console costs (README, "性能"): the index rebuild that makes added
# phrasings live on an instance, with 0, 100, 1000 and 5000 of them, and the answer time afterwards.
# Needs no Redis. Usage: src/bench/overlay.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -q -DskipTests test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -Xmx512m -cp "$cp" cn.fangfei.bench.OverlayRebuild content 0 100 1000 5000
