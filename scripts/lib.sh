# Shared helpers for the series workspace; sourced by every script.
# Paths, one-line failures, logged long commands with progress, git helpers.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
abspath() { case $1 in /*) echo "$1" ;; *) echo "$TOP/$1" ;; esac; }

BUILD=$(abspath "${BUILD:-build}")
PATCHES_DIR=$(abspath "${PATCHES_DIR:-patches}")
TESTS_DIR=$(abspath "${TESTS_DIR:-tests}")
KUNITCONFIG=$(abspath "${KUNITCONFIG:-configs/kunit.config}")
X86_CONFIG=$(abspath "${X86_CONFIG:-configs/x86_64.config}")
KUNIT_X86_CONFIG=$(abspath "${KUNIT_X86_CONFIG:-configs/kunit-x86_64.config}")
VM_CONFIG=$(abspath "${VM_CONFIG:-configs/vmtest.config}")
UML_SKIP=$TESTS_DIR/uml-skip.list  # cases UML cannot host: step j runs them
PROVOKED=$TESTS_DIR/provoked.list  # cases that run only when the boot provokes reports
KERNEL_REPORTS=$(abspath "${KERNEL_REPORTS:-configs/kernel-reports.list}")  # what fails a KUnit run's log
BASE_SERIES=${BASE_SERIES:-7.3}    # e.g. 6.12 or 6.1 for a backport check, with its own BUILD
# Where linux-source-$BASE_SERIES comes from: BASE_SUITE of the machine's own
# Debian mirror, fetched into $BUILD/debs by fetch-source.sh without touching
# /etc/apt (7.3: trixie-backports; Debian 12 has no 7.3), or, with BASE_SUITE
# empty (6.12, 6.1), the machine's apt sources (apt-get install, /usr/src).
# A machine whose apt sources lack the security suite (a bare debootstrap
# chroot: linux-source-6.12 is only in bookworm-security) and that has no
# /usr/src tarball fetches it from <release>-security the same way.
case $BASE_SERIES in
7.3) BASE_SUITE=${BASE_SUITE-trixie-backports} ;;
*)
	if [ -z "${BASE_SUITE+set}" ] && [ ! -f "/usr/src/linux-source-$BASE_SERIES.tar.xz" ] &&
	   [ -z "$(apt-cache policy "linux-source-$BASE_SERIES" 2>/dev/null | awk '/^  Candidate:/ && $2 != "(none)" { print $2 }')" ]; then
		BASE_SUITE=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")-security
	fi
	BASE_SUITE=${BASE_SUITE-} ;;
esac
if [ -n "$BASE_SUITE" ]; then
	TARBALL_DEFAULT=$BUILD/debs/$BASE_SERIES/usr/src/linux-source-$BASE_SERIES.tar.xz
else
	TARBALL_DEFAULT=/usr/src/linux-source-$BASE_SERIES.tar.xz
fi
TARBALL=$(abspath "${TARBALL:-$TARBALL_DEFAULT}")
KERNEL_SRC=${KERNEL_SRC:-}
JOBS=${JOBS:-$(nproc)}
KUNIT_TIMEOUT=${KUNIT_TIMEOUT:-300}

SRC=$BUILD/linux           # base repository; its work tree carries branch 'series'
BASE_TAG=base              # the pristine base commit, in every repository we own
LOGS=$BUILD/logs
CHECK=$BUILD/check         # make check: work trees, build dirs, results

STEP=${STEP:-$(basename "$0" .sh)}

# Fixed identity and dates: the same input gives the same commit ids everywhere.
export GIT_AUTHOR_NAME="Series Workspace" GIT_AUTHOR_EMAIL="workspace@localhost"
export GIT_COMMITTER_NAME="Series Workspace" GIT_COMMITTER_EMAIL="workspace@localhost"
export LC_ALL=C
export GIT_TERMINAL_PROMPT=0 GIT_EDITOR=true

say() { echo "[$STEP] $*"; }
warn() { echo "[$STEP] WARNING: $*" >&2; }
# The one line a failure prints.
die() { echo "FAILED [$STEP]: $*" >&2; exit 1; }
rel() { echo "${1#"$TOP"/}"; }

# run_log LOG DESC CMD...: run CMD with output to LOG, print progress every
# 30 s; on failure show the log's tail and return the command's status.
run_log() {
	local log=$1 desc=$2 start=$SECONDS rc=0 pid next=30
	shift 2
	mkdir -p "$(dirname "$log")"
	say "$desc (log: $(rel "$log"))"
	"$@" >"$log" 2>&1 </dev/null &
	pid=$!
	trap 'kill $pid 2>/dev/null; exit 130' INT TERM
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if (( SECONDS - start >= next )); then
			say "  ... $desc: $((SECONDS - start)) s"
			next=$((next + 30))
		fi
	done
	wait "$pid" || rc=$?
	trap - INT TERM
	if ((rc)); then
		echo "----- last lines of $(rel "$log") -----" >&2
		tail -n 25 "$log" >&2
		echo "-----" >&2
	else
		say "  done: $desc ($((SECONDS - start)) s)"
	fi
	return "$rc"
}

# The series' patch files in application order (the cover letter skipped),
# into the array SERIES.
load_series() {
	[ -d "$PATCHES_DIR" ] || die "no patch directory $(rel "$PATCHES_DIR")"
	local f
	SERIES=()
	while IFS= read -r f; do
		case $f in 0000-cover-letter.patch | '') continue ;; esac
		SERIES+=("$PATCHES_DIR/$f")
	done < <(cd "$PATCHES_DIR" && ls -1 | grep '\.patch$' | sort)
	((${#SERIES[@]})) || die "no patches in $(rel "$PATCHES_DIR")"
}

# series_stamp: one hash of the base commit and every patch file (load_series first).
series_stamp() {
	local base p
	base=$(git -C "$SRC" rev-parse --verify -q "$BASE_TAG^{commit}") || die "no base in $(rel "$SRC") (run scripts/base.sh)"
	{ echo "$base"; for p in "${SERIES[@]}"; do echo "== $(basename "$p")"; cat "$p"; done; } | sha256sum | cut -c1-64
}

# Subject of a patch file, without the "[PATCH n/m] " prefix, folded lines joined.
patch_subject() {
	awk '/^Subject:/ { s = substr($0, 10); getline;
	                   while ($0 ~ /^[ \t]/) { s = s $0; getline } print s; exit }' "$1" |
		sed -e 's/^ *//' -e 's/^\[[^]]*\] *//'
}

