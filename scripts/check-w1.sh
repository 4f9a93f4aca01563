#!/bin/bash
# Step e: W=1 on the objects of step d: nothing new vs base.
STEP=check-w1
. "$(dirname "$0")/lib.sh"
# x86_64 defconfig has CONFIG_WERROR=y: keep W=1 warnings warnings.
export STEP; exec "$(dirname "$0")/compare-x86.sh" W=1 "W=1 KCFLAGS=-Wno-error" --users
