#!/bin/sh
# run.sh BUILD SECONDS NAME... - run each libFuzzer harness BUILD/fuzzers/
# fuzz_NAME for SECONDS over its corpus, BUILD/corpus/NAME, which is kept
# between runs and seeded each time from the files of the project that are
# that kind of input (BUILD/seeds/NAME) and from tests/fuzz/seeds/NAME.
# The harnesses run side by side, so the whole takes SECONDS and a little.
# A crash, leak, timeout or sanitizer report stops that harness; its input
# is left in BUILD/artifacts and the status is 1.  One summary line per
# harness: executions, speed, corpus size, and what was found.
set -u
O=$1
secs=$2
shift 2
mkdir -p "$O/artifacts"
status=0

# seeds NAME: the project's own inputs of that kind, in one folder
seeds() {
	d=$O/seeds/$1
	rm -rf "$d"
	mkdir -p "$d"
	case $1 in
	case)
		# truncations are left to the fuzzer; the huge hostile files are
		# made by the tests and are beyond max_len anyway
		for f in examples/*.yaml tests/data/*/*.yaml; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	holidays)
		for f in tests/data/calendar/*; do
			[ -f "$f" ] && cp "$f" "$d/${f##*/}"
		done ;;
	report)
		for f in examples/reports/* tests/data/reports/* \
		    tests/data/text/*; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	schema)
		for f in schemas/*.json tests/data/schema/* \
		    tests/data/hostile2/*.json; do
			[ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
		done ;;
	esac
	[ -d "tests/fuzz/seeds/$1" ] && cp tests/fuzz/seeds/"$1"/* "$d/"
	# every field name in the schema is a word worth trying in a case
	if [ "$1" = case ]; then
		{
			cat tests/fuzz/case.dict
			grep -o '"[a-z_]*": *{' schemas/case.schema.json |
			    sed 's/"\([a-z_]*\)".*/"\1: "/' | sort -u
		} >"$O/case.dict"
	fi
}

# The budget of SPEC section 1 (0.2), 1 s of CPU and 64 MiB above idle for
# any input, for inputs under the sanitizers and coverage hooks, which make
# code about 5 times slower and keep shadow memory and a corpus, with the
# harnesses side by side on two cores (libFuzzer's -timeout is wall-clock
# time): 10 s for one input, 64 MiB for one allocation, 512 MiB for the
# whole process.
timeout=10
malloc=64
rss=512

for name in "$@"; do
	bin=$O/fuzzers/fuzz_$name
	log=$O/$name.log
	seeds "$name"
	mkdir -p "$O/corpus/$name"
	# long enough for every seed of its kind; a report's scanner is slow
	# under the coverage hooks, so its inputs are kept shorter
	case $name in
	report) len=4096 ;;
	schema) len=65536 ;; # the built-in schema is a seed
	*) len=16384 ;;
	esac
	dict=
	[ "$name" = case ] && dict=-dict=$O/case.dict
	[ "$name" != case ] && [ -f "tests/fuzz/$name.dict" ] &&
	    dict=-dict=tests/fuzz/$name.dict
	# the harness prints nothing; libFuzzer's progress goes to the log
	{
		"$bin" -max_total_time="$secs" -timeout=$timeout \
		    -rss_limit_mb=$rss -malloc_limit_mb=$malloc \
		    -max_len=$len -print_final_stats=1 \
		    -artifact_prefix="$O/artifacts/$name-" $dict \
		    "$O/corpus/$name" "$O/seeds/$name" >"$log" 2>&1
		echo $? >"$O/$name.status"
	} &
done
wait

for name in "$@"; do
	log=$O/$name.log
	r=$(cat "$O/$name.status")
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	size=$(ls "$O/corpus/$name" | wc -l)
	if [ "$r" -eq 0 ]; then
		printf 'fuzz_%-9s %10s runs in %ss, %s/s, corpus %s, nothing found\n' \
		    "$name" "${runs:-?}" "$secs" "${rate:-?}" "$size"
	else
		status=1
		printf 'fuzz_%-9s FOUND something (status %d) after %s runs; log %s\n' \
		    "$name" "$r" "${runs:-?}" "$log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)|runtime error' "$log" |
		    head -n 10 | sed 's/^/    /'
	fi
done
exit $status
