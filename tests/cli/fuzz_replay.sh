# fuzz_replay.sh - every seed of every fuzz harness goes through it without
# a complaint: the project's own inputs of each kind, and tests/fuzz/seeds,
# where an input that ever crashed a harness is kept as a regression test.
# (The harnesses are built by `make check` with tests/fuzz/replay.c; `make
# fuzz` runs them under libFuzzer.)
. tests/lib.sh

R=$(cd "$CSP_BIN/../fuzz-replay" && pwd)

for h in case holidays report schema; do
	case $h in
	case) set -- examples/*.yaml tests/data/*/*.yaml ;;
	holidays) set -- tests/data/calendar/* ;;
	report) set -- examples/reports/* tests/data/reports/* tests/data/text/* ;;
	schema) set -- schemas/*.json tests/data/schema/* tests/data/hostile2/*.json ;;
	esac
	set -- "$@" tests/fuzz/seeds/$h/*
	for f in "$@"; do
		[ -f "$f" ] || continue
		run "$R/fuzz_$h" "$f"
		ok "fuzz_$h $f" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
	done
done
