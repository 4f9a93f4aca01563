#!/bin/bash
# Step d: sparse (make C=2) on the objects of the touched .c files (and the
# mmu notifier users when its header changes): no warning the base lacks.
STEP=check-sparse
. "$(dirname "$0")/lib.sh"
export STEP; exec "$(dirname "$0")/compare-x86.sh" sparse "C=2" --users
