#!/usr/bin/env bash
# Backs up the docker compose Redis: a fresh RDB snapshot (dump.rdb) and the AOF directory (appendonlydir/),
# into deploy/backup/<date-time>/. Safe while the app runs. Usage: deploy/redis/backup.sh
# The backup holds tips encrypted with FANGFEI_DATA_KEY: keep the keys (not in the backup) safely elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

rc() { docker compose exec -T redis redis-cli "$@" | tr -d '\r'; }
persistence() { rc INFO persistence | sed -n "s/^$1://p"; }

dest="backup/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dest"

# 1. RDB snapshot: a consistent point-in-time copy of everything.
before=$(rc LASTSAVE)
sleep 1   # LASTSAVE counts in seconds: ours must end in a later second than the previous one
# SCHEDULE: if an AOF rewrite is running, the snapshot starts right after it. If another snapshot is
# already running, this one is refused and the running one is waited for instead: also a good backup.
rc BGSAVE SCHEDULE >/dev/null || true
for _ in $(seq 1 600); do
  [ "$(rc LASTSAVE)" != "$before" ] && break
  sleep 1
done
if [ "$(rc LASTSAVE)" = "$before" ] || [ "$(persistence rdb_last_bgsave_status)" != ok ]; then
  echo "BGSAVE did not finish; see: docker compose logs redis" >&2
  exit 1
fi
docker compose cp redis:/data/dump.rdb "$dest/dump.rdb"

# 2. AOF directory, with automatic AOF rewrites paused so the files do not change under the copy.
old_pct=$(rc CONFIG GET auto-aof-rewrite-percentage | sed -n 2p)
rc CONFIG SET auto-aof-rewrite-percentage 0 >/dev/null
trap 'rc CONFIG SET auto-aof-rewrite-percentage "$old_pct" >/dev/null' EXIT
until [ "$(persistence aof_rewrite_in_progress)" = 0 ] && [ "$(persistence aof_rewrite_scheduled)" = 0 ]; do
  sleep 1
done
docker compose cp redis:/data/appendonlydir "$dest/appendonlydir"

# 3. Numbers to compare with after a restore.
rc XLEN ff:tip:stream > "$dest/xlen-ff-tip-stream.txt"
rc DBSIZE > "$dest/dbsize.txt"
echo "backup written to deploy/$dest (tips in ff:tip:stream: $(cat "$dest/xlen-ff-tip-stream.txt"), keys: $(cat "$dest/dbsize.txt"))"
