#!/bin/bash
# make export: rewrite patches/ from build/tree's branch dev with git
# format-patch; the same commits always give byte-identical files.
STEP=export
. "$(dirname "$0")/lib.sh"
TREE=$BUILD/tree
[ -e "$TREE/.git" ] || die "no $(rel "$TREE"): run make tree first"
git -C "$TREE" rev-parse -q --verify refs/heads/dev >/dev/null || die "no branch dev in $(rel "$TREE")"
for op in rebase-merge rebase-apply MERGE_HEAD CHERRY_PICK_HEAD; do
	[ ! -e "$(git_dir_path "$TREE" "$op")" ] || die "$(rel "$TREE") is in the middle of a git operation ($op): finish it first"
done
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$(rel "$TREE") has uncommitted changes: commit them (they would not be exported)"
n=$(git -C "$TREE" rev-list --count "$BASE_TAG..dev")
((n > 0)) || die "branch dev in $(rel "$TREE") has no commits on $BASE_TAG"
prefix=$(git -C "$TREE" config --get workspace.subjectprefix || echo PATCH)
tmp=$BUILD/export.tmp
rm -rf "$tmp"
# Only our options count: no user or system git config (signature, prefixes,
# diff algorithm, ...).
GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -C "$TREE" -c core.abbrev=12 \
	format-patch -q --cover-letter --cover-from-description=subject --zero-commit \
	--no-signature --abbrev=12 --no-base --subject-prefix="$prefix" -o "$tmp" "$BASE_TAG..dev" ||
	die "git format-patch in $(rel "$TREE") failed"
"$(dirname "$0")/coverletter.py" fix "$tmp/0000-cover-letter.patch" "$TREE"
mkdir -p "$PATCHES_DIR"
changed=0
for f in "$PATCHES_DIR"/*.patch; do
	[ -e "$f" ] || continue
	[ -e "$tmp/${f##*/}" ] || { say "removed ${f##*/}"; rm -f "$f"; changed=1; }
done
for f in "$tmp"/*.patch; do
	t=$PATCHES_DIR/${f##*/}
	if [ ! -e "$t" ]; then say "added ${f##*/}"; changed=1
	elif ! cmp -s "$f" "$t"; then say "changed ${f##*/}"; changed=1
	fi
	cp "$f" "$t"
done
rm -rf "$tmp"
say "$(rel "$PATCHES_DIR"): $n patches + cover letter from branch dev$( ((changed)) || echo ', byte-identical to before')"
