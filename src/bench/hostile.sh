#!/usr/bin/env bash
# Hostile traffic against the packaged jar (README, "敌意流量"), replaying issue 10's denial-of-service
# findings with bounded loops on loopback:
#   2. 24 concurrent 25 MB multipart bodies to /login and 24 to /tip, while /api/ask is timed;
#   3. 200 health probes, 50 at a time, while "WeChat" refuses every token request, then while it
#      accepts connections and never answers;
#   4. 2,000 anonymous GET /tip (and 500 GET /login): what they leave in Redis.
# Prints heap, threads and latency. Starts its own Redis (redis-server from PATH) and a fake WeChat
# (python3) that counts token requests. Usage: src/bench/hostile.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=18093
work=target/bench-hostile
rm -rf "$work" && mkdir -p "$work/data"
[ "${1:-}" = "--no-build" ] || mvn -o -q -DskipTests package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
redis_port=$(free_port)
wechat_port=$(free_port)
silent_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --logfile "$PWD/$work/redis.log"
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done

# Fake WeChat: answers every token request with errcode 40164 (IP not whitelisted) and counts them;
# a second port accepts connections and never answers (WeChat unreachable).
cat > "$work/wechat.py" <<'EOF'
import http.server, socket, sys, threading, time
count = 0
class Refusing(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        global count
        if self.path.startswith('/cgi-bin/token') or self.path.startswith('/cgi-bin/stable_token'):
            count += 1
        body = b'{"errcode":40164,"errmsg":"invalid ip"}'
        if self.path == '/count':
            body = str(count).encode()
        self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *args): pass
def silent(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(512); held = []
    while True:
        held.append(s.accept()[0])
threading.Thread(target=silent, args=(int(sys.argv[2]),), daemon=True).start()
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Refusing).serve_forever()
EOF
python3 "$work/wechat.py" "$wechat_port" "$silent_port" &
wechat=$!

export FANGFEI_REDIS_URL=redis://127.0.0.1:$redis_port/0
export FANGFEI_DATA_KEY=QmVuY2htYXJrS2V5Rm9yVGlwT2Zmc0ZhbmdmZWkwMDE=
export FANGFEI_DATA_DIR=$work/data
export FANGFEI_WECHAT_APP_ID=wxhostile FANGFEI_WECHAT_SECRET=hostile FANGFEI_WECHAT_TOKEN=hostile-token
export FANGFEI_SIMULATOR=false
base=http://127.0.0.1:$port
app=""
start_app() {
  FANGFEI_WECHAT_API_HOST=$1 java -Xmx512m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$work" \
    -jar target/fangfei.jar --server.port=$port >> "$work/app.log" 2>&1 &
  app=$!
  until curl -fs "$base/tip" >/dev/null; do
    kill -0 $app 2>/dev/null || { echo "app died, see $work/app.log"; exit 1; }
    sleep 0.2
  done
}
stop_app() { kill $app; wait $app 2>/dev/null || true; app=""; }
cleanup() {
  [ -n "$app" ] && kill $app 2>/dev/null || true
  kill $wechat 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Heap after a full GC, heap capacity, and live threads of the app.
vitals() {
  local used
  jcmd $app GC.run >/dev/null
  used=$(jcmd $app GC.heap_info | awk '/total/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1); exit}')
  echo "heap used after GC ${used}, threads $(awk '/^Threads/ {print $2}' /proc/$app/status)"
}
# Percentiles (ms) of the times (s) in a file, one per line.
percentiles() {
  sort -n "$1" | awk '{t[NR]=$1*1000} END {printf "n=%d p50=%.0fms p99=%.0fms max=%.0fms\n", NR, t[int(NR*0.5)], t[int(NR*0.99)], t[NR]}'
}
ask_loop() {  # $1 seconds, $2 output
  local end=$((SECONDS + $1))
  : > "$2"
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{time_total}\n' "$base/api/ask?q=%E4%BB%80%E4%B9%88%E6%98%AF%E9%9D%9E%E6%B3%95%E9%9B%86%E8%B5%84" >> "$2"
  done
}

# A 25 MB multipart body: five 5 MB parts of random bytes, without a CSRF token.
python3 - "$work/body.bin" <<'EOF'
import os, sys
b = b'----hostile'
with open(sys.argv[1], 'wb') as f:
    for i in range(5):
        f.write(b'--' + b + b'\r\nContent-Disposition: form-data; name="files"; filename="f%d.pdf"\r\n' % i)
        f.write(b'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n' + os.urandom(5 * 1024 * 1024 - 9) + b'\r\n')
    f.write(b'--' + b + b'--\r\n')
EOF

start_app "http://127.0.0.1:$wechat_port"
echo "== idle: $(vitals)"
ask_loop 5 "$work/ask-idle.txt"
echo "   /api/ask alone: $(percentiles "$work/ask-idle.txt")"

echo "== point 2: 24 concurrent 25 MB multipart POST /login and 24 to /tip, /api/ask timed meanwhile"
ask_loop 20 "$work/ask-burst.txt" &
asker=$!
burst_start=$(date +%s.%N)
uploads=()
for path in /login /tip; do
  for i in $(seq 24); do
    curl -s -o /dev/null -w "$path %{http_code} %{time_total}\n" --max-time 60 \
      -H 'Content-Type: multipart/form-data; boundary=----hostile' --data-binary @"$work/body.bin" \
      "$base$path" >> "$work/burst.txt" &
    uploads+=($!)
  done
done
sleep 1
echo "   during the burst: $(vitals)"
wait "${uploads[@]}" || true
echo "   burst done in $(echo "$(date +%s.%N) - $burst_start" | bc | cut -c1-5)s; answers by path and status:"
awk '{k=$1" "$2; n[k]++; if ($3>m[k]) m[k]=$3} END {for (k in n) printf "     %s ×%d (slowest %.2fs)\n", k, n[k], m[k]}' "$work/burst.txt" | sort
wait $asker
echo "   /api/ask during the burst: $(percentiles "$work/ask-burst.txt")"
echo "   OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$work/app.log" || true)"
echo "   health after: $(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/liveness"), $(vitals)"
echo "   upload temp files left: $(find "$work/data/upload-tmp" -type f | wc -l)"

