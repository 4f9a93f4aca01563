#!/bin/bash
# Step d: sparse (make C=2) on the objects of the touched .c files: no
# warning the base does not already have.
STEP=check-sparse
. "$(dirname "$0")/lib.sh"
exec "$(dirname "$0")/compare-x86.sh" sparse "C=2"
