#!/bin/bash
# Install what the workspace needs with apt-get (only when something is missing).
STEP=deps
. "$(dirname "$0")/lib.sh"

PKGS=(linux-source-$BASE_SERIES build-essential gcc make flex bison bc libelf-dev libssl-dev
      cpio xz-utils perl python3 git sparse coccinelle qemu-system-x86)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
	say "all ${#PKGS[@]} packages installed"
	exit 0
fi
[ "$(id -u)" = 0 ] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
export DEBIAN_FRONTEND=noninteractive
run_log "$LOGS/apt-update.log" "apt-get update" apt-get update -q -o DPkg::Lock::Timeout=300 ||
	die "apt-get update failed (see $(rel "$LOGS/apt-update.log"))"
run_log "$LOGS/apt-install.log" "installing ${missing[*]}" \
	apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold "${missing[@]}" ||
	die "apt-get install of ${missing[*]} failed (see $(rel "$LOGS/apt-install.log"))"
say "installed: ${missing[*]}"
