#!/bin/bash
# The pristine base as a git repository in build/linux, tagged 'base':
# Debian's linux-source-$BASE_SERIES tarball by default (7.3, from trixie-backports:
# fetch-source.sh), or KERNEL_SRC's HEAD.
STEP=base
. "$(dirname "$0")/lib.sh"

# Fixed dates so the pristine commit has the same id on every machine.
PRISTINE_DATE="2000-01-01T00:00:00Z"

if [ -n "$KERNEL_SRC" ]; then
	KERNEL_SRC=$(cd "$KERNEL_SRC" 2>/dev/null && pwd) || die "KERNEL_SRC: no such directory: ${KERNEL_SRC}"
	head=$(git -C "$KERNEL_SRC" rev-parse --verify -q 'HEAD^{commit}') ||
		die "KERNEL_SRC=$KERNEL_SRC is not a git checkout with a HEAD commit"
	id="git $KERNEL_SRC $head"
else
	if [ -n "$BASE_SUITE" ] && [ "$TARBALL" = "$TARBALL_DEFAULT" ]; then
		hint="scripts/fetch-source.sh fetches linux-source-$BASE_SERIES from $BASE_SUITE"
	else
		hint="apt-get install linux-source-$BASE_SERIES"
	fi
	[ -f "$TARBALL" ] || die "base tarball $TARBALL missing ($hint)"
	id="tarball $TARBALL $(stat -c '%s %Y' "$TARBALL")"
fi

if [ "$(cat "$BUILD/base.id" 2>/dev/null)" = "$id" ] &&
   git -C "$SRC" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	:
else
	say "creating the base repository in $(rel "$SRC") from ${KERNEL_SRC:-$TARBALL}"
	mkdir -p "$BUILD" "$LOGS"
	tmp=$BUILD/linux.tmp
	rm -rf "$tmp" "$BUILD/base.id"
	if [ -n "$KERNEL_SRC" ]; then
		# Read-only use of the person's repository: a --shared clone of its objects.
		git clone -q --shared --no-checkout "$KERNEL_SRC" "$tmp" || die "git clone --shared $KERNEL_SRC failed"
		git -C "$tmp" tag -f "$BASE_TAG" "$head" >/dev/null
		run_log "$LOGS/base-checkout.log" "checking out $head" \
			git -C "$tmp" checkout -q -f --detach "$BASE_TAG" || die "checkout of $head failed"
	else
		top=$(tar -tJf "$TARBALL" | head -n 1) || true
		[ "${top%%/*}" = "linux-source-$BASE_SERIES" ] || die "unexpected tarball $TARBALL: top directory '${top%%/*}', want linux-source-$BASE_SERIES"
		mkdir -p "$tmp"
		run_log "$LOGS/base-unpack.log" "unpacking $TARBALL" \
			tar -xvJf "$TARBALL" -C "$tmp" --strip-components=1 --no-same-owner || die "unpacking $TARBALL failed"
		nfiles=$(grep -vc '/$' "$LOGS/base-unpack.log")
		git -C "$tmp" init -q -b pristine && git -C "$tmp" config gc.auto 0
		# Debian's top-level .gitignore hides most of the tree: add with -f.
		run_log "$LOGS/base-add.log" "committing the pristine tree ($nfiles files)" \
			git -C "$tmp" add -A -f . || die "git add of the unpacked tree failed"
		ngit=$(git -C "$tmp" ls-files | wc -l)
		[ "$ngit" = "$nfiles" ] || die "base: git has $ngit files, the tarball $nfiles ($TARBALL)"
		v=$(tree_version "$tmp") || die "no kernel Makefile in $TARBALL"
		GIT_AUTHOR_DATE=$PRISTINE_DATE GIT_COMMITTER_DATE=$PRISTINE_DATE \
			git -C "$tmp" commit -q --no-verify -m "Debian linux-source-$BASE_SERIES $v, pristine" ||
			die "commit of the pristine tree failed"
		git -C "$tmp" tag "$BASE_TAG"
	fi
	git -C "$tmp" config user.name "$GIT_COMMITTER_NAME"
	git -C "$tmp" config user.email "$GIT_COMMITTER_EMAIL"
	git -C "$tmp" config gc.auto 0
	# Work trees of an older base point into the repository being replaced.
	rm -rf "$SRC" "$CHECK/src" "$CHECK/am.ok" "$BUILD/series.stamp"
	mv "$tmp" "$SRC"
	echo "$id" >"$BUILD/base.id"
fi

v=$(git -C "$SRC" show "$BASE_TAG:Makefile" | awk '/^VERSION =/{v=$3} /^PATCHLEVEL =/{p=$3} /^SUBLEVEL =/{s=$3} END{print v "." p "." s}')
echo "$v" >"$BUILD/base.version"
say "base: $v ($([ -n "$KERNEL_SRC" ] && echo "KERNEL_SRC=$KERNEL_SRC" || echo "$TARBALL"), $BASE_TAG = $(git -C "$SRC" rev-parse --short=12 "$BASE_TAG"))"
case $v in "$BASE_SERIES".*) ;; *) [ -n "$KERNEL_SRC" ] || die "unexpected base version $v in $TARBALL (want $BASE_SERIES.y)" ;; esac
checked=$(sed -n '1{s/[[:space:]]//g;p;}' "$TESTS_DIR/checked-on" 2>/dev/null || true)
if [ -z "$checked" ]; then
	warn "no $(rel "$TESTS_DIR")/checked-on: the base the series was last checked on is unknown"
elif [ "$checked" != "$v" ]; then
	warn "base is $v but the series was last checked on $checked ($(rel "$TESTS_DIR")/checked-on)"
fi
