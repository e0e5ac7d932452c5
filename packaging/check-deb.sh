#!/usr/bin/env bash
# Builds the Debian package of a (release) build tree, installs it with apt,
# runs each program it ships with --version, checks the desktop files are where
# they belong and that every program has its man page (gzip -9n, as Debian
# policy wants, and rendering without a groff warning), then removes the
# package again (and any dependency apt pulled in for it), also when a step
# fails. Exits non-zero on any failure.
#
# Usage: packaging/check-deb.sh BUILD_DIR
# Needs root or sudo, dpkg-dev (dpkg-shlibdeps) and apt; see scripts/setup.sh.
set -euo pipefail

PKG=machina-console
APP_ID=io.github.machina.Console
EXPECTED_FILES=(
    "/usr/share/applications/${APP_ID}.desktop"
    "/usr/share/metainfo/${APP_ID}.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/machina-console.svg"
)

say() { printf 'check-deb: %s\n' "$*"; }
fail() { printf 'check-deb: FAILED: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
BUILD_DIR=$(cd "$1" && pwd) || fail "no such build directory: $1"
[ -f "$BUILD_DIR/CPackConfig.cmake" ] ||
    fail "$BUILD_DIR/CPackConfig.cmake missing: configure the project there first"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "run as root or install sudo"
    SUDO="sudo"
fi
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps missing (package dpkg-dev)"

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD_DIR/CMakeCache.txt")
case "$build_type" in
    Release|RelWithDebInfo|MinSizeRel) ;;
    *) say "warning: CMAKE_BUILD_TYPE is '${build_type}', not a release build" ;;
esac

if dpkg-query -W -f='${db:Status-Abbrev}' "$PKG" 2>/dev/null | grep -q '^ii'; then
    fail "$PKG is already installed; remove it first: apt-get remove $PKG"
fi

installed_packages() {
    dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 == "ii" { print $2 }' | sort
}

# ---- build the package ------------------------------------------------------
say "building $BUILD_DIR"
cmake --build "$BUILD_DIR" --parallel "${JOBS:-2}"

OUT_DIR="$BUILD_DIR/packaging/deb"
rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
t0=$(date +%s.%N)
(cd "$BUILD_DIR" && cpack -G DEB -B "$OUT_DIR")
t1=$(date +%s.%N)

