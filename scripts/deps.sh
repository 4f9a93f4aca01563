#!/bin/bash
# Install what the workspace needs with apt-get (only when something is
# missing), then fetch the base's linux-source package when it comes from a
# suite the machine's apt sources do not name (fetch-source.sh).
STEP=deps
. "$(dirname "$0")/lib.sh"

# What each package is for (make, make check steps a-j):
#   build-essential gcc make flex bison bc libelf-dev libssl-dev cpio xz-utils
#     kernel builds (UML, x86_64 objects, step j); xz-utils unpacks the base
#   perl            checkpatch (c), kernel-doc up to 6.x (g)
#   python3         kunit.py, kunit_results.py, kernel-doc from 6.16 on (g)
#   git             the base repository and the series
#   sparse          step d when the base's kernel accepts it (6.x); 7.3 refuses
#                   Debian 12's 0.6.4 (no __typeof_unqual__): step d then
#                   builds sid's with fetch-sparse.sh (gcc and make only)
#   coccinelle      step f (spatch); ocaml-nox: the semantic patches with
#                   OCaml scripts need an OCaml compiler ("No OCaml compiler
#                   found! Install either ocamlopt or ocamlopt.opt");
#                   libpython3.11: those with Python scripts load Debian 12's
#                   libpython, which coccinelle does not depend on
#                   ("Py.find_library: unable to find the Python library")
#   qemu-system-x86 step j (kunit.py --arch=x86_64), make vmtest (step q)
#   busybox-static  make vmtest: the guest's shell and tools (/bin/busybox);
#                   its programs are linked with gcc -static (libc6-dev)
#   spin            step m, make model (model/unwind.pml)
#   python3-sphinx  step n (make SPHINXDIRS=mm htmldocs)
#   gdb             make bench: the size of mm/mmu_notifier.c's private struct
#   python3-ply python3-git  checkpatch's SPDX check (scripts/spdxcheck.py)
#                   on new files; without them it is skipped with a traceback
#   debian-archive-keyring  verifies the suites fetch-source.sh and
#                   fetch-sparse.sh read
PKGS=(build-essential gcc make flex bison bc libelf-dev libssl-dev cpio xz-utils
      perl python3 git sparse coccinelle ocaml-nox libpython3.11 qemu-system-x86 spin
      python3-sphinx python3-ply python3-git gdb debian-archive-keyring busybox-static)
fetch=0
if [ -z "$KERNEL_SRC" ] && [ "$TARBALL" = "$TARBALL_DEFAULT" ]; then
	if [ -n "$BASE_SUITE" ]; then
		fetch=1
	else
		PKGS+=("linux-source-$BASE_SERIES")
	fi
fi

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
	say "all ${#PKGS[@]} packages installed"
else
	[ "$(id -u)" = 0 ] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
	export DEBIAN_FRONTEND=noninteractive
	run_log "$LOGS/apt-update.log" "apt-get update" apt-get update -q -o DPkg::Lock::Timeout=300 ||
		die "apt-get update failed (see $(rel "$LOGS/apt-update.log"))"
	run_log "$LOGS/apt-install.log" "installing ${missing[*]}" \
		apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold "${missing[@]}" ||
		die "apt-get install of ${missing[*]} failed (see $(rel "$LOGS/apt-install.log"))"
	say "installed: ${missing[*]}"
fi
((fetch == 0)) || exec "$(dirname "$0")/fetch-source.sh"
