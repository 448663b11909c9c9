#!/bin/sh
# Makes CourseDesk's class-data-sharing (AppCDS) archive for the Linux packages, and a copy of
# the app image that ships it. Called by packaging/installer.xml (Linux only).
#
# Why this way: on Java 17 an archive of application classes is used only when the class path
# at run time is exactly the one it was made with: the same absolute paths, and jar files of the
# same size and modification time (Java 19 and later can relocate archives; 17 cannot). The
# packages install to a fixed place, /opt/coursedesk, so the training run starts the app from a
# copy at exactly that place with every file stamped with one time, EPOCH; installer.xml then
# builds the .deb with SOURCE_DATE_EPOCH=EPOCH, so dpkg-deb records that same time for every
# file, and the installed jars match the archive.
#
# The training run opens the window (under Xvfb when there is no display) and leaves by itself
# once the sign-in screen is drawn (-Dcoursedesk.exitAfterStartup=true); a second run with
# -Xshare:on proves that the archive loads from the install location.
#
# Usage: cds-train.sh IMAGE INSTALL_DIR OUT_IMAGE EPOCH
#   IMAGE        the app image made by jpackage (.../image/CourseDesk)
#   INSTALL_DIR  where the packages install it (/opt/coursedesk); it must be missing or empty,
#                and creatable or writable (in CI: sudo install -d -o "$USER" /opt/coursedesk);
#                it is emptied again (or removed, if this script made it) afterwards
#   OUT_IMAGE    made: IMAGE plus lib/app/coursedesk.jsa and the launcher option that loads it
#   EPOCH        seconds since 1970, the modification time given to every file
# Exit 0: OUT_IMAGE is ready. Exit 3: skipped, reason printed (the packages ship without the
# archive). Anything else: the training or the check failed.
set -eu

if [ $# -ne 4 ]; then
  echo "usage: $0 IMAGE INSTALL_DIR OUT_IMAGE EPOCH" >&2
  exit 2
fi
image=$1
install_dir=$2
out_image=$3
epoch=$4
launcher_rel=bin/CourseDesk

skip() {
  echo "cds-train: skipped: $*" >&2
  echo "cds-train: the Linux packages are built without the AppCDS archive" >&2
  exit 3
}

[ -x "$image/$launcher_rel" ] || { echo "cds-train: no launcher at $image/$launcher_rel" >&2; exit 1; }

# A display for the window: the one we have, or a private Xvfb (xvfb-run also needs xauth).
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 && command -v xauth >/dev/null 2>&1 \
    || skip "no DISPLAY, and no xvfb-run and xauth to make one (apt-get install xvfb xauth)"
fi

# Runs the installed launcher with a display, its own home and data folder (nothing of the
# builder's is touched), extra JVM options $1 and a time limit.
run_app() {
  jvm_options=$1
  data_dir=$2
  set -- env HOME="$work/home" XDG_DATA_HOME= XDG_CONFIG_HOME= XDG_CACHE_HOME= \
    JAVA_TOOL_OPTIONS="$jvm_options" "$install_dir/$launcher_rel" --data-dir "$data_dir"
  if [ -n "${DISPLAY:-}" ]; then
    timeout 180 "$@"
  else
    timeout 180 xvfb-run -a -s "-screen 0 1280x1024x24" "$@"
  fi
}

created_dir=no
if [ -e "$install_dir" ]; then
  [ -d "$install_dir" ] && [ -w "$install_dir" ] || skip "$install_dir exists but is not a writable folder"
  [ -z "$(ls -A "$install_dir")" ] || skip "$install_dir is not empty (is CourseDesk installed on this machine?)"
else
  mkdir "$install_dir" 2>/dev/null || skip "cannot create $install_dir (needs write access to $(dirname "$install_dir"))"
  created_dir=yes
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/coursedesk-cds.XXXXXX")
cleanup() {
  if [ "$created_dir" = yes ]; then
    rm -rf "$install_dir"
  else
    find "$install_dir" -mindepth 1 -delete 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The app at its install location, every file stamped with EPOCH.
cp -a "$image/." "$install_dir/"
find "$install_dir" -exec touch -h -d "@$epoch" {} +
archive="$install_dir/lib/app/coursedesk.jsa"

# The training run.
mkdir -p "$work/home" "$work/data" "$work/check"
echo "cds-train: training run: $install_dir/$launcher_rel (to the sign-in window, then exit)"
start=$(date +%s)
if ! run_app "-XX:ArchiveClassesAtExit=$archive -Dcoursedesk.exitAfterStartup=true" "$work/data" \
    >"$work/train.log" 2>&1; then
  echo "cds-train: the training run failed; its output:" >&2
  tail -n 40 "$work/train.log" >&2
  exit 1
fi
[ -s "$archive" ] || { echo "cds-train: the training run wrote no archive" >&2; tail -n 40 "$work/train.log" >&2; exit 1; }
echo "cds-train: archive $(du -h "$archive" | cut -f1) in $(( $(date +%s) - start )) s"

# Proof that it loads from the install location: -Xshare:on makes any mismatch fatal.
if ! run_app "-Xshare:on -XX:SharedArchiveFile=$archive -Dcoursedesk.exitAfterStartup=true" "$work/check" \
    >"$work/check.log" 2>&1; then
  echo "cds-train: the archive does not load at $install_dir:" >&2
  tail -n 40 "$work/check.log" >&2
  exit 1
fi
echo "cds-train: the archive loads at $install_dir (checked with -Xshare:on)"

# The image the packages are made from: the app image, the archive, and the launcher option.
rm -rf "$out_image"
mkdir -p "$out_image"
cp -a "$image/." "$out_image/"
cp "$archive" "$out_image/lib/app/coursedesk.jsa"
for cfg in "$out_image"/lib/app/*.cfg; do
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/coursedesk.jsa|' "$cfg"
  grep -q 'SharedArchiveFile' "$cfg" || { echo "cds-train: no [JavaOptions] in $cfg" >&2; exit 1; }
done
find "$out_image" -exec touch -h -d "@$epoch" {} +
echo "cds-train: $out_image ships the archive"
