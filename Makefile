# A thin wrapper over CMake for the two everyday jobs. `make demo` and
# `make test` first install any missing Debian package (as root, or with sudo).

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PACKAGES := cmake g++ make pkg-config libgumbo-dev libsqlite3-dev libcli11-dev libfmt-dev \
            libgtest-dev libicu-dev help2man
# The URL standard's test data (urltestdata.json) comes with the Rust url
# crate's sources; the URL tests compare kn's host parser with it. The
# completion tests drive bash (on a terminal, tmux, with bash-completion),
# zsh and fish.
TEST_PACKAGES := librust-url-dev zsh fish tmux bash-completion
# The extension tests load libknfts.so into the sqlite3 shell, Debian's
# python3 and sqlite-utils.
TEST_PACKAGES += sqlite3 python3 sqlite-utils
# CPack's Debian package: dpkg-shlibdeps computes Depends, file finds what to strip.
DEB_PACKAGES := dpkg-dev file
CHECK_PACKAGES := clang libclang-rt-14-dev valgrind ripgrep
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps check-deps build demo test check test-asan fuzz valgrind package clean

all: build

deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(PACKAGES) $(TEST_PACKAGES)"

check-deps:
	@$(MAKE) --no-print-directory install-missing LIST="$(PACKAGES) $(TEST_PACKAGES) $(CHECK_PACKAGES)"

.PHONY: install-missing
install-missing:
	@missing=$$(for p in $(LIST); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKN_WERROR=ON

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

# The demo needs only kn itself: no tests, no man page.
demo: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS) --target kn
	rm -f $(BUILD)/demo.db
	$(BUILD)/kn index --db $(BUILD)/demo.db seeds/
	$(BUILD)/kn search --db $(BUILD)/demo.db --limit 3 PyTorch
	$(BUILD)/kn search --db $(BUILD)/demo.db --limit 3 解法 section:competitions
	$(BUILD)/kn list --competition --db $(BUILD)/demo.db

test: test-deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# kn_<version>_<arch>.deb in the build directory: the files cmake --install
# puts under a prefix, under /usr.
package: build
	@$(MAKE) --no-print-directory install-missing LIST="$(DEB_PACKAGES)"
	cd $(BUILD) && cpack -G DEB

# The deeper checks CI runs after the tests: the suite under ASan+UBSan, the
# fuzzers on their corpora for a short while, and valgrind on real runs.
check: test test-asan fuzz valgrind

test-asan: check-deps
	cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DKN_SANITIZE=ON
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ctest --output-on-failure -j $(JOBS)

FUZZ_SECONDS ?= 20
fuzz: check-deps
	CC=clang CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DKN_FUZZ=ON -DBUILD_TESTING=OFF
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzz_extract fuzz_nesting fuzz_query fuzz_url fuzz_tokenizer
	for t in extract nesting query url tokenizer; do \
	  mkdir -p $(BUILD)-fuzz/corpus-$$t && \
	  $(BUILD)-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    $$( [ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict ) \
	    $(BUILD)-fuzz/corpus-$$t fuzz/corpus/$$t $$( [ $$t = extract ] && echo seeds tests/data ) \
	    || exit 1; \
	done

valgrind: build check-deps
	rm -f $(BUILD)/valgrind.db
	for args in "index --db $(BUILD)/valgrind.db seeds/" "search --db $(BUILD)/valgrind.db PyTorch" \
	            "search --db $(BUILD)/valgrind.db 解法 section:competitions" \
	            "list --competition --db $(BUILD)/valgrind.db"; do \
	  valgrind -q --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    $(BUILD)/kn $$args > /dev/null || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