shopt -s nullglob
debs=("$OUT_DIR"/*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb in $OUT_DIR, found ${#debs[@]}"
DEB=${debs[0]}
say "package: $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb -f "$DEB" | sed 's/^/    /'
version=$(dpkg-deb -f "$DEB" Version)
upstream_version=${version%%-*}

# Every program the package ships in /usr/bin.
mapfile -t programs < <(dpkg-deb -c "$DEB" | awk '{ print $NF }' |
    sed -n 's|^\./usr/bin/\([^/][^/]*\)$|\1|p' | sort)
[ ${#programs[@]} -gt 0 ] || fail "the package ships no program in /usr/bin"

# ---- man pages, checked in the .deb itself ---------------------------------
# Debian policy 12.1 (and lintian's binary-without-manpage, manpage-not-
# compressed, package-contains-timestamped-gzip): every program in /usr/bin
# has a page in /usr/share/man/man1, compressed with `gzip -9n`: a gzip
# header without a file name or time stamp, best compression, mode 0644,
# owned by root. Read from the package, so a dpkg path-exclude for
# /usr/share/man on this machine cannot hide a page.
deb_listing=$(dpkg-deb -c "$DEB")
man_work="$OUT_DIR/man-check"
mkdir -p "$man_work"
for program in "${programs[@]}"; do
    page="usr/share/man/man1/$program.1.gz"
    entry=$(awk -v p="./$page" '$NF == p' <<<"$deb_listing")
    [ -n "$entry" ] || fail "/$page is not in the package: $program has no man page"
    read -r mode owner _ <<<"$entry"
    [ "$mode" = "-rw-r--r--" ] || fail "/$page has mode $mode, not -rw-r--r--"
    [ "$owner" = "root/root" ] || fail "/$page is owned by $owner, not root/root"
    dpkg-deb --fsys-tarfile "$DEB" | tar -xO "./$page" >"$man_work/page.gz" ||
        fail "cannot extract /$page from the package"
    gzip -t "$man_work/page.gz" || fail "/$page is not valid gzip"
    # Bytes 3-8 of the header: flags (no FNAME), mtime 0, XFL 2 (gzip -9).
    header=$(od -An -tx1 -j3 -N6 "$man_work/page.gz" | tr -d ' \n')
    [ "$header" = "000000000002" ] ||
        fail "/$page is not compressed with gzip -9n (header bytes 3-8: $header)"
    if command -v groff >/dev/null; then
        warnings=$(gzip -dc "$man_work/page.gz" | groff -man -ww -Tutf8 -z 2>&1)
        [ -z "$warnings" ] || fail "/$page: groff -man -ww warns: $warnings"
    else
        say "note: groff not installed, /$page not rendered"
    fi
    say "man page: /$page ($(du -b "$man_work/page.gz" | cut -f1) bytes, gzip -9n)"
done
rm -rf "$man_work"

# ---- install, and remove again whatever happens -----------------------------
before=$(mktemp)
installed_packages >"$before"

cleanup() {
    local rc=$?
    say "removing $PKG"
    local pulled
    pulled=$(comm -13 "$before" <(installed_packages) | grep -vx -e "$PKG" -e "$PKG:.*" || true)
    # shellcheck disable=SC2086 # $pulled is a list of package names
    if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PKG" $pulled; then
        say "could not remove $PKG: apt-get remove $PKG $pulled"
        rc=1
    fi
    [ -z "$pulled" ] || say "also removed what apt pulled in for it: $pulled"
    if dpkg-query -W -f='${db:Status-Abbrev}' "$PKG" 2>/dev/null | grep -q '^ii'; then
        say "$PKG is still installed"
        rc=1
    fi
    rm -f "$before"
    if [ $rc -eq 0 ]; then say "OK"; else say "FAILED"; fi
    exit $rc
}
trap cleanup EXIT

t2=$(date +%s.%N)
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" ||
    fail "apt-get install $DEB"
t3=$(date +%s.%N)

# ---- check it ---------------------------------------------------------------
file_list=$(dpkg -L "$PKG")
for program in "${programs[@]}"; do
    path="/usr/bin/$program"
    [ -x "$path" ] || fail "$path is listed but not an executable"
    # --version must not need a display (the GUI) nor a session bus.
    out=$(QT_QPA_PLATFORM=offscreen timeout 30 "$path" --version 2>&1) ||
        fail "$path --version exited with $?: $out"
    say "ran $path --version: $out"
    case "$out" in
        *"$upstream_version"*) ;;
        *) fail "$path --version does not report $upstream_version" ;;
    esac
done
for program in machina-console machina-mail; do
    case " ${programs[*]} " in
        *" $program "*) ;;
        *) say "note: $program is not in this package (not built yet?)" ;;
    esac
done

for f in "${EXPECTED_FILES[@]}"; do
    grep -qxF "$f" <<<"$file_list" || fail "$f is not in the package (dpkg -L $PKG)"
    [ -s "$f" ] || fail "$f is not installed"
    say "installed: $f"
done
for program in "${programs[@]}"; do
    f="/usr/share/man/man1/$program.1.gz"
    if grep -qxF "$f" <<<"$file_list" && [ -s "$f" ]; then
        say "installed: $f"
    else
        # Slim images drop /usr/share/man (dpkg path-exclude); the page was checked in the .deb.
        say "note: $f is not on disk after installing (a dpkg path-exclude?)"
    fi
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "${EXPECTED_FILES[0]}" || fail "desktop-file-validate ${EXPECTED_FILES[0]}"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --pedantic --no-net "${EXPECTED_FILES[1]}" >/dev/null ||
        fail "appstreamcli validate --pedantic ${EXPECTED_FILES[1]}"
fi

say "Depends: $(dpkg-deb -f "$DEB" Depends)"
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
say "cpack took $(elapsed "$t0" "$t1") s, apt-get install took $(elapsed "$t2" "$t3") s"
