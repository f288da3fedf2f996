# csp - tools for the Child Safeguarding Practice Review procedure.
# GNU make.  `make` builds into $(O), `make check` runs every test and ends
# with "N passed, N failed", `make check-asan` does the same under
# AddressSanitizer and UndefinedBehaviorSanitizer.  `make fuzz` runs the
# libFuzzer harnesses for FUZZ_SECONDS each.

VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share
SCHEMADIR = $(DATADIR)/csp
EXAMPLESDIR = $(DATADIR)/csp/examples
HOOKSDIR = $(DATADIR)/csp/hooks
COMPLETIONSDIR = $(DATADIR)/bash-completion/completions
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
DESTDIR =

CC = cc
AR = ar
CFLAGS = -O2 -g
LDFLAGS =
O = build

# The tools; everything else is derived from this list.
TOOLS = csp-validate csp-deadlines csp-decide csp-refer csp-rapid-review csp-notify csp-publish-check csp-summary

PKGS = yaml-0.1 jansson
# Recursive (=) so pkg-config runs after tools/deps.sh has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lyaml -ljansson)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

# `make bench`: BENCH_N generated cases through the floor and the tools
# (BENCH_ROUNDS, BENCH_TOOLS and BENCH_REPEAT in the environment: see
# tests/bench/bench.sh).
BENCH_N = 100000
BENCH = $(O)/bench/gen $(O)/bench/floor $(O)/bench/runstat

# Fuzzing: one libFuzzer harness per input parser (tests/fuzz/fuzz_*.c),
# built with clang into $(O)/fuzz.  `make check` builds them too, with a
# small main() instead of libFuzzer's, and replays the seeds through them.
FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
FUZZERS = case holidays report schema
REPLAY = $(FUZZERS:%=$(O)/fuzz-replay/fuzz_%)

CSP_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Ilib -MMD -MP $(PKG_CFLAGS)

