#!/bin/bash
# Step e: W=1 on the objects of the touched .c files: nothing new vs base.
STEP=check-w1
. "$(dirname "$0")/lib.sh"
exec "$(dirname "$0")/compare-x86.sh" W=1 "W=1"
