#!/usr/bin/env bash
# The installed-package smoke test (Linux; run by .ci/run after the tests; README, Installers).
#
#  1. builds the .deb (mvn -Pinstaller), unless --deb FILE is given;
#  2. installs it with dpkg (apt-get install -f if a dependency is missing), checks the menu entry;
#  3. starts the installed app under Xvfb as a fresh user (an empty HOME), waits for the
#     sign-in window by its title and takes a screenshot;
#  4. signs in to the demo sandbox with the installed command line, syncs, prints the status;
#  5. checks that the app wrote only under that user's folders: nothing in /opt/coursedesk,
#     nothing in Java's temporary folder, nothing in HOME outside ~/.local/share/coursedesk;
#  6. uninstalls it: the package is gone, and so are /opt/coursedesk and the menu entry.
#
# Needs root, or sudo for dpkg; and Xvfb, xdotool, ImageMagick's import, unzip (.ci/run
# installs them). Every step has a time limit.
#
# Usage: packaging/linux/smoke-test.sh [--deb FILE]
#   COURSEDESK_BUILD_DIR     Maven's build folder (default: ./target), as -Dcoursedesk.build.dir
#   COURSEDESK_CI_ARTIFACTS  where the screenshot and logs go (default: /tmp/coursedesk-ci)
#   COURSEDESK_SMOKE_MENU    "desktop" (default): give a bare system the folders of a desktop's
#                            menu for the test, so the menu entry is installed and removed;
#                            "none": leave it without (the package installs, with no menu entry)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${COURSEDESK_BUILD_DIR:-$repo/target}
artifacts=${COURSEDESK_CI_ARTIFACTS:-/tmp/coursedesk-ci}
install_dir=/opt/coursedesk
launcher=$install_dir/bin/CourseDesk
deb=""
if [ "${1:-}" = "--deb" ] && [ -n "${2:-}" ]; then
  deb=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--deb FILE]" >&2
  exit 2
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
started=$(date +%s)
work=$(mktemp -d /tmp/coursedesk-smoke.XXXXXX)
rm -rf "$artifacts"
mkdir -p "$artifacts"
gui_pid=""
xvfb_pid=""
installed_here=no
made_dirs=()

