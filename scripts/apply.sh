#!/bin/bash
# git am the series onto a fresh branch 'series' at the base in build/linux.
# Skipped when the base and patches/ are unchanged since the last good run.
STEP=apply
. "$(dirname "$0")/lib.sh"

force=0
[ "${1:-}" = --force ] && force=1
load_series
stamp=$(series_stamp)

if ((!force)) && [ -f "$BUILD/series.stamp" ] && [ "$(sed -n 1p "$BUILD/series.stamp")" = "$stamp" ] &&
   [ "$(sed -n 2p "$BUILD/series.stamp")" = "$(git -C "$SRC" rev-parse -q --verify HEAD)" ] &&
   [ "$(git -C "$SRC" symbolic-ref -q --short HEAD)" = series ] &&
   [ ! -d "$(git_dir_path "$SRC" rebase-apply)" ] &&
   [ -z "$(git -C "$SRC" status --porcelain --untracked-files=no)" ]; then
	say "series unchanged: ${#SERIES[@]} patches already applied (branch series in $(rel "$SRC"))"
	exit 0
fi
rm -f "$BUILD/series.stamp"
say "applying ${#SERIES[@]} patches from $(rel "$PATCHES_DIR")"
am_patches "$SRC" series "${SERIES[@]}"
git -C "$SRC" log --oneline --reverse "$BASE_TAG..series" | sed 's/^/  /'
printf '%s\n%s\n' "$stamp" "$(git -C "$SRC" rev-parse HEAD)" >"$BUILD/series.stamp"
