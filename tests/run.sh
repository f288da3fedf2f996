#!/bin/sh
# run.sh BUILD - run every test against the build in BUILD: the cmocka unit
# tests, the command-line tests in tests/cli, and mandoc -Tlint over man/.
# Each speaks TAP; failures are shown, and the last line is always
# "N passed, N failed".
set -u
O=${1:-build}
CSP_BIN=$(cd "$O/bin" && pwd)
CSP_TOP=$(pwd)
export CSP_BIN CSP_TOP
# Tests never depend on the machine's date, zone or locale.
export TZ=Europe/London LC_ALL=C CSP_TODAY=2026-11-26
unset CSP_HOLIDAYS
logs=$O/tests/log
rm -rf "$logs"
mkdir -p "$logs"
pass=0
fail=0

# count NAME STATUS LOG: add up one suite's TAP lines.
count() {
	p=$(grep -c '^ok ' "$3")
	f=$(grep -c '^not ok ' "$3")
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $1 exited with status $2" >>"$3"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	printf '%-28s %5d passed, %d failed\n' "$1" "$p" "$f"
	if [ "$f" -ne 0 ]; then
		# each failure and the diagnostics under it
		awk '/^not ok /{show=1; print; next} /^(ok |1\.\.)/{show=0} show' "$3" |
		    head -n 60 | sed 's/^/    /'
	fi
}

# one job per suite, run side by side; reported in a fixed order after
{
	for t in "$O"/tests/test_*; do
		[ -x "$t" ] && printf 'unit %s\n' "$t"
	done
	for t in tests/cli/*.sh; do
		[ -f "$t" ] && printf 'cli %s\n' "$t"
	done
} >"$logs/jobs"
export logs
xargs -P "$(nproc 2>/dev/null || echo 2)" -L 1 sh -c '
	name=${2##*/}
	if [ "$1" = unit ]; then
		CMOCKA_MESSAGE_OUTPUT=TAP "$2" >"$logs/$name.log" 2>&1
	else
		bash "$2" >"$logs/$name.log" 2>&1
	fi
	echo $? >"$logs/$name.rc"' sh <"$logs/jobs"
while read -r kind t; do
	name=${t##*/}
	count "$name" "$(cat "$logs/$name.rc" 2>/dev/null || echo 1)" \
	    "$logs/$name.log"
done <"$logs/jobs"

# Every man page is mandoc -Tlint clean (style messages included).
: >"$logs/mandoc.log"
i=0
for m in man/*.[1-8]; do
	[ -f "$m" ] || continue
	i=$((i + 1))
	# the pages refer to each other, and need not be installed; the
	# machine's man database being out of date is not the page's fault
	out=$(mandoc -Tlint -Wstyle "$m" 2>&1 |
	    grep -v -e 'referenced manual not found' -e 'outdated mandoc.db')
	if [ -z "$out" ]; then
		echo "ok $i - mandoc -Tlint $m" >>"$logs/mandoc.log"
	else
		echo "not ok $i - mandoc -Tlint $m" >>"$logs/mandoc.log"
		printf '%s\n' "$out" | sed 's/^/# /' >>"$logs/mandoc.log"
	fi
done
count mandoc 0 "$logs/mandoc.log"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
