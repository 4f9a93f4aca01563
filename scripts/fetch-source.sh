#!/bin/bash
# Debian's linux-source-$BASE_SERIES from $BASE_SUITE (7.3: trixie-backports),
# which this machine's apt sources do not name: a private sources list on the
# machine's own Debian mirror, apt state under $BUILD/apt, the package
# unpacked with dpkg-deb -x into $BUILD/debs/$BASE_SERIES (the TARBALL).
# /etc/apt and the system's package lists are never touched; the download is
# skipped while the unpacked tarball is the suite's candidate version.
STEP=fetch-source
. "$(dirname "$0")/lib.sh"

[ -n "$BASE_SUITE" ] || die "BASE_SUITE is empty: linux-source-$BASE_SERIES comes from the machine's apt sources (deps.sh)"
pkg=linux-source-$BASE_SERIES
apt_dir=$BUILD/apt
root=$BUILD/debs/$BASE_SERIES  # dpkg-deb -x of the package
[ "$TARBALL" = "$root/usr/src/$pkg.tar.xz" ] || die "TARBALL=$TARBALL is not the package's $(rel "$root")/usr/src/$pkg.tar.xz"
stamp=$root.version  # "VERSION SIZE MTIME" of the unpacked tarball
case $BASE_SUITE in
*-security) mirror=$(security_mirror) && [ -f "$DEBIAN_KEYRING" ] || die "no $DEBIAN_KEYRING" ;;
*) mirror=$(debian_mirror) || exit 1 ;;
esac
private_apt "$apt_dir" "deb [signed-by=$DEBIAN_KEYRING] $mirror $BASE_SUITE main"
mkdir -p "$apt_dir/deb" "$LOGS"

have=$(cat "$stamp" 2>/dev/null || true)
tarball_id() { echo "$1 $(stat -c '%s %Y' "$TARBALL" 2>/dev/null)"; }
ulog=$LOGS/fetch-source-update.log
if ! apt_update "$ulog" "apt-get update: $BASE_SUITE from $mirror (private lists in $(rel "$apt_dir"))"; then
	# Offline with a good copy: keep it (the candidate cannot be checked).
	if [ -n "$have" ] && [ "$have" = "$(tarball_id "${have%% *}")" ]; then
		warn "apt-get update of $BASE_SUITE failed (log: $(rel "$ulog")): using $pkg ${have%% *} as unpacked before"
		exit 0
	fi
	die "apt-get update of $BASE_SUITE from $mirror failed (log: $(rel "$ulog"))"
fi
plog=$LOGS/fetch-source-policy.log
apt-cache "${APT[@]}" policy "$pkg" >"$plog" 2>&1 ||
	die "apt-cache policy $pkg failed (log: $(rel "$plog"))"
ver=$(awk '/^  Candidate:/ { print $2 }' "$plog")
case $ver in '' | '(none)') die "no package $pkg in $BASE_SUITE on $mirror (log: $(rel "$plog"))" ;; esac

if [ -n "$have" ] && [ "$have" = "$(tarball_id "$ver")" ]; then
	say "$pkg $ver ($BASE_SUITE): already unpacked, $(rel "$TARBALL")"
	exit 0
fi
rm -f "$stamp"
rm -f "$apt_dir"/deb/*.deb
dlog=$LOGS/fetch-source-download.log
run_log "$dlog" "apt-get download $pkg=$ver ($BASE_SUITE)" \
	env -C "$apt_dir/deb" apt-get "${APT[@]}" download "$pkg=$ver" ||
	die "apt-get download $pkg=$ver from $BASE_SUITE failed (log: $(rel "$dlog"))"
debs=("$apt_dir/deb/${pkg}"_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || die "apt-get download left no ${pkg}_*.deb in $(rel "$apt_dir/deb") (log: $(rel "$dlog"))"
# Unpack next to the target, then swap: an interrupted run leaves no half tree.
rm -rf "$root.tmp"
mkdir -p "$root.tmp"
xlog=$LOGS/fetch-source-unpack.log
run_log "$xlog" "dpkg-deb -x $(basename "$deb")" dpkg-deb -x "$deb" "$root.tmp" ||
	die "dpkg-deb -x $(rel "$deb") failed (log: $(rel "$xlog"))"
[ -f "$root.tmp/${TARBALL#"$root"/}" ] ||
	die "$(basename "$deb") has no ${TARBALL#"$root"/} (log: $(rel "$xlog"))"
rm -rf "$root"
mv "$root.tmp" "$root"
rm -f "$deb"
tarball_id "$ver" >"$stamp"
say "$pkg $ver ($BASE_SUITE): $(rel "$TARBALL") ($(($(stat -c %s "$TARBALL") / 1048576)) MiB)"