echo "== point 3: 200 health probes, 50 at a time, WeChat refusing every token"
before=$(curl -s "http://127.0.0.1:$wechat_port/count")
start=$(date +%s.%N)
seq 200 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{time_total}\n' "$base/actuator/health" > "$work/health-refusing.txt"
echo "   ${start:+took $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5)s}, $(percentiles "$work/health-refusing.txt")"
echo "   token requests to WeChat during the probes: $(( $(curl -s "http://127.0.0.1:$wechat_port/count") - before ))"
echo "   anonymous health body: $(curl -s "$base/actuator/health")"
stop_app

start_app "http://127.0.0.1:$silent_port"
echo "   (restarted with WeChat accepting connections and never answering)"
start=$(date +%s.%N)
seq 200 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{time_total}\n' --max-time 60 "$base/actuator/health" > "$work/health-silent.txt"
echo "   200 probes took $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5)s, $(percentiles "$work/health-silent.txt")"
echo "   liveness: $(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "$base/actuator/health/liveness"), $(vitals)"

echo "== point 4: 2,000 anonymous GET /tip and 500 GET /login"
redis-cli -p "$redis_port" flushall >/dev/null
keys_before=$(redis-cli -p "$redis_port" dbsize)
memory_before=$(redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/ {print $2}' | tr -d '\r')
start=$(date +%s.%N)
seq 2000 | xargs -P 8 -I{} curl -s -o /dev/null -w '%{time_total}\n' "$base/tip" > "$work/tip-get.txt"
seq 500 | xargs -P 8 -I{} curl -s -o /dev/null "$base/login"
echo "   2,000 GET /tip in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5)s, $(percentiles "$work/tip-get.txt")"
echo "   Redis keys: $keys_before before, $(redis-cli -p "$redis_port" dbsize) after"
memory_after=$(redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/ {print $2}' | tr -d '\r')
echo "   Redis used_memory grew by $(( (memory_after - memory_before) / 1024 )) KB"
echo "   Set-Cookie of GET /tip: $(curl -s -D - -o /dev/null "$base/tip" | grep -i '^set-cookie' | cut -d';' -f1 | tr -d '\r' || true)"
stop_app