LIB_SRC = $(wildcard lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(O)/%.o) $(O)/gen/case_schema.o $(O)/gen/words.o
LIB = $(O)/libcsprcore.a
# The shared library: soname libcsprcore.so.MAJOR.MINOR, as before 1.0 a
# minor release may change the ABI; it exports what csprcore.h declares.
SOVERSION = $(basename $(VERSION))
SONAME = libcsprcore.so.$(SOVERSION)
SHLIB = $(O)/libcsprcore.so.$(VERSION)
# what the commands share: every cmd/*.c that is not a tool's main
CMD_OBJ = $(patsubst %.c,$(O)/%.o,$(filter-out $(TOOLS:%=cmd/%.c),$(wildcard cmd/*.c)))
BINS = $(TOOLS:%=$(O)/bin/%)
UNIT = $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/test_*.c))
MANS = $(wildcard man/*.[1-8])
DEPS_STAMP = $(O)/.deps

all: $(BINS) $(SHLIB)

$(DEPS_STAMP):
	@tools/deps.sh build
	@mkdir -p $(@D) && touch $@

$(O)/.deps-check: $(DEPS_STAMP)
	@tools/deps.sh check
	@touch $@

$(O)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/gen/case_schema.c: schemas/case.schema.json tools/embed.sh
	@mkdir -p $(@D)
	tools/embed.sh cspr_case_schema_json < schemas/case.schema.json > $@.tmp && mv $@.tmp $@

# The library's objects go into the archive and the shared library alike:
# position-independent, and (with no interposition of its own functions)
# as fast as the position-independent executables Debian builds anyway.
LIB_CFLAGS = -fPIC -fno-semantic-interposition

# (Makefile: objects built before these flags must be built again)
$(O)/lib/%.o: lib/%.c Makefile | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) $(LIB_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/gen/case_schema.o: $(O)/gen/case_schema.c Makefile
	$(CC) $(CSP_CFLAGS) $(LIB_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/csprcore.map: lib/csprcore.h tools/abi.sh
	tools/abi.sh < lib/csprcore.h > $@.tmp && mv $@.tmp $@

$(SHLIB): $(LIB_OBJ) $(O)/csprcore.map
	$(CC) -shared $(CFLAGS) $(LDFLAGS) -Wl,-soname,$(SONAME) \
	    -Wl,--version-script,$(O)/csprcore.map -o $@ $(LIB_OBJ) $(PKG_LIBS)

# Ordinary English words (Debian's wbritish, lower-case entries), compiled
# into a table of hashes for possible.c: the tools read no file for them.
WORDLIST = /usr/share/dict/british-english

$(O)/gen/mkwords: tools/mkwords.c lib/fnv.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ tools/mkwords.c

$(O)/gen/words.c: $(O)/gen/mkwords $(WORDLIST)
	$(O)/gen/mkwords cspr_words < $(WORDLIST) > $@.tmp && mv $@.tmp $@

$(O)/gen/words.o: $(O)/gen/words.c Makefile
	$(CC) $(CSP_CFLAGS) $(LIB_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(O)/bin/%: $(O)/cmd/%.o $(CMD_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CMD_OBJ) $(LIB) $(PKG_LIBS)

$(O)/tests/%: $(O)/tests/unit/%.o $(LIB) | $(O)/.deps-check
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $(TEST_LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(CMOCKA_LIBS)

# test_oom fails the library's allocations one at a time: its malloc and
# friends are wrapped at link time.
$(O)/tests/test_oom: TEST_LDFLAGS = \
	-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=free

$(O)/tests/unit/%.o: tests/unit/%.c | $(O)/.deps-check
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) -Itests/unit $(CFLAGS) -c -o $@ $<

# The main job on the shipped examples (README's first command).
# Each tool over examples/, as a person would run it; findings are the
# point here, so their exit status 1 does not stop the demo.
demo: all
	@for t in $(TOOLS); do \
	    echo "\$$ $$t examples/"; \
	    $(O)/bin/$$t examples/; r=$$?; \
	    echo "(exit status $$r)"; echo; \
	    [ $$r -le 1 ] || exit $$r; \
	done
	@echo "\$$ csp-summary --format html examples/ > $(O)/board.html"; \
	$(O)/bin/csp-summary --format html examples/ > $(O)/board.html; r=$$?; \
	[ $$r -le 1 ] || exit $$r; \
	echo "The case board is in $$(cd $(O) && pwd)/board.html: open it in a browser."

check: all $(UNIT) $(REPLAY) $(O)/tests/failmalloc.so $(O)/tests/budget | $(O)/.deps-check
	@CC='$(CC)' CFLAGS='$(CFLAGS)' LDFLAGS='$(LDFLAGS)' tests/run.sh $(O)

# Each harness for FUZZ_SECONDS over a corpus kept in $(O)/fuzz/corpus
# and seeded from examples/ and tests/; a crash stops it with the input
# saved in $(O)/fuzz/artifacts.
fuzz:
	$(MAKE) O=$(O)/fuzz CC=$(FUZZ_CC) \
	    CFLAGS='$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link' fuzzers
	@tests/fuzz/run.sh $(O)/fuzz $(FUZZ_SECONDS) $(FUZZERS)

fuzzers: $(FUZZERS:%=$(O)/fuzzers/fuzz_%)

$(O)/fuzzers/fuzz_%: tests/fuzz/fuzz_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) $(CFLAGS) -fsanitize=fuzzer \
	    -o $@ $< $(LIB) $(PKG_LIBS)

check-asan:
	$(MAKE) O=$(O)/asan \
	    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    LDFLAGS='-fsanitize=address,undefined' check

# The LD_PRELOAD shim of tests/cli/oom.sh; never with the sanitizers'
# flags, whose allocator must come first (the test skips those builds).
$(O)/tests/failmalloc.so: tests/oom/failmalloc.c
	@mkdir -p $(@D)
	$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ tests/oom/failmalloc.c -ldl

# What a command costs, measured by tests/cli/budget.sh.
$(O)/tests/budget: tests/budget/budget.c
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $<

# A harness with tests/fuzz/replay.c for its main(): each file named is one
# input (tests/cli/fuzz_replay.sh).
$(O)/fuzz-replay/fuzz_%: $(O)/tests/fuzz/fuzz_%.o $(O)/tests/fuzz/replay.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/tests/fuzz/replay.o $(LIB) $(PKG_LIBS)

# SPEC section 5's performance bars, measured (a benchmark, not a test);
# the figures go to $(O)/bench.txt.
bench: all $(BENCH)
	@tests/bench/bench.sh $(O) $(BENCH_N)

$(O)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CSP_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

# The unit tests and the command-line suites of bad input, awkward input
# and output errors under valgrind memcheck: no errors, no leaks.
check-valgrind: all $(UNIT) | $(O)/.deps-check
	@tests/valgrind.sh $(O)

# Rewrite the golden outputs from the current build; review `git diff`.
golden: all
	@tests/golden.sh $(O) update

# The .pc names this install's PREFIX, so it is written on every install:
# a copy kept in $(O) would go stale when PREFIX changes.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR)
	cp -f $(BINS) $(DESTDIR)$(BINDIR)/
	cp -f $(LIB) $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf libcsprcore.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libcsprcore.so
	cp -f lib/csprcore.h $(DESTDIR)$(INCLUDEDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    tools/csprcore.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/csprcore.pc
	for m in $(MANS); do s=$${m##*.}; mkdir -p $(DESTDIR)$(MANDIR)/man$$s && \
	    cp -f $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; done
	mkdir -p $(DESTDIR)$(SCHEMADIR)
	cp -f schemas/case.schema.json $(DESTDIR)$(SCHEMADIR)/
	mkdir -p $(DESTDIR)$(EXAMPLESDIR)
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@EXAMPLESDIR@|$(EXAMPLESDIR)|g' \
	    share/csp/examples/csp-deadlines.service.in \
	    > $(DESTDIR)$(EXAMPLESDIR)/csp-deadlines.service
	cp -f share/csp/examples/csp-deadlines.timer $(DESTDIR)$(EXAMPLESDIR)/
	mkdir -p $(DESTDIR)$(HOOKSDIR)
	cp -f share/csp/hooks/pre-commit $(DESTDIR)$(HOOKSDIR)/
	chmod 755 $(DESTDIR)$(HOOKSDIR)/pre-commit
	mkdir -p $(DESTDIR)$(COMPLETIONSDIR)
	for t in $(TOOLS); do \
	    sed 's|@TOOLS@|$(TOOLS)|' share/bash-completion/csp.in \
	    > $(DESTDIR)$(COMPLETIONSDIR)/$$t || exit 1; done

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(DESTDIR)$(LIBDIR)/libcsprcore.a \
	    $(DESTDIR)$(LIBDIR)/libcsprcore.so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libcsprcore.so \
	    $(DESTDIR)$(INCLUDEDIR)/csprcore.h $(DESTDIR)$(PKGCONFIGDIR)/csprcore.pc
	for m in $(MANS); do s=$${m##*.}; \
	    rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	rm -f $(DESTDIR)$(EXAMPLESDIR)/csp-deadlines.service \
	    $(DESTDIR)$(EXAMPLESDIR)/csp-deadlines.timer \
	    $(DESTDIR)$(HOOKSDIR)/pre-commit \
	    $(DESTDIR)$(SCHEMADIR)/case.schema.json \
	    $(TOOLS:%=$(DESTDIR)$(COMPLETIONSDIR)/%)

clean:
	rm -rf $(O)

.PHONY: all bench demo check check-asan check-valgrind fuzz fuzzers golden install uninstall clean
.SECONDARY:

-include $(shell find $(O) -name '*.d' 2>/dev/null)