# Base version "7.3.4" from a tree's Makefile.
tree_version() {
	awk '/^VERSION =/{v=$3} /^PATCHLEVEL =/{p=$3} /^SUBLEVEL =/{s=$3}
	     END { if (v == "") exit 1; print v "." p "." s }' "$1/Makefile"
}

# kernel_reports LOG: the lines of a kernel log that are kernel reports (the
# patterns of configs/kernel-reports.list) as "LINE:text"; KUnit's own KTAP
# lines (results, "# " diagnostics, subtest and case names) are not reports.
kernel_reports() {
	grep -nE -f <(grep -vE '^[[:space:]]*(#|$)' "$KERNEL_REPORTS") "$1" |
		grep -vE '^[0-9]+:[[:space:]]*(\[[ 0-9.]+\][[:space:]]*)?(# |(not )?ok [0-9]+ |KTAP version )' || true
}
# count_reports LOG: the number of reports among kernel_reports' lines (on
# stdin): lines of one report share a stretch of LOG that no KUnit line and
# no "---[ end trace" cut (SLUB's "[Right Redzone overwritten] ...", its
# "BUG kmalloc-32 (...): Object corrupt" and the WARNING after are one).
count_reports() {
	awk -F: 'NR == FNR { hit[$1] = 1; next }
		FNR in hit { if (!open) n++; open = 1; next }
		/^[[:space:]]*(# |(not )?ok [0-9]|KTAP version)|---\[ end trace/ { open = 0 }
		END { print n + 0 }' - "$1"
}

git_dir_path() { git -C "$1" rev-parse --path-format=absolute --git-path "$2"; }

# Make sure DIR is a usable work tree of $SRC (recreate it if a previous run
# was interrupted or the base was rebuilt). Leaves it detached at the base.
ensure_worktree() {
	local dir=$1
	if [ -e "$dir/.git" ] && git -C "$dir" rev-parse --verify -q HEAD >/dev/null 2>&1 &&
	   [ "$(git -C "$dir" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" = "$SRC/.git" ]; then
		return 0
	fi
	rm -rf "$dir"
	git -C "$SRC" worktree prune
	mkdir -p "$(dirname "$dir")"
	run_log "$LOGS/worktree-$(basename "$(dirname "$dir")")-$(basename "$dir").log" \
		"checking out a work tree at $(rel "$dir")" \
		git -C "$SRC" worktree add -f --detach "$dir" "$BASE_TAG" ||
		die "cannot create work tree $(rel "$dir")"
}

# Abort a git am left half-done by an interrupted run.
abort_am() {
	local dir=$1
	if [ -d "$(git_dir_path "$dir" rebase-apply)" ]; then
		say "aborting an unfinished git am in $(rel "$dir")"
		git -C "$dir" am --abort >/dev/null 2>&1 || rm -rf "$(git_dir_path "$dir" rebase-apply)"
	fi
}

# am_patches DIR BRANCH PATCH...: fresh BRANCH at the base in work tree DIR,
# then git am each patch; a patch that does not apply is named and fatal.
# AM_EXCLUDE=PATH leaves that file's hunks out (git am --exclude).
am_patches() {
	local dir=$1 branch=$2 p n=0 log
	shift 2
	abort_am "$dir"
	git -C "$dir" checkout -q -f -B "$branch" "$BASE_TAG" || die "cannot reset $(rel "$dir") to $BASE_TAG"
	log=$LOGS/am-$branch.log
	: >"$log"
	for p in "$@"; do
		n=$((n + 1))
		if ! git -C "$dir" am -q --committer-date-is-author-date ${AM_EXCLUDE:+--exclude="$AM_EXCLUDE"} "$p" >>"$log" 2>&1; then
			grep -E '^(error|fatal|Patch failed)' "$log" >&2 || cat "$log" >&2
			git -C "$dir" am --abort >/dev/null 2>&1 || true
			die "git am: $(rel "$p") does not apply on $BASE_TAG + $((n - 1)) patches (branch $branch in $(rel "$dir"))"
		fi
	done
	say "applied $n patches on $BASE_TAG: branch $branch in $(rel "$dir")"
}

# The patches tests/base-only.list names by subject (the test patches and
# what they need), in series order, into the array BASE_ONLY (load_series
# first): steps i and q apply them alone to the base.
base_only_patches() {
	local only=$TESTS_DIR/base-only.list subj p q found picked=()
	[ -f "$only" ] || die "no $(rel "$only")"
	while IFS= read -r subj; do
		subj=$(echo "$subj" | sed -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//')
		[ -n "$subj" ] || continue
		found=
		for p in "${SERIES[@]}"; do
			[ "$(patch_subject "$p")" = "$subj" ] && found=$p
		done
		[ -n "$found" ] || die "$(rel "$only"): no patch in $(rel "$PATCHES_DIR") has the subject '$subj'"
		picked+=("$found")
	done <"$only"
	((${#picked[@]})) || die "$(rel "$only") names no patch"
	BASE_ONLY=()
	for p in "${SERIES[@]}"; do
		for q in "${picked[@]}"; do [ "$p" = "$q" ] && { BASE_ONLY+=("$p"); break; }; done
	done
}

# Files a revision range touches: changed_files DIR RANGE [FILTER]
changed_files() { git -C "$1" diff --name-only --diff-filter=d "$2"; }

# ---- Debian packages the machine's apt sources do not name ----------------
# fetch-source.sh (the base, from BASE_SUITE) and fetch-sparse.sh (sid's
# sparse source) read another suite of the machine's own mirror through a
# private apt state; /etc/apt and the system's package lists are untouched.
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# The URI of the machine's Debian mirror: the entry (one-line .list or
# deb822 .sources) that names the release itself, e.g. bookworm.
machine_mirror() {
	local codename f
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	[ -n "$codename" ] || return 1
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" |
			awk -v c="$codename" '$1 == "deb" && $3 == c { print $2 }'
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v c="$codename" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && enabled != "no" && (" " suites " ") ~ (" " c " "))
					print uris
				types = uris = suites = enabled = ""
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			tolower($1) == "types:" { $1 = ""; types = $0 }
			tolower($1) == "uris:" { uris = $2 }
			tolower($1) == "suites:" { $1 = ""; suites = $0 }
			tolower($1) == "enabled:" { enabled = tolower($2) }
			END { flush() }' "$f"
	done
}

# The mirror of a *-security suite: the machine's entry for it, else
# DEBIAN_SECURITY_MIRROR (default http://deb.debian.org/debian-security).
security_mirror() {
	local m=${DEBIAN_SECURITY_MIRROR:-} f
	if [ -z "$m" ]; then
		for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] || continue
			m=$(sed -e 's/#.*//' "$f" | grep -oE 'https?://[^ ]*security[^ ]*' | head -n 1) && [ -n "$m" ] && break
		done
	fi
	m=${m:-http://deb.debian.org/debian-security}
	echo "${m%/}"
}

# The mirror to use (DEBIAN_MIRROR= overrides), without a trailing slash;
# in the caller: mirror=$(debian_mirror) || exit 1
debian_mirror() {
	local m=${DEBIAN_MIRROR:-$(machine_mirror | head -n 1)}
	[ -n "$m" ] ||
		die "no Debian mirror for this release in /etc/apt/sources.list{,.d/*}: set DEBIAN_MIRROR=http://deb.debian.org/debian"
	[ -f "$DEBIAN_KEYRING" ] || die "no $DEBIAN_KEYRING (apt-get install debian-archive-keyring)"
	echo "${m%/}"
}

# private_apt DIR LINE: apt state under DIR whose only source is LINE (a
# sources.list line); the apt-get/apt-cache options are left in the array APT.
# The Release file's signature is checked, its Valid-Until is not: a mirror
# that stopped syncing (seen: sid's InRelease "expired (invalid since 21d)")
# still serves the pinned sparse and the base, whose files apt and
# fetch-sparse.sh check against the signed indexes.
private_apt() {
	local dir=$1
	mkdir -p "$dir/none.d" "$dir/lists/partial" "$dir/cache/archives/partial"
	echo "$2" >"$dir/sources.list"
	APT=(-q -o Dir::Etc::sourcelist="$dir/sources.list" -o Dir::Etc::sourceparts="$dir/none.d"
		-o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts="$dir/none.d"
		-o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache"
		-o Dir::State::status=/dev/null -o APT::Get::List-Cleanup=0
		-o Acquire::Languages=none
		-o Acquire::Check-Valid-Until=false)
	# As root apt downloads as user _apt, who cannot write to $BUILD.
	[ "$(id -u)" != 0 ] || APT+=(-o APT::Sandbox::User=root)
}

# apt_update LOG DESC: apt-get update with APT; fails also when an index was
# not fetched (apt-get update exits 0 on "W: Failed to fetch ...").
apt_update() {
	run_log "$1" "$2" apt-get "${APT[@]}" update &&
		! grep -qE '^(E: |W: (Failed to fetch|Some index files failed))' "$1"
}

# ---- make check -----------------------------------------------------------
# The UML steps (a, b, h, i) use make's tree and build dir: step a re-applies
# the series on branch 'series' in build/linux, step b walks its commits
# building build/kunit incrementally, so step h only boots the result. The
# x86_64 steps (b, d, e, f) switch a separate work tree between base and
# series, so those switches do not touch the UML tree.
CHECK_UML=$BUILD/kunit     # UML KUnit kernel, incremental across the patches
CHECK_SRC=$CHECK/src       # x86_64 work tree (detached)
CHECK_X86=$CHECK/x86       # x86_64 objects: defconfig + configs/x86_64.config
RESULTS=$CHECK/results

# Step a leaves branch 'series' from a good git am of patches/ as they are
# now (am.ok: the branch's commit, then the series stamp); later steps need it.
am_current() {
	load_series
	[ -n "$(sed -n 1p "$CHECK/am.ok" 2>/dev/null)" ] &&
		[ "$(git -C "$SRC" rev-parse -q --verify refs/heads/series 2>/dev/null)" = "$(sed -n 1p "$CHECK/am.ok")" ] &&
		[ "$(sed -n 2p "$CHECK/am.ok")" = "$(series_stamp)" ]
}
need_check_branch() {
	am_current || die "branch 'series' in $(rel "$SRC") is not a good git am of $(rel "$PATCHES_DIR") as it is now: run step a (make check, or ONLY= with a)"
	mkdir -p "$RESULTS" "$LOGS"
	ensure_worktree "$CHECK_SRC"
}

checkout_rev() { # checkout_rev TREE REV: move a work tree (detached)
	abort_am "$1"
	git -C "$1" checkout -q -f --detach "$2" || die "cannot check out $2 in $(rel "$1")"
}
# Put make's tree back on branch series (trap on EXIT in the walking steps).
back_to_series() { git -C "$SRC" checkout -q -f series 2>/dev/null || true; }

# Objects of the .c files RANGE touches, and with --users the mmu notifier
# users when the header changes, for x86_64.
touched_objects() {
	local f hdr=0
	{
		while IFS= read -r f; do
			case $f in
			# built from amdgpu's Makefile, with its include paths
			drivers/gpu/drm/amd/amdkfd/*.c) echo "drivers/gpu/drm/amd/amdgpu/../amdkfd/$(basename "${f%.c}").o" ;;
			# user-space programs (selftests): make vmtest builds them
			tools/*) ;;
			*.c) echo "${f%.c}.o" ;;
			include/linux/mmu_notifier.h) hdr=1 ;;
			esac
		done < <(changed_files "$SRC" "$1")
		if ((hdr)) && [ "${2:-}" = --users ]; then printf '%s\n' mm/mmu_notifier.o mm/oom_kill.o; fi
		true
	} | sort -u
}

# Sources (.c/.h) RANGE touches.
touched_sources() { changed_files "$SRC" "$1" | grep -E '\.[ch]$' || true; }

# x86_64 .config: defconfig + the fragment, olddefconfig (again only when the
# fragment or a Kconfig file changed); make prepare once per build dir.
x86_configure() {
	local log=$LOGS/x86-config.log stamp sym name
	[ -f "$X86_CONFIG" ] || die "no x86_64 config fragment $(rel "$X86_CONFIG")"
	mkdir -p "$CHECK_X86"
	stamp=$( { cat "$X86_CONFIG"; git -C "$CHECK_SRC" ls-files -s -- '*Kconfig*' arch/x86/configs/x86_64_defconfig; } | sha256sum)
	if [ ! -f "$CHECK_X86/.config" ] || [ "$(cat "$CHECK_X86/.config-stamp" 2>/dev/null)" != "$stamp" ]; then
		rm -f "$CHECK_X86/.config-stamp"
		{
			make -C "$CHECK_SRC" O="$CHECK_X86" ARCH=x86_64 defconfig &&
			"$CHECK_SRC/scripts/kconfig/merge_config.sh" -m -O "$CHECK_X86" "$CHECK_X86/.config" "$X86_CONFIG" &&
			make -C "$CHECK_SRC" O="$CHECK_X86" ARCH=x86_64 olddefconfig
		} >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "x86_64 config from defconfig + $(rel "$X86_CONFIG") failed (log: $(rel "$log"))"; }
		# merge_config.sh only warns when olddefconfig drops a symbol
		# (one the checked-out tree does not know yet is fine).
		while IFS= read -r sym; do
			name=${sym%%=*} name=${name#CONFIG_}
			grep -qx "$sym" "$CHECK_X86/.config" ||
				! git -C "$CHECK_SRC" grep -qE "^\s*(menu)?config $name\s*$" -- '*Kconfig*' ||
				die "x86_64 config lacks $sym after olddefconfig: a dependency of it is missing from $(rel "$X86_CONFIG") (log: $(rel "$log"))"
		done < <(grep -E '^CONFIG_[A-Za-z0-9_]+=' "$X86_CONFIG")
		echo "$stamp" >"$CHECK_X86/.config-stamp"
	fi
	if [ ! -f "$CHECK_X86/.prepared" ]; then
		run_log "$LOGS/x86-prepare.log" "x86_64: make prepare (once per build dir)" \
			make -C "$CHECK_SRC" O="$CHECK_X86" ARCH=x86_64 -j"$JOBS" prepare ||
			die "x86_64 make prepare failed in $(rel "$CHECK_X86") (log: $(rel "$LOGS/x86-prepare.log"))"
		touch "$CHECK_X86/.prepared"
	fi
}

# x86_objects LOG MAKEARGS OBJ...: a plain prepare first (so checkers see only
# OBJs), then force-rebuild OBJs with MAKEARGS so every diagnostic is printed
# again; output in LOG.
x86_objects() {
	local log=$1 args=$2 o
	shift 2
	for o in "$@"; do rm -f "$CHECK_X86/$o"; done
	make -C "$CHECK_SRC" O="$CHECK_X86" ARCH=x86_64 -j"$JOBS" prepare >"$log" 2>&1 || return
	# shellcheck disable=SC2086
	make -C "$CHECK_SRC" O="$CHECK_X86" ARCH=x86_64 -j"$JOBS" $args "$@" >>"$log" 2>&1
}

# Objects among OBJ... whose source exists in the x86_64 work tree now.
existing_objects() {
	local o
	for o in "$@"; do [ -f "$CHECK_SRC/${o%.o}.c" ] && echo "$o"; done
	true
}

# Diagnostics of a tool's log without paths, line or column numbers.
normalize_diag() {
	sed -E -e "s#($CHECK_SRC|$SRC)/##g" -e 's#^(\.\./)+##' \
		-e 's#^([^: ]+):[0-9]+(:[0-9]+)?(-[0-9]+)?:#\1:#' \
		-e 's#(line|:)[ ]?[0-9]+#\1N#g' "$@"
}

# compare_new TOOL BASE_OUT SERIES_OUT: print diagnostics only the series has.
compare_new() {
	local tool=$1 new
	new=$(diff <(sort "$2") <(sort "$3") | sed -n 's/^> //p' || true)
	say "$tool: $(grep -c . "$2" || true) diagnostics on the base, $(grep -c . "$3" || true) with the series"
	if [ -n "$new" ]; then
		echo "$new" | sed 's/^/  new: /'
		NEW_IN=$(echo "$new" | cut -d: -f1 | sort -u | tr '\n' ' ' | sed 's/ $//')
		return 1
	fi
	say "$tool: nothing new"
}