step() { printf '\n== [%3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

cleanup() {
  local rc=$?
  [ -n "$gui_pid" ] && kill -KILL "$gui_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ "$installed_here" = yes ] && dpkg-query -W -f='${Status}' coursedesk 2>/dev/null | grep -q installed; then
    echo "cleanup: removing the coursedesk package" >&2
    timeout 120 $SUDO dpkg -P coursedesk >/dev/null 2>&1 || true
  fi
  for dir in "${made_dirs[@]}"; do $SUDO rmdir "$dir" 2>/dev/null || true; done
  rm -rf "$work"
  if [ $rc -ne 0 ]; then
    echo "logs and screenshots so far: $artifacts" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dpkg Xvfb xdotool import unzip timeout; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (see .ci/run for the packages)"
done

# The user the app runs as: an empty home (HOME for native code, user.home for Java, which
# otherwise reads it from /etc/passwd), a clean environment, and Java's temporary folder moved
# to a folder of our own, so that anything the app writes there is seen. as_user execs (the
# process keeps the caller's id), so call it in a subshell: (as_user CMD...).
home=$work/home
java_tmp=$work/java-tmp
mkdir -p "$home" "$java_tmp"
as_user() {
  exec env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" LANG=C.UTF-8 ${DISPLAY_FOR_APP:+DISPLAY=$DISPLAY_FOR_APP} \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.io.tmpdir=$java_tmp ${EXTRA_JVM_OPTIONS:-}" "$@"
}

# ---------------------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' coursedesk 2>/dev/null | grep -q installed; then
  step "coursedesk is installed already: removing it first"
  timeout 120 $SUDO dpkg -P coursedesk
fi

if [ -z "$deb" ]; then
  step "building the .deb: mvn -B -Pinstaller -DskipTests package (build folder $build_dir)"
  # The class-data-sharing training run starts the app from /opt/coursedesk
  # (packaging/linux/cds-train.sh): without root, that folder must exist and be ours.
  if [ -n "$SUDO" ] && [ ! -e "$install_dir" ]; then
    $SUDO install -d -o "$(id -u)" -g "$(id -g)" "$install_dir"
  fi
  (cd "$repo" && timeout 600 mvn -B -Pinstaller -DskipTests "-Dcoursedesk.build.dir=$build_dir" package) \
    >"$artifacts/build.log" 2>&1 || { tail -n 60 "$artifacts/build.log" >&2; fail "the installer build failed"; }
  grep -E "jdeps:|cds-train|installers:|app image:|runtime:" "$artifacts/build.log" | sed 's/^\[[A-Z]*\] *//' || true
  deb=$(ls "$build_dir"/installer/installers/coursedesk_*.deb 2>/dev/null | sed -n 1p)
  [ -n "$deb" ] || fail "no .deb in $build_dir/installer/installers"
fi
echo "package: $deb ($(du -h "$deb" | cut -f1))"
# GTK for JavaFX's windows (libgtk-3-0t64 on newer Ubuntu), found by jpackage from the .so files.
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//')
for needed in 'libgtk-3-0(t64)?' 'libc6' 'xdg-utils'; do
  echo "$depends" | grep -Eq "^$needed( |$)" || fail "the package does not declare ${needed%%(*}"
done
version=$(dpkg-deb -f "$deb" Version)
pom_version=$(sed -n '/<artifactId>coursedesk<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' \
  "$repo/pom.xml" | sed -n 1p)
[ "${version%-*}" = "${pom_version%%-*}" ] || fail "package version $version is not the pom's $pom_version"

# ---------------------------------------------------------------------------------------------
# xdg-desktop-menu (the package's menu entry) wants these folders, which every desktop has and
# a bare CI machine lacks; the ones made here are removed at the end.
if [ "${COURSEDESK_SMOKE_MENU:-desktop}" = desktop ]; then
  for dir in /etc/xdg/menus /etc/xdg/menus/applications-merged /usr/share/desktop-directories; do
    if [ ! -d "$dir" ]; then $SUDO mkdir "$dir"; made_dirs=("$dir" "${made_dirs[@]}"); fi
  done
fi

step "installing: dpkg -i $(basename "$deb")"
installed_here=yes
if ! timeout 180 $SUDO dpkg -i "$deb" >"$artifacts/install.log" 2>&1; then
  echo "dpkg -i did not finish; resolving dependencies with apt-get install -f" | tee -a "$artifacts/install.log"
  timeout 300 $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$artifacts/install.log" 2>&1 \
    || { cat "$artifacts/install.log" >&2; fail "the package did not install"; }
fi
cat "$artifacts/install.log"
dpkg-query -W -f='${Status}' coursedesk | grep -q "install ok installed" || fail "coursedesk is not installed"
[ -x "$launcher" ] || fail "no launcher at $launcher"
implementation=$(unzip -p "$install_dir/lib/app/coursedesk.jar" META-INF/MANIFEST.MF | tr -d '\r' \
  | sed -n 's/^Implementation-Version: //p')
[ "$implementation" = "$pom_version" ] || fail "the installed jar says version '$implementation', the pom $pom_version"
echo "installed: coursedesk $version; About shows version $implementation (jar manifest)"
menu_entry=$(ls /usr/share/applications/*coursedesk*.desktop 2>/dev/null | sed -n 1p || true)
if [ "${COURSEDESK_SMOKE_MENU:-desktop}" = desktop ]; then
  [ -n "$menu_entry" ] || fail "no menu entry in /usr/share/applications"
  grep -qx 'Categories=Education;Office;' "$menu_entry" || fail "the menu entry is not under Education and Office"
  grep -qx "Exec=$launcher" "$menu_entry" || fail "the menu entry does not start $launcher"
fi
echo "menu entry: ${menu_entry:-none (this system has no desktop menu)}"
find "$install_dir" -printf '%p %s %T@\n' | sort >"$work/opt-before"

# ---------------------------------------------------------------------------------------------
step "starting the installed app under Xvfb as a new user (HOME=$home)"
display=""
for n in $(seq 91 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$artifacts/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
  DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break
  sleep 0.1
done
DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start on $display"

DISPLAY_FOR_APP=$display
launched=$(date +%s%N)
(as_user "$launcher") >"$artifacts/gui.log" 2>&1 &
gui_pid=$!  # the app itself: the subshell execs env, env execs the launcher
window=$(DISPLAY=$display timeout 90 xdotool search --sync --onlyvisible --name '^CourseDesk$' 2>/dev/null | sed -n 1p) \
  || { cat "$artifacts/gui.log" >&2; fail "no window titled CourseDesk within 90 s"; }
shown_ms=$(( ($(date +%s%N) - launched) / 1000000 ))
title=$(DISPLAY=$display xdotool getwindowname "$window")
echo "window $window titled '$title' shown ${shown_ms} ms after launch (the first start of a new user)"
kill -0 "$gui_pid" 2>/dev/null || fail "the app exited after showing its window"
sleep 3  # let the sign-in screen finish drawing
DISPLAY=$display timeout 30 import -window root "$artifacts/installed-signin.png"
colours=$(identify -format '%k' "$artifacts/installed-signin.png")
[ "$colours" -gt 50 ] || fail "the screenshot is nearly blank ($colours colours)"
echo "screenshot: $artifacts/installed-signin.png ($colours colours)"

step "closing the app"
kill -TERM "$gui_pid"
for _ in $(seq 1 150); do kill -0 "$gui_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$gui_pid" 2>/dev/null && { kill -KILL "$gui_pid"; fail "the app did not stop within 15 s of SIGTERM"; }
wait "$gui_pid" 2>/dev/null || true
gui_pid=""
DISPLAY_FOR_APP=""
user_data=$home/.local/share/coursedesk
[ -s "$user_data/logs/coursedesk.log" ] || fail "no log at $user_data/logs/coursedesk.log"
grep -q "CourseDesk starting" "$user_data/logs/coursedesk.log" || fail "the log does not record the start"
cp "$user_data/logs/coursedesk.log" "$artifacts/app-window.log"
echo "the app's data, settings and log: $user_data ($(cd "$user_data" && ls | tr '\n' ' '))"

# ---------------------------------------------------------------------------------------------
step "signing in to the demo sandbox with the installed command line"
cli_data=$work/cli-data
# Runs the installed launcher as the command line; its standard error is shown without the
# JVM's "Picked up JAVA_TOOL_OPTIONS" line and kept in cli.log.
cli() {
  local rc=0
  echo "\$ $launcher $* --data-dir $cli_data" >&2
  (as_user timeout 120 "$launcher" "$@" --data-dir "$cli_data") 2>"$work/cli.err" || rc=$?
  grep -v '^Picked up JAVA_TOOL_OPTIONS' "$work/cli.err" >&2 || true
  cat "$work/cli.err" >>"$artifacts/cli.log"
  return $rc
}
cli login --server demo --email ada@example.com --password-stdin <<<'learn-ada-2026' || fail "login failed"
cli sync || fail "sync failed"
cli status | tee "$artifacts/status.txt" || fail "status failed"
cli status --format json >"$artifacts/status.json" || fail "status --format json failed"
grep -q '"ada@example.com"' "$artifacts/status.json" || fail "status does not list ada@example.com"
grep -Eq '"purchases": *[1-9]' "$artifacts/status.json" || fail "status shows no synced purchases"
echo "status --format json: ada@example.com with her purchases synced ($artifacts/status.json)"
[ -s "$cli_data/logs/cli.log" ] || fail "the command line wrote no log to $cli_data/logs/cli.log"

if grep -q SharedArchiveFile "$install_dir"/lib/app/CourseDesk.cfg; then
  # -Xshare:on makes the JVM refuse to start if the shipped archive does not load.
  (EXTRA_JVM_OPTIONS=-Xshare:on as_user timeout 60 "$launcher" --help) >/dev/null 2>>"$artifacts/cli.log" \
    || fail "the shipped class-data-sharing archive does not load (see $artifacts/cli.log)"
  echo "class-data-sharing archive: shipped, and it loads ($install_dir/lib/app/coursedesk.jsa)"
else
  echo "class-data-sharing archive: not in this package"
fi

# ---------------------------------------------------------------------------------------------
step "checking that the app wrote only under the user's folders"
find "$install_dir" -printf '%p %s %T@\n' | sort >"$work/opt-after"
diff "$work/opt-before" "$work/opt-after" >"$artifacts/opt-changes.txt" \
  || { cat "$artifacts/opt-changes.txt" >&2; fail "files in $install_dir changed while the app ran"; }
echo "$install_dir: unchanged"
if [ -n "$(ls -A "$java_tmp")" ]; then
  ls -la "$java_tmp" >&2
  fail "the app wrote to Java's temporary folder"
fi
echo "Java's temporary folder: untouched"
echo "HOME: the app's own files are in .local/share/coursedesk ($(find "$user_data" -type f | wc -l) files)"
others=$(cd "$home" && find . -mindepth 1 -type f ! -path './.local/share/coursedesk/*')
[ -z "$others" ] || echo "HOME: other files (GTK, fontconfig and the like): $(echo "$others" | tr '\n' ' ')"
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its native libraries into ~/.openjfx instead of using the app's"

# ---------------------------------------------------------------------------------------------
step "uninstalling: dpkg -r coursedesk"
timeout 120 $SUDO dpkg -r coursedesk >"$artifacts/uninstall.log" 2>&1 \
  || { cat "$artifacts/uninstall.log" >&2; fail "dpkg -r failed"; }
cat "$artifacts/uninstall.log"
dpkg-query -W -f='${Status}' coursedesk 2>/dev/null | grep -q "install ok installed" && fail "coursedesk is still installed"
[ ! -e "$install_dir" ] || { find "$install_dir" | sed -n 1,10p >&2; fail "$install_dir is still there"; }
[ -z "$menu_entry" ] || [ ! -e "$menu_entry" ] || fail "the menu entry $menu_entry is still there"
timeout 60 $SUDO dpkg -P coursedesk >/dev/null 2>&1 || true
installed_here=no
echo "removed: no package, no $install_dir, no menu entry"

step "smoke test passed"
echo "package:    $deb ($(du -h "$deb" | cut -f1))"
echo "window:     ${shown_ms} ms after launch"
echo "screenshot: $artifacts/installed-signin.png"
