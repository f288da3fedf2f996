#!/bin/sh
# valgrind.sh BUILD - the unit tests, and the command-line suites that reach
# every tool's error paths, under valgrind memcheck: no invalid reads or
# writes, no uninitialised values, and no leaks (definite, indirect or
# possible) in any process.  The tools run through wrappers in
# BUILD/valgrind/bin, so the suites need not know; CSP_VALGRIND tells them
# to make their huge files smaller.  Each process logs to BUILD/valgrind/log;
# a log with anything in it is a failure, shown here.  Speaks the same
# summary as run.sh, ending "N passed, N failed".
set -u
O=${1:-build}
command -v valgrind >/dev/null 2>&1 || {
	echo "valgrind.sh: valgrind is not installed; sudo apt-get install valgrind" >&2
	exit 1
}
V=$O/valgrind
# (add --track-origins=yes to find where an uninitialised value came from;
# it makes every run a third slower)
vg="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible"
rm -rf "$V"
mkdir -p "$V/bin" "$V/log" "$V/tests"
top=$(pwd)
log=$(cd "$V/log" && pwd)
bin=$(cd "$O/bin" && pwd)
for t in "$O"/bin/*; do
	name=${t##*/}
	# found on PATH, so that its argv[0], which getopt quotes, is its name
	cat >"$V/bin/$name" <<EOF
#!/bin/sh
PATH=$bin:\$PATH exec $vg --log-file=$log/$name.%p.log $name "\$@"
EOF
	chmod +x "$V/bin/$name"
done
CSP_BIN=$(cd "$V/bin" && pwd)
CSP_TOP=$top
CSP_VALGRIND=1
export CSP_BIN CSP_TOP CSP_VALGRIND
export TZ=Europe/London LC_ALL=C CSP_TODAY=2026-11-26
unset CSP_HOLIDAYS

# Two at a time (CI has two cores): each unit test, and the suites that
# take every tool through bad input, awkward input, output errors and
# usage.  (The golden and per-tool suites repeat the same paths with
# other options; make check runs them.)
# CSP_VALGRIND_ONLY=NAME... narrows it to those (test_oom, hostile, ...).
only=${CSP_VALGRIND_ONLY:-}
{
	for t in "$O"/tests/test_*; do
		[ -x "$t" ] && echo "unit $t"
	done
	for s in hostile hostile2 every_tool twins publish; do
		echo "cli tests/cli/$s.sh"
	done
} | while read -r kind what; do
	name=${what##*/}
	name=${name%.sh}
	if [ -z "$only" ] || printf ' %s ' $only | grep -q " $name "; then
		echo "$kind $what"
	fi
done >"$V/jobs"
# shellcheck disable=SC2016
xargs -P 2 -L 1 sh -c '
	kind=$1 what=$2 name=${2##*/}
	if [ "$kind" = unit ]; then
		CMOCKA_MESSAGE_OUTPUT=TAP '"$vg"' --log-file='"$log"'/$name.%p.log \
		    "$what" >'"$V"'/tests/$name.log 2>&1
	else
		bash "$what" >'"$V"'/tests/$name.log 2>&1
	fi
	echo $? >'"$V"'/tests/$name.status
' sh <"$V/jobs"

pass=0
fail=0
for l in "$V"/tests/*.log; do
	name=${l##*/}
	name=${name%.log}
	st=$(cat "$V/tests/$name.status")
	p=$(grep -c '^ok ' "$l")
	f=$(grep -c '^not ok ' "$l")
	[ "$st" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	pass=$((pass + p))
	fail=$((fail + f))
	printf '%-28s %5d passed, %d failed\n' "$name" "$p" "$f"
	[ "$f" -ne 0 ] && awk '/^not ok /{show=1; print; next} /^(ok |1\.\.)/{show=0} show' "$l" |
	    head -n 30 | sed 's/^/    /'
done
# every process's log: empty, or a failure
nlogs=$(ls "$log" | wc -l)
bad=0
for l in "$log"/*.log; do
	[ -s "$l" ] || continue
	bad=$((bad + 1))
	[ $bad -le 5 ] && { echo "    valgrind: $l"; head -n 40 "$l" | sed 's/^/    /'; }
done
if [ $bad -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
printf '%-28s %5d processes, %d with errors or leaks\n' valgrind "$nlogs" "$bad"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
