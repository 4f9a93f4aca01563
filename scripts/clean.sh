#!/bin/bash
# Remove build output, keeping build/tree (the editing tree of make tree).
STEP=clean
. "$(dirname "$0")/lib.sh"
[ -d "$BUILD" ] || exit 0
for f in "$BUILD"/* "$BUILD"/.[!.]*; do
	[ -e "$f" ] || continue
	[ "$f" = "$BUILD/tree" ] && continue
	rm -rf "$f"
done
[ -d "$BUILD/tree" ] && say "kept $(rel "$BUILD/tree") (your editing tree; make distclean removes it)"
say "removed build output under $(rel "$BUILD")"
