#!/bin/bash
# Step a: git am of the whole series onto a pristine base, on a fresh branch
# 'check' in build/check/src, as a maintainer would.
STEP=check-am
. "$(dirname "$0")/lib.sh"
load_series
mkdir -p "$CHECK" "$LOGS"
rm -f "$CHECK/am.ok"
ensure_worktree "$CHECK_SRC"
am_patches "$CHECK_SRC" check "${SERIES[@]}"
git -C "$CHECK_SRC" log --oneline --reverse "$BASE_TAG..check" | sed 's/^/  /'
git -C "$CHECK_SRC" rev-parse check >"$CHECK/am.ok"
