#!/bin/bash
# lock.sh CMD...: run CMD holding $BUILD/.lock, so that two makes never share
# the trees and build dirs under build/ (a second one waits for the first).
STEP=lock
. "$(dirname "$0")/lib.sh"
mkdir -p "$BUILD"
exec 9>"$BUILD/.lock"
if ! flock -n 9; then
	say "another make is running on $(rel "$BUILD"): waiting for it to finish"
	flock 9
fi
export WS_LOCKED=1
exec "$@"
