#!/bin/bash
# usage: loadbench.sh SERVER_BIN CLIENT_BIN PORT [loadtest flags...]
# A fresh data directory and server per run; FSYNC_DELAY_US=N runs the server under
# strace, which delays every fsync/fdatasync by N microseconds (a slow disk).
set -eu
srv=$1 cli=$2 port=$3; shift 3
d=$(mktemp -d)
# Under strace the server is strace's child: stop it too, or strace waits for it.
# Every step may fail (no child, already gone): under set -e a failed step would end
# the trap and leave the server running, holding the lock flock gave it.
trap 'pkill -P $pid 2>/dev/null || true; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$d"' EXIT
ssh-keygen -q -t ed25519 -N "" -f "$d/fac"
mkdir -p "$d/data"; cp "$d/fac.pub" "$d/facilitators"
out=$("$srv" session new --data "$d/data" --title Load --audience developers)
code=$(printf '%s\n' "$out" | grep -o '[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -1)
set -- --addr 127.0.0.1:$port --code "$code" --facilitator-key "$d/fac" "$@"
pprof=()
if [ -n "${PROFILE:-}" ]; then
  pprof=(--pprof 127.0.0.1:$((port+1)))
  set -- "$@" --server-pprof 127.0.0.1:$((port+1)) --notes-profile "$PROFILE" --client-profile "$PROFILE.client"
fi
if [ -n "${FSYNC_DELAY_US:-}" ]; then
  strace -f -qq --seccomp-bpf -e trace=fsync,fdatasync -e inject=fsync,fdatasync:delay_exit=$FSYNC_DELAY_US -o /dev/null \
    "$srv" serve --addr 127.0.0.1:$port --data "$d/data" --facilitators "$d/facilitators" --max-conns-per-ip 1100 --max-handshakes-per-ip 256 --max-participants 1100 --note-burst 10 "${pprof[@]}" >"$d/log" 2>&1 &
else
  "$srv" serve --addr 127.0.0.1:$port --data "$d/data" --facilitators "$d/facilitators" --max-conns-per-ip 1100 --max-handshakes-per-ip 256 --max-participants 1100 --note-burst 10 "${pprof[@]}" >"$d/log" 2>&1 &
fi
pid=$!
for i in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
"$cli" loadtest "$@" || true
