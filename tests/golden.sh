#!/bin/sh
# golden.sh BUILD [update] - run every line of tests/golden.list over every
# example case (or once, for a line without {}) and compare with (or, with
# "update", rewrite) the expected
# outputs in tests/golden/.  Speaks TAP, one test per example and line.
set -u
O=${1:-build}
mode=${2:-check}
PATH=$(cd "$O/bin" && pwd):$PATH
export TZ=Europe/London LC_ALL=C CSP_TODAY=2026-11-26
unset CSP_HOLIDAYS
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
n=0
fail=0

# run CMD: stdout, then any stderr, then the exit status
capture() {
	sh -c "$1" >"$tmp.out" 2>"$tmp.err"
	rc=$?
	cat "$tmp.out"
	if [ -s "$tmp.err" ]; then
		echo '--- stderr'
		cat "$tmp.err"
	fi
	echo "--- exit $rc"
	rm -f "$tmp.out" "$tmp.err"
}

grep -v '^#' tests/golden.list | grep -v '^$' | while read -r name ext cmd; do
	# a command without {} runs once, into tests/golden/NAME.EXT
	case $cmd in
	*'{}'*) mkdir -p "tests/golden/$name"; files=examples/*.yaml ;;
	*) mkdir -p "$(dirname "tests/golden/$name")"; files=once ;;
	esac
	for f in $files; do
		base=${f##*/}
		want=tests/golden/$name/${base%.yaml}.$ext
		[ "$f" = once ] && base=$name.$ext && want=tests/golden/$base
		run=$(printf '%s\n' "$cmd" | sed "s|{}|$f|g")
		capture "$run" >"$tmp"
		n=$((n + 1))
		if [ "$mode" = update ]; then
			cp "$tmp" "$want"
			echo "ok $n - wrote $want"
		elif cmp -s "$tmp" "$want"; then
			echo "ok $n - $name $base"
		else
			echo "not ok $n - $name $base: $run"
			diff "$want" "$tmp" 2>&1 | head -n 20 | sed 's/^/# /'
		fi
	done
done
