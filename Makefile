# junheng — county compulsory-education balance reports as print-ready PDFs.
#
#   make          build ./junheng (installs missing Debian packages first, once)
#   make test     sanitizer build (ASan + UBSan), unit and end-to-end tests
#   make test-long  slow soaks (tests/long/), e.g. a PDF of 40,001 pages
#   make bench    optimised build, timings and sizes
#   make deps     install the Debian packages listed in tools/deps.txt
#   make example  render the built-in Tongdao 2019 report and school sheets
#   make install  install under $(DESTDIR)$(PREFIX) (default /usr/local); make uninstall
#   make po       refresh po/junheng.pot from the sources and merge it into po/*.po

CC      ?= gcc
PKGS     = harfbuzz-subset harfbuzz freetype2 libunibreak libcmark-gfm yajl libdeflate xlsxwriter libzip expat
# libhpdf and libcsv ship no pkg-config file on Debian: link them by name.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
LIBS     = -lhpdf -lcsv -lcmark-gfm-extensions $(PKG_LIBS) -lmicrohttpd -lzip -lyajl -lpthread -lm

WARN     = -Wall -Wextra -Werror
BASEFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Isrc $(PKG_CFLAGS) -MMD -MP
REL_FLAGS  = -O2 -g
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=undefined,float-cast-overflow

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
BASEFLAGS += -DJH_VERSION='"$(VERSION)"'

