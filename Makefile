# Series workspace: applies patches/ to a Debian 7.3 kernel (linux-source-7.3
# from trixie-backports), runs its KUnit tests (make) and gates every patch
# (make check). See README.md.
# Each target is one script under scripts/; add a target as one more script.

BUILD ?= build
PATCHES_DIR ?= patches
TESTS_DIR ?= tests
export BUILD PATCHES_DIR TESTS_DIR

.NOTPARALLEL:
.PHONY: all deps base series kunit check model bench vmtest tree export clean distclean
GOALS := all deps base series kunit check model bench vmtest tree export clean

ifeq ($(WS_LOCKED),)
# One make at a time per build dir: re-run the goal holding $(BUILD)/.lock.
$(GOALS):
	@scripts/lock.sh $(MAKE) --no-print-directory $@
distclean:
	rm -rf $(BUILD)
else

all: kunit

deps:
	@scripts/deps.sh
base: deps
	@scripts/base.sh
series: base
	@scripts/apply.sh
kunit: series
	@scripts/kunit.sh
	@scripts/kunit_results.py show $(BUILD)/kunit.json $(TESTS_DIR)/uml-skip.list $(TESTS_DIR)/provoked.list

check: base
	@scripts/check.sh

model: deps
	@scripts/model.sh

bench: series
	@scripts/bench.sh

vmtest: series
	@scripts/vmtest.sh

tree: base
	@scripts/tree.sh
export:
	@scripts/export.sh

# build/tree holds your unexported commits: only distclean removes it.
clean:
	@scripts/clean.sh
distclean:
	rm -rf $(BUILD)

endif
