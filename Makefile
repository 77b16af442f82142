# A thin wrapper over CMake for the two everyday jobs. `make demo` and
# `make test` first install any missing Debian package (as root, or with sudo).

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PACKAGES := cmake g++ make pkg-config libgumbo-dev libsqlite3-dev libcli11-dev libfmt-dev \
            libgtest-dev libicu-dev help2man
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
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

demo: build
	rm -f $(BUILD)/demo.db
	$(BUILD)/kn index --db $(BUILD)/demo.db seeds/
	$(BUILD)/kn search --db $(BUILD)/demo.db --limit 3 PyTorch
	$(BUILD)/kn search --db $(BUILD)/demo.db --limit 3 解法 section:competitions
	$(BUILD)/kn list --competition --db $(BUILD)/demo.db

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