LIB_SRC  = $(filter-out src/cli/main.c,$(wildcard src/*/*.c))
MAIN_SRC = src/cli/main.c
UNIT_SRC = $(wildcard tests/unit/test_*.c)
TOOL_SRC = $(wildcard tools/*.c)

# The web page's files (src/web/page/) compiled in as C arrays (web/assets.h).
WEB_PAGE = $(sort $(wildcard src/web/page/*))
REL_OBJ  = $(patsubst %.c,build/rel/%.o,$(LIB_SRC)) build/rel/gen/web_assets.o
ASAN_OBJ = $(patsubst %.c,build/asan/%.o,$(LIB_SRC)) build/asan/gen/web_assets.o
UNIT_BIN = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))
TOOL_BIN = $(patsubst tools/%.c,build/rel/tools/%,$(TOOL_SRC))

DEPS_STAMP = build/.deps-stamp

# Translations: po/LANG.po -> build/locale/LANG/LC_MESSAGES/junheng.mo, where
# the binary in the build tree finds them (src/common/i18n.c).
PO_FILES = $(wildcard po/*.po)
MO       = $(patsubst po/%.po,build/locale/%/LC_MESSAGES/junheng.mo,$(PO_FILES))

# Installation (Debian layout under PREFIX; DESTDIR for staging).
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share
PKGDATA  = $(DATADIR)/junheng
MANDIR   = $(DATADIR)/man
BASHCOMP = $(DATADIR)/bash-completion/completions
LOCALEDIR = $(DATADIR)/locale
TEMPLATES = $(wildcard templates/*.md)
# the built-in examples `junheng serve` starts on (copied to the user's folder first)
EXAMPLES  = data/tongdao-2019 data/sample-county

.PHONY: all deps test test-long unit e2e bench example clean tools install uninstall po keys-doc
all: junheng $(MO)

# Packages are checked once; the stamp is refreshed only when the list changes.
$(DEPS_STAMP): tools/deps.txt tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p build && touch $@
deps:
	@sh tools/deps.sh
	@mkdir -p build && touch $(DEPS_STAMP)

build/rel/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(REL_FLAGS) -c $< -o $@
build/asan/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -c $< -o $@

build/gen/web_assets.c: $(WEB_PAGE) tools/embed.py
	@mkdir -p $(dir $@)
	python3 tools/embed.py $@ $(WEB_PAGE)
build/rel/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(REL_FLAGS) -c $< -o $@
build/asan/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -c $< -o $@

build/rel/junheng: $(REL_OBJ) build/rel/src/cli/main.o
	$(CC) $(REL_FLAGS) -o $@ $^ $(LIBS)
build/asan/junheng: $(ASAN_OBJ) build/asan/src/cli/main.o
	$(CC) $(ASAN_FLAGS) -o $@ $^ $(LIBS)
junheng: build/rel/junheng
	cp $< $@

build/asan/tests/%: tests/unit/%.c $(ASAN_OBJ) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -o $@ $< $(ASAN_OBJ) $(LIBS) -lcmocka

build/rel/tools/%: tools/%.c $(REL_OBJ) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(REL_FLAGS) -o $@ $< $(REL_OBJ) $(LIBS)
tools: $(TOOL_BIN)

# Every test runs against the sanitizer build; tests/run.sh prints "N passed, N failed".
test: build/asan/junheng $(UNIT_BIN) junheng $(MO) build/rel/tools/csv2xlsx
	@sh tests/run.sh build/asan

# Slow soaks (tests/long/*.sh, minutes), against the optimised build; CI does not run them.
test-long: junheng $(MO) $(TOOL_BIN)
	@sh tests/run.sh --long

bench: junheng $(TOOL_BIN)
	@sh tests/bench.sh

example: junheng
	./junheng report -c data/tongdao-2019/report.ini -o out/tongdao-2019.pdf
	./junheng sheets -c data/tongdao-2019/report.ini --combined out/tongdao-2019-sheets.pdf

# The INI key reference in doc/junheng.1 and doc/configuration.md, from the schema.
keys-doc: build/rel/junheng
	@sh tools/keys-doc.sh build/rel/junheng

clean:
	rm -rf build junheng out

build/locale/%/LC_MESSAGES/junheng.mo: po/%.po | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The message catalogue template: every _() and N_() string of the sources.
po:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	    --package-name=junheng --package-version=$(VERSION) --msgid-bugs-address= \
	    --sort-by-file -o po/junheng.pot $(sort $(LIB_SRC) $(MAIN_SRC))
	for f in $(PO_FILES); do msgmerge --quiet --update --backup=none $$f po/junheng.pot; done

install: junheng $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PKGDATA)/templates $(DESTDIR)$(PKGDATA)/fonts \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMP)
	install -m 755 junheng $(DESTDIR)$(BINDIR)/junheng
	install -m 644 $(TEMPLATES) $(DESTDIR)$(PKGDATA)/templates/
	install -m 644 fonts/README.md $(DESTDIR)$(PKGDATA)/fonts/README.md
	for d in $(EXAMPLES); do install -d $(DESTDIR)$(PKGDATA)/$$d && \
	    install -m 644 $$d/*.ini $$d/*.csv $$d/README.md $(DESTDIR)$(PKGDATA)/$$d/ || exit 1; done
	install -m 644 doc/junheng.1 $(DESTDIR)$(MANDIR)/man1/junheng.1
	install -m 644 completion/junheng.bash $(DESTDIR)$(BASHCOMP)/junheng
	for po in $(PO_FILES); do l=$$(basename $$po .po); \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 build/locale/$$l/LC_MESSAGES/junheng.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/junheng.mo || exit 1; \
	done

# Removes exactly what install wrote, and the folders that were junheng's own.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/junheng $(DESTDIR)$(MANDIR)/man1/junheng.1 $(DESTDIR)$(BASHCOMP)/junheng
	rm -f $(addprefix $(DESTDIR)$(PKGDATA)/,$(TEMPLATES)) $(DESTDIR)$(PKGDATA)/fonts/README.md
	for d in $(EXAMPLES); do rm -f $(DESTDIR)$(PKGDATA)/$$d/*.ini $(DESTDIR)$(PKGDATA)/$$d/*.csv \
	    $(DESTDIR)$(PKGDATA)/$$d/README.md; rmdir $(DESTDIR)$(PKGDATA)/$$d 2>/dev/null; done; \
	    rmdir $(DESTDIR)$(PKGDATA)/data 2>/dev/null; true
	for po in $(PO_FILES); do rm -f $(DESTDIR)$(LOCALEDIR)/$$(basename $$po .po)/LC_MESSAGES/junheng.mo; done
	-rmdir $(DESTDIR)$(PKGDATA)/templates $(DESTDIR)$(PKGDATA)/fonts $(DESTDIR)$(PKGDATA) 2>/dev/null

-include $(shell find build -name '*.d' 2>/dev/null)

# Fuzzing: every tests/fuzz/fuzz_NAME.c is a libFuzzer harness, built with
# clang against the library sources and run for FUZZ_SECONDS on the seeds in
# tests/fuzz/corpus/NAME/ (and tests/fuzz/NAME.dict if present).  New inputs
# go to build/fuzz/corpus/NAME/, crashes to build/fuzz/NAME-crash-*.
FUZZ_SECONDS ?= 60
FUZZ_CC    ?= clang
FUZZ_SRC    = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN    = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_OBJ    = $(patsubst %.c,build/fuzz/obj/%.o,$(LIB_SRC)) build/fuzz/obj/gen/web_assets.o
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Isrc $(PKG_CFLAGS) -g -O1 \
              -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

build/fuzz/obj/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ) $(wildcard tests/fuzz/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LIBS)

.PHONY: fuzz
.SECONDARY: $(FUZZ_OBJ)
fuzz: $(FUZZ_BIN)
	@for b in $(FUZZ_BIN); do \
	    n=$${b##*/fuzz_}; \
	    mkdir -p build/fuzz/corpus/$$n tests/fuzz/corpus/$$n; \
	    dict=; [ -f tests/fuzz/$$n.dict ] && dict=-dict=tests/fuzz/$$n.dict; \
	    echo "fuzz $$n: $(FUZZ_SECONDS) s"; \
	    $$b -max_total_time=$(FUZZ_SECONDS) $$dict -artifact_prefix=build/fuzz/$$n- \
	        build/fuzz/corpus/$$n tests/fuzz/corpus/$$n || exit 1; \
	done
