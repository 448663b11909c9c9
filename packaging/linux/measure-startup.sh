#!/usr/bin/env bash
# Cold start of the installed CourseDesk to its sign-in window, with and without the
# class-data-sharing (AppCDS) archive that the .deb ships (README, Installers).
#
# Each run: the page cache is dropped (a cold start, as after a reboot; skipped with a note
# where the kernel refuses), the installed launcher starts with a new, empty data folder, and
# the time is taken from just before the process starts to the moment a visible window titled
# CourseDesk exists (polled every 20 ms with xdotool; `xdotool search --sync` polls too slowly
# to tell these apart). The CPU time the process used by then is read from /proc as well: it
# varies less than the wall time on a busy machine. "Without" removes the archive's line from
# the launcher's configuration (the JDK's own archive stays in use); the rounds alternate the
# two, so a change in the machine's load hits both alike. Prints every run and the medians.
#
# Needs the .deb installed, root (it edits /opt/coursedesk/lib/app/CourseDesk.cfg and puts it
# back, and drops the page cache), Xvfb and xdotool.
#
# Usage: packaging/linux/measure-startup.sh [RUNS]     (RUNS per variant, default 5)
#   COURSEDESK_CI_ARTIFACTS  where startup.csv goes (default: /tmp/coursedesk-ci)
set -euo pipefail

runs=${1:-5}
launcher=/opt/coursedesk/bin/CourseDesk
cfg=/opt/coursedesk/lib/app/CourseDesk.cfg
artifacts=${COURSEDESK_CI_ARTIFACTS:-/tmp/coursedesk-ci}
[ -x "$launcher" ] || { echo "install the .deb first: $launcher is missing" >&2; exit 2; }
grep -q SharedArchiveFile "$cfg" || { echo "$cfg has no SharedArchiveFile line: nothing to compare" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run as root (it edits $cfg and drops the page cache)" >&2; exit 2; }
mkdir -p "$artifacts"

work=$(mktemp -d /tmp/coursedesk-startup.XXXXXX)
cp -p "$cfg" "$work/with.cfg"
grep -v SharedArchiveFile "$cfg" >"$work/without.cfg"
app_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  cp -p "$work/with.cfg" "$cfg"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

display=""
for n in $(seq 121 150); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

cold=yes
drop_caches() {
  sync
  if [ "$cold" = yes ] && ! (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
    cold=no
    echo "note: the page cache cannot be dropped here: these are warm starts" >&2
  fi
}

# One start: prints "wall_ms cpu_ms".
start_once() {
  local data=$work/data-$RANDOM$RANDOM
  mkdir -p "$work/home"
  drop_caches
  local t0
  t0=$(date +%s%N)
  env -i PATH=/usr/bin:/bin HOME="$work/home" DISPLAY="$display" LANG=C.UTF-8 \
    "$launcher" --data-dir "$data" >/dev/null 2>&1 &
  app_pid=$!
  local deadline=$(( $(date +%s) + 60 ))
  until DISPLAY=$display xdotool search --onlyvisible --name '^CourseDesk$' >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no window within 60 s" >&2; exit 1; }
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited before showing its window" >&2; exit 1; }
    sleep 0.02
  done
  local t1 stat
  t1=$(date +%s%N)
  read -r -a stat <"/proc/$app_pid/stat"
  local ticks
  ticks=$(getconf CLK_TCK)
  echo "$(( (t1 - t0) / 1000000 )) $(( (stat[13] + stat[14]) * 1000 / ticks ))"
  kill -TERM "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  rm -rf "$data"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "variant,run,wall_ms,cpu_ms" >"$artifacts/startup.csv"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_once >/dev/null  # one unmeasured start: fontconfig and GTK caches of the new HOME
for run in $(seq 1 "$runs"); do
  for variant in with without; do
    cp "$work/$variant.cfg" "$cfg"
    start_once >"$work/result"
    read -r wall cpu <"$work/result"
    echo "$variant,$run,$wall,$cpu" >>"$artifacts/startup.csv"
    printf '%-8s run %d: %5d ms to the sign-in window (%5d ms CPU)\n' "$variant" "$run" "$wall" "$cpu"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in with without; do
  wall=$(grep "^$variant," "$artifacts/startup.csv" | cut -d, -f3 | median)
  cpu=$(grep "^$variant," "$artifacts/startup.csv" | cut -d, -f4 | median)
  echo "median $variant archive: ${wall} ms to the window, ${cpu} ms CPU ($([ "$cold" = yes ] && echo cold || echo warm), $runs runs)"
done
echo "runs: $artifacts/startup.csv"
