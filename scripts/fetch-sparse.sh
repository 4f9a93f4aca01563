#!/bin/bash
# Debian sid's sparse SPARSE_VERSION, built for step d when the base's kernel
# refuses the machine's (7.3 validates the checker with checker-valid.sh and
# needs __typeof_unqual__, which Debian 12's sparse 0.6.4 lacks). The source
# package comes from the machine's own Debian mirror through a private apt
# state under $BUILD/apt-sparse (deb-src ... sid main; /etc/apt untouched);
# `make sparse` needs only gcc and make. Built into
# $BUILD/tools/sparse-$SPARSE_VERSION/sparse; skipped while that binary and
# its version stamp are there. stdout: the binary's path, nothing else.
STEP=fetch-sparse
. "$(dirname "$0")/lib.sh"

# Pinned so that step d is reproducible. sid moves: when it drops this
# version, set the one it has (apt-cache showsrc in the failure's log).
SPARSE_VERSION=0.6.5~rc1-2

exec 3>&1 1>&2
upstream=${SPARSE_VERSION%-*}  # 0.6.5~rc1
dir=$BUILD/tools/sparse-$SPARSE_VERSION
bin=$dir/sparse
if [ -x "$bin" ] && [ "$(cat "$dir/.version" 2>/dev/null)" = "$SPARSE_VERSION" ]; then
	say "sparse $SPARSE_VERSION (Debian sid): already built, $(rel "$bin")"
	echo "$bin" >&3
	exit 0
fi
for t in gcc make; do command -v $t >/dev/null || die "no $t: building sparse needs gcc and make (scripts/deps.sh installs them)"; done

mirror=$(debian_mirror) || exit 1
apt_dir=$BUILD/apt-sparse
private_apt "$apt_dir" "deb-src [signed-by=$DEBIAN_KEYRING] $mirror sid main"
mkdir -p "$LOGS"
ulog=$LOGS/fetch-sparse-update.log
apt_update "$ulog" "apt-get update: sid sources from $mirror (private lists in $(rel "$apt_dir"))" ||
	die "apt-get update of sid (deb-src) from $mirror failed (log: $(rel "$ulog"))"
slog=$LOGS/fetch-sparse-showsrc.log
apt-cache "${APT[@]}" showsrc sparse >"$slog" 2>&1 || true
if ! grep -qx "Version: $SPARSE_VERSION" "$slog"; then
	have=$(awk '/^Version:/ { print $2 }' "$slog" | paste -sd ' ')
	die "sparse $SPARSE_VERSION is no longer in sid on $mirror (sid has: ${have:-none}): update the pin SPARSE_VERSION in scripts/fetch-sparse.sh (log: $(rel "$slog"))"
fi

# apt-get source checks every file against the hashes of the Sources index,
# which the Release file signed by the Debian archive key covers; the orig
# tarball is checked once more against the .dsc's Checksums-Sha256 below.
src=$apt_dir/src
rm -rf "$src"
mkdir -p "$src"
dlog=$LOGS/fetch-sparse-download.log
run_log "$dlog" "apt-get source --download-only sparse=$SPARSE_VERSION (sid)" \
	env -C "$src" apt-get "${APT[@]}" source --download-only "sparse=$SPARSE_VERSION" ||
	die "apt-get source sparse=$SPARSE_VERSION from sid failed (log: $(rel "$dlog"))"
dsc=$src/sparse_${SPARSE_VERSION#*:}.dsc
[ -f "$dsc" ] || die "apt-get source left no $(basename "$dsc") in $(rel "$src") (log: $(rel "$dlog"))"
sums=$(awk '/^Checksums-Sha256:/ { f = 1; next } /^[^ ]/ { f = 0 } f && NF == 3 { print $1 "  " $3 }' "$dsc")
orig=$(echo "$sums" | awk '$2 ~ /\.orig\.tar\./ { print $2; exit }')
[ -n "$orig" ] || die "$(basename "$dsc") names no orig tarball (log: $(rel "$dlog"))"
(cd "$src" && echo "$sums" | sha256sum -c) >>"$dlog" 2>&1 ||
	die "$(basename "$dsc"): checksum mismatch (log: $(rel "$dlog"))"

# Build next to the target, then swap: an interrupted run leaves no half tree.
# Upstream's plain tree (Debian's patches only pin gcc-16 for cgcc and add
# --as-needed); SPARSE_VERSION: what --version prints, in Debian's form
# (the tarball's Makefile still says 0.6.4; git describe would describe
# the workspace's repository).
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp"
build() {
	tar -xf "$src/$orig" -C "$dir.tmp" --strip-components=1 &&
		make -C "$dir.tmp" -j"$JOBS" sparse SPARSE_VERSION="$upstream (Debian: $SPARSE_VERSION)"
}
blog=$LOGS/fetch-sparse-build.log
run_log "$blog" "building sparse $SPARSE_VERSION in $(rel "$dir")" build ||
	die "building sparse $SPARSE_VERSION failed (log: $(rel "$blog"))"
"$dir.tmp/sparse" --version >>"$blog" 2>&1 || die "the built sparse does not run (log: $(rel "$blog"))"
mv "$dir.tmp" "$dir"
echo "$SPARSE_VERSION" >"$dir/.version"
say "sparse $SPARSE_VERSION (Debian sid): built $(rel "$bin")"
echo "$bin" >&3
