# oom.sh - every tool in the build, short of memory while it works on a
# case: with tests/oom/failmalloc.c preloaded, the k-th allocation fails,
# for k sampled from the first allocation after start-up (schema and
# calendar, which test_oom covers) to the last.  Each run must end as
# the plain run does, or with status 2 and "out of memory" (or "cannot
# write output") said; never a crash, a hang, a wrong verdict or "(null)".
#
# One thing is let through, and counted: glibc's regexec returns REG_NOMATCH
# when it runs out of memory, so a schema pattern can then seem not to
# match ("does not match the required pattern").  Not ours to fix here.
. tests/lib.sh

shim=$(cd "$CSP_BIN/../tests" && pwd)/failmalloc.so
tools=$(cd "$CSP_BIN" && ls)
case=examples/04-review.yaml

# the sanitizers' runtime must be the first library: no shim there
if ldd "$CSP_BIN/csp-validate" 2>/dev/null | grep -q 'lib[at]san'; then
	echo "ok 1 - # SKIP the tools are sanitizer builds"
	exit 0
fi

count() { # TOOL INPUT...: allocations made, into $T/count
	CSP_MALLOC_COUNT=$T/count LD_PRELOAD=$shim "$@" >/dev/null 2>&1
}

for t in $tools; do
	count "$t" </dev/null
	start=$(cat "$T/count")
	count "$t" $case
	rc0=$?
	total=$(cat "$T/count")
	ok "$t: counted $total allocations, $start to start" '[ "$total" -gt "$start" ]'
	k=$((start - 10)) tried=0 bad=0 regexec=0 ooms=0
	while [ $k -le "$total" ]; do
		CSP_FAIL_MALLOC=$k LD_PRELOAD=$shim timeout 20 "$t" $case \
		    >"$T/out" 2>"$T/err"
		rc=$?
		tried=$((tried + 1))
		if [ $rc -eq $rc0 ] && ! grep -q '(null)' "$T/out" "$T/err"; then
			:
		elif grep -q 'does not match the required pattern' "$T/err"; then
			regexec=$((regexec + 1))
		elif [ $rc -eq 2 ] && grep -q 'out of memory\|cannot write output' "$T/err" &&
		    ! grep -q '(null)' "$T/out" "$T/err"; then
			ooms=$((ooms + 1))
		else
			bad=$((bad + 1))
			[ $bad -le 3 ] && echo "# $t, allocation $k failing: status $rc (else $rc0): $(head -c 200 "$T/err" | tr '\n' '|')"
		fi
		k=$((k + 13))
	done
	ok "$t: $tried allocations failed in turn, $ooms said out of memory, $regexec glibc regexec" '[ $bad -eq 0 ] && [ $ooms -gt 0 ]'
done
