#!/bin/bash
# Remove build output, keeping build/tree (the editing tree of make tree),
# the base's downloaded source package (build/debs, build/apt: fetch-source.sh)
# and the sparse built for step d (build/tools, build/apt-sparse: fetch-sparse.sh);
# in the stable backports' build dirs (build/stable-*) their editing trees.
STEP=clean
. "$(dirname "$0")/lib.sh"
[ -d "$BUILD" ] || exit 0
for f in "$BUILD"/* "$BUILD"/.[!.]*; do
	[ -e "$f" ] || continue
	case $f in "$BUILD/tree" | "$BUILD/debs" | "$BUILD/apt" | "$BUILD/tools" | "$BUILD/apt-sparse") continue ;; esac
	if [[ $f == "$BUILD"/stable-* ]] && [ -d "$f/tree" ]; then
		find "$f" -mindepth 1 -maxdepth 1 ! -name tree -exec rm -rf {} +
		say "kept $(rel "$f/tree") (your editing tree of that backport; make distclean removes it)"
		continue
	fi
	rm -rf "$f"
done
[ -d "$BUILD/tree" ] && say "kept $(rel "$BUILD/tree") (your editing tree; make distclean removes it)"
[ -d "$BUILD/debs" ] && say "kept $(rel "$BUILD/debs") (the downloaded base source; make distclean removes it)"
[ -d "$BUILD/tools" ] && say "kept $(rel "$BUILD/tools") (the sparse built for step d; make distclean removes it)"
say "removed build output under $(rel "$BUILD")"
