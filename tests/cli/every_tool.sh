# every_tool.sh - what every tool in the build must do, whichever it is:
# fail with status 2 and say so when its output cannot be written (a full
# disk, >/dev/full), in text and JSON and for --help and --version; refuse
# an unknown option with a usage line; report a missing file and go on;
# give the same output twice; never modify a case file.  Under
# tests/valgrind.sh (CSP_VALGRIND set), where the error paths are the point,
# the second run for the same output is left out.
. tests/lib.sh

tools=$(cd "$CSP_BIN" && ls)
sums=$(cat examples/* | cksum)

for t in $tools; do
	for fmt in text json; do
		run "$t" --format $fmt examples/
		prc=$rc
		cp "$T/out" "$T/first.out"
		if [ -s "$T/out" ]; then
			"$t" --format $fmt examples/ >/dev/full 2>"$T/err"
			rc=$?
			ok "$t --format $fmt >/dev/full: exit 2, said once" '[ $rc -eq 2 ] &&
			    [ "$(grep -c "^$t: cannot write output: No space left on device\$" $T/err)" -eq 1 ]'
		else
			"$t" --format $fmt examples/ >/dev/full 2>"$T/err"
			rc=$?
			ok "$t --format $fmt >/dev/full: nothing to write, exit $prc" '[ $rc -eq $prc ]'
		fi
		[ -n "${CSP_VALGRIND:-}" ] && continue
		run "$t" --format $fmt examples/
		ok "$t --format $fmt: exit $prc again" '[ $rc -eq $prc ]'
		same "$t --format $fmt: the same output again" "$T/first.out" out
	done
	"$t" --help >/dev/full 2>"$T/err"
	rc=$?
	ok "$t --help >/dev/full: exit 2, and says why" '[ $rc -eq 2 ] && err_is "$t: cannot write output: No space left on device"'
	"$t" --version >/dev/full 2>"$T/err"
	rc=$?
	ok "$t --version >/dev/full: exit 2, and says why" '[ $rc -eq 2 ] && err_is "$t: cannot write output: No space left on device"'
	run "$t" --version
	ok "$t --version" '[ $rc -eq 0 ] && out_is "$t (csp) $(sed -n "s/^VERSION = //p" Makefile)"'
	run "$t" --help
	ok "$t --help: usage on stdout, exit 0" '[ $rc -eq 0 ] && out_has "usage: $t " && [ ! -s $T/err ]'
	run "$t" --no-such-option
	ok "$t --no-such-option: usage, exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ] &&
	    grep -q "^usage: $t " $T/err'
	run "$t" no-such-case.yaml examples/01-referral.yaml
	ok "$t: a missing file, exit 2, the next still read" '[ $rc -eq 2 ] &&
	    err_has "$t: no-such-case.yaml: cannot open: No such file or directory" &&
	    { [ -s $T/out ] || [ $t = csp-validate ]; }'
done

ok "no case file was modified" '[ "$(cat examples/* | cksum)" = "$sums" ]'
