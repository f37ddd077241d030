# xianfeng - build, run and test. See README.md.
#   make            build build/xianfeng (and the web UI once web/ exists)
#   make run        install what is missing, build, create the demo city, serve
#   make test       install what the tests need and run every suite
#   make test SANITIZE=address,undefined   the same under ASan and UBSan
#   make format / make lint / make fuzz / make bench

CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3 libpq libsodium xlsxwriter libqrencode \
            libzip expat pangocairo liboath
SANITIZE ?=
BUILD    ?= build

CFLAGS_BASE := -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wundef -Wvla -Wpointer-arith -Wwrite-strings \
	-Wold-style-definition -Wmissing-declarations -Wimplicit-fallthrough \
	-fno-common -pthread -Isrc
ifeq ($(SANITIZE),)
OPT := -O2 -g
else
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=$(SANITIZE) -fno-sanitize-recover=all
endif
CFLAGS  := $(CFLAGS_BASE) $(OPT) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDFLAGS := -pthread $(if $(SANITIZE),-fsanitize=$(SANITIZE))
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

LIB_SRC := $(sort $(wildcard src/base/*.c src/model/*.c src/domain/*.c \
	src/store/*.c src/service/*.c src/render/*.c src/http/*.c src/api/*.c \
	src/tools/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/src/main.o
DEPS    := $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

.PHONY: clock-build bench soak fuzz fuzz-short e2e screenshots web all run test deps test-deps format lint clean unit api-test fuzz bench

all: $(BUILD)/xianfeng

# Rebuild everything when the compiler flags change (e.g. SANITIZE).
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo "$(CC) $(CFLAGS) $(LDFLAGS)" | cmp -s - $@ || echo '$(CC) $(CFLAGS) $(LDFLAGS)' > $@
FORCE:

$(BUILD)/obj/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

# The list of common passwords the password rule refuses (domain/password.h).
src/domain/common_passwords.c: data/common-passwords.txt scripts/gen-common-passwords.sh
	scripts/gen-common-passwords.sh $< $@

$(BUILD)/libxf.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# ---- web UI: built by Vite, embedded into the binary -----------------------
WEB_SRC := $(shell find web/src web/public -type f 2>/dev/null) \
	$(wildcard web/index.html web/vite.config.js web/package.json)
# WEB=0 builds the binary without the UI (an empty asset table).
WEB ?= 1
ifeq ($(WEB)$(if $(wildcard web/package.json),yes,no),1yes)
web/node_modules/.xf-installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@
build/web.stamp: web/node_modules/.xf-installed $(WEB_SRC)
	cd web && npm run build --silent
	@mkdir -p build && touch $@
build/gen/web_assets.c: build/web.stamp scripts/embed-web.mjs
	node scripts/embed-web.mjs web/dist $@
else
build/gen/web_assets.c:
	@mkdir -p $(dir $@)
	printf '#include "http/static.h"\nconst xf_asset xf_web_assets[] = {{0}};\nconst size_t xf_web_nassets = 0;\n' > $@
endif

$(BUILD)/obj/gen/web_assets.o: build/gen/web_assets.c
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) -std=c11 -O0 -Isrc -c $< -o $@

$(BUILD)/xianfeng: $(MAIN_OBJ) $(BUILD)/obj/gen/web_assets.o $(BUILD)/libxf.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

deps:
	@scripts/deps.sh run

test-deps:
	@scripts/deps.sh test

run: deps
	$(MAKE) all
	@mkdir -p data
	@if [ ! -f data/xianfeng.db ]; then \
		$(BUILD)/xianfeng init --db sqlite:data/xianfeng.db && \
		$(BUILD)/xianfeng demo --db sqlite:data/xianfeng.db; \
	else $(BUILD)/xianfeng init --db sqlite:data/xianfeng.db; fi
	$(BUILD)/xianfeng serve --db sqlite:data/xianfeng.db --listen 127.0.0.1:8080

# ---- tests ---------------------------------------------------------------
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libxf.a $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libxf.a $(LDFLAGS) $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@scripts/run-unit.sh $(UNIT_BIN)

# Both databases, then SQLite again with the clock at the year and quarter
# edges (XF_API_CLOCKS=edges; set XF_API_CLOCKS= to skip those runs).
# The clock runs test dates, not memory: under SANITIZE they use the plain
# build of build/release (which .ci/run builds anyway), at twice the speed.
CLOCK_BIN := $(if $(SANITIZE),$(CURDIR)/build/release/xianfeng,$(CURDIR)/$(BUILD)/xianfeng)
clock-build:
	$(if $(SANITIZE),$(MAKE) all BUILD=build/release SANITIZE=)
XF_API_CLOCKS ?= edges
api-test: all clock-build
	@XF_API_CLOCKS="$(XF_API_CLOCKS)" XF_CLOCK_BIN=$(CLOCK_BIN) scripts/run-api-tests.sh

# Every suite; each prints a closing line "SUITE: N passed, N failed".
test: test-deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) api-test
	$(MAKE) fuzz-short
	$(MAKE) e2e

# libFuzzer harnesses (clang): a short run of each is part of make test.
fuzz:
	scripts/fuzz.sh 60

fuzz-short:
	scripts/fuzz.sh 5

# Browser tests in Debian's Chromium against the real server; the dated
# pages again at the clock edges (XF_E2E_CLOCKS=edges; empty skips them).
XF_E2E_CLOCKS ?= edges
e2e: all clock-build
	XF_E2E_CLOCKS="$(XF_E2E_CLOCKS)" XF_CLOCK_BIN=$(CLOCK_BIN) scripts/run-e2e.sh

# Screenshots of every page at 1440 px and 390 px into screenshots/.
screenshots: all
	scripts/screenshots.sh

# Benchmarks (minutes, not part of make test): writes docs/benchmarks.md.
bench: all
	bench/run.sh

# 60 s of mixed reads and writes at 64 connections (not part of make test).
soak: all
	node bench/soak.mjs 60

format:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h')

lint:
	clang-format --dry-run -Werror $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h')
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem -Isrc src

clean:
	rm -rf $(BUILD)

-include $(DEPS)
