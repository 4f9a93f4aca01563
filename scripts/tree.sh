#!/bin/bash
# make tree: build/tree, a git tree for editing the series: branch 'dev' =
# the base tag + one commit per patch, the cover letter in the branch
# description. An existing build/tree is never overwritten.
STEP=tree
. "$(dirname "$0")/lib.sh"
TREE=$BUILD/tree
if [ -e "$TREE/.git" ]; then
	n=$(git -C "$TREE" rev-list --count "$BASE_TAG..dev" 2>/dev/null) || die "$(rel "$TREE") exists but has no branch dev on $BASE_TAG (move it away to recreate it)"
	say "$(rel "$TREE") exists: branch dev, $n commits on $BASE_TAG; left as it is (rm -rf $(rel "$TREE") to recreate it from $(rel "$PATCHES_DIR"))"
	exit 0
fi
load_series
tmp=$BUILD/tree.tmp
rm -rf "$tmp"
# An independent clone (hard-linked objects): survives make clean/base rebuilds.
git clone -q --local --no-checkout "$SRC" "$tmp" || die "cannot clone $(rel "$SRC") into $(rel "$tmp")"
git -C "$tmp" config gc.auto 0
run_log "$LOGS/tree-checkout.log" "checking out $(rel "$TREE")" \
	git -C "$tmp" checkout -q -b dev "$BASE_TAG" || die "checkout of $BASE_TAG in $(rel "$tmp") failed"
am_patches "$tmp" dev "${SERIES[@]}"
# New commits carry the series' identity (the first patch's From:), not
# whatever git config says on this machine.
from=$(sed -n '1,/^$/s/^From: //p' "${SERIES[0]}")
if [[ $from == *' <'*'>' ]]; then
	git -C "$tmp" config user.name "${from% <*}"
	from=${from##*<}
	git -C "$tmp" config user.email "${from%>}"
fi
cover=$PATCHES_DIR/0000-cover-letter.patch
if [ -f "$cover" ]; then
	"$(dirname "$0")/coverletter.py" seed "$cover" "$tmp"
else
	git -C "$tmp" config branch.dev.description $'*** SUBJECT HERE ***\n\n*** BLURB HERE ***\n'
fi
mv "$tmp" "$TREE"
git -C "$TREE" log --oneline --reverse "$BASE_TAG..dev" | sed 's/^/  /'
cat <<EOT
[tree] ready: $(rel "$TREE"), branch dev = $BASE_TAG + ${#SERIES[@]} commits.
  edit and commit there (git commit -a; new files need git add -f: Debian's .gitignore ignores /*),
  reshape with git rebase -i $BASE_TAG, cover letter: git branch --edit-description dev,
  then: make export   (rewrites $(rel "$PATCHES_DIR") from branch dev)
EOT
