#!/bin/bash
# coccicheck-dir.sh OUTDIR DIR COCCI: one semantic patch in report mode on
# every file under DIR, as "make coccicheck M=DIR" runs it, with the
# LINUXINCLUDE of the build dir O (srctree and O from the caller's
# environment). One spatch for all the files: its start-up, not the files,
# is most of the time.
set -euo pipefail
out=$1/$(echo "$3" | tr / _)
if ! make -C "$srctree" O="$O" coccicheck MODE=report COCCI="$srctree/$3" M="$2" J=1 >"$out" 2>&1 ||
   grep -q '^coccicheck failed' "$out"; then
	echo "coccicheck failed: $3 on $2:"
	cat "$out"
	exit 255 # stops xargs
fi
