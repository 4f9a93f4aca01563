#!/bin/bash
# Step f: coccicheck (report mode, every semantic patch) on the touched .c
# files, file by file: make C=1 CHECK=scripts/coccicheck on their objects,
# which compare-x86.sh always rebuilds (C=2 would also check prepare's
# scripts/mod/empty.c, ~70 spatch runs for nothing). Nothing new vs base.
STEP=check-cocci
. "$(dirname "$0")/lib.sh"
export STEP; exec "$(dirname "$0")/compare-x86.sh" coccicheck "C=1 CHECK=$CHECK_SRC/scripts/coccicheck MODE=report"
