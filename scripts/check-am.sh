#!/bin/bash
# Step a: git am of the whole series onto a pristine base, on a fresh branch
# 'series' in build/linux, as a maintainer would.
STEP=check-am
. "$(dirname "$0")/lib.sh"
mkdir -p "$CHECK" "$LOGS"
rm -f "$CHECK/am.ok"
STEP=check-am "$(dirname "$0")/apply.sh" --force
load_series
{ git -C "$SRC" rev-parse series; series_stamp; } >"$CHECK/am.ok"
