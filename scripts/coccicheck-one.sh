#!/bin/bash
# coccicheck-one.sh OUTDIR FILE COCCI: scripts/coccicheck on one source file
# with one semantic patch, as kbuild's C=1 CHECK=scripts/coccicheck calls it
# (run in the build dir; C, MODE, srctree, LINUXINCLUDE from the caller).
set -euo pipefail
out=$1/$(echo "$2+$3" | tr / _)
if ! COCCI="$srctree/$3" "$srctree/scripts/coccicheck" "$srctree/$2" >"$out" 2>&1; then
	echo "coccicheck failed: $2 with $3:"
	cat "$out"
	exit 255 # stops xargs
fi
