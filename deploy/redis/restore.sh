#!/usr/bin/env bash
# Restores a backup made by backup.sh into the docker compose Redis, replacing ALL its data.
# Usage: deploy/redis/restore.sh deploy/backup/20250101-030000
# Stops app1, app2 and Redis (nginx answers "请稍后再试" meanwhile), puts the files back, starts Redis,
# shows the number of tips, and starts the app again after you confirm.
set -euo pipefail
[ $# -eq 1 ] && [ -f "$1/dump.rdb" ] || { echo "usage: $0 <backup directory containing dump.rdb>" >&2; exit 2; }
src=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."

read -r -p "Replace ALL data in Redis with $src ? Type yes: " answer
[ "$answer" = yes ] || exit 1

docker compose stop app1 app2 redis

# In a one-off container with the redis-data volume at /data and the backup at /backup.
docker compose run --rm --no-deps -T -v "$src:/backup:ro" --entrypoint sh redis -c '
  set -e
  unset REDISCLI_AUTH
  rm -rf /data/appendonlydir /data/dump.rdb /data/temp-*
  cp /backup/dump.rdb /data/dump.rdb
  if [ -f /backup/appendonlydir/appendonly.aof.manifest ]; then
    echo "restoring the AOF directory and dump.rdb"
    cp -r /backup/appendonlydir /data/appendonlydir
  else
    # Only dump.rdb: with appendonly yes Redis would start empty and ignore it. Load it once without
    # AOF, let Redis write a new AOF from memory, then stop.
    echo "restoring dump.rdb and rebuilding the AOF from it"
    redis-server --dir /data --appendonly no --save "" --port 6380 --bind 127.0.0.1 --daemonize yes --logfile /data/restore.log
    until [ "$(redis-cli -p 6380 ping 2>/dev/null)" = PONG ]; do sleep 1; done
    redis-cli -p 6380 CONFIG SET appendonly yes >/dev/null
    sleep 1
    until redis-cli -p 6380 INFO persistence | tr -d "\r" | grep -q "^aof_rewrite_in_progress:0" \
          && redis-cli -p 6380 INFO persistence | tr -d "\r" | grep -q "^aof_rewrite_scheduled:0" \
          && ls /data/appendonlydir/*.base.rdb >/dev/null 2>&1; do sleep 1; done
    redis-cli -p 6380 SHUTDOWN >/dev/null 2>&1 || true
    while [ -n "$(redis-cli -p 6380 ping 2>/dev/null)" ]; do sleep 1; done
    rm -f /data/restore.log
  fi
  chown -R redis:redis /data
'

docker compose up -d --wait redis
echo "tips in ff:tip:stream now: $(docker compose exec -T redis redis-cli XLEN ff:tip:stream | tr -d '\r')"
[ -f "$src/xlen-ff-tip-stream.txt" ] && echo "tips at backup time:       $(cat "$src/xlen-ff-tip-stream.txt")"

read -r -p "Start app1 and app2 again? Type yes: " answer
[ "$answer" = yes ] && docker compose up -d app1 app2
