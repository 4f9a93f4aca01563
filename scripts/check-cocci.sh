#!/bin/bash
# Step f: coccicheck (report mode, every semantic patch) on the touched .c
# files, file by file (C=2 CHECK=scripts/coccicheck): nothing new vs base.
STEP=check-cocci
. "$(dirname "$0")/lib.sh"
exec "$(dirname "$0")/compare-x86.sh" coccicheck "C=2 CHECK=$CHECK_SRC/scripts/coccicheck MODE=report"
