# budget.sh - SPEC section 1 (0.2): any case file within the limits (4 MiB,
# CSPR_MAX_NODES values), any holidays file and any report costs every tool
# at most 1 s of CPU and 64 MiB of memory above its idle size.  Measured on
# the child with getrusage (tests/budget/budget.c), never by the wall
# clock.  The files are the second hostile review's blow-ups and their
# kin, made here.  Sanitizer and valgrind builds cost more by design:
# there only the outcome is checked.
. tests/lib.sh

BUDGET=$(cd "$CSP_BIN/../tests" && pwd)/budget
tools=$(cd "$CSP_BIN" && ls)
limit=60
measure=1
if [ -n "${CSP_VALGRIND:-}" ] ||
    ldd "$CSP_BIN/csp-validate" 2>/dev/null | grep -q 'lib[at]san'; then
	measure=
fi
max_kib=$((64 * 1024))
max_ms=1000

# cost NAME CMD...: run CMD under budget; $rc, $T/out, $T/err as run does,
# and $kib $ms what it cost
cost() {
	what=$1
	shift
	"$BUDGET" "$T/cost" "$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	read -r kib ms <"$T/cost"
}

# idle: each tool on a small valid case
for t in $tools; do
	cost idle timeout $limit "$t" examples/01-referral.yaml
	eval "idle_${t#csp-}"='$kib' 2>/dev/null
	eval "idle_$(echo "${t#csp-}" | tr - _)"='$kib'
done
idle() { eval "echo \$idle_$(echo "${1#csp-}" | tr - _)"; }

# within NAME: the last cost was within the budget, and nothing crashed
within() {
	if [ -z "$measure" ]; then
		ok "$1: no crash" '[ $rc -lt 128 ]'
		return
	fi
	base=$(idle "$t")
	ok "$1: $((kib - base)) KiB above idle, $ms ms of CPU" \
	    '[ $rc -lt 128 ] && [ $((kib - base)) -le $max_kib ] && [ $ms -le $max_ms ]'
}

B=$T/big
mkdir -p "$B"
head=$(printf 'id: HOSTILE-1\npartnership: Testshire\n')
if [ -n "${CSP_VALGRIND:-}" ]; then scale=100; else scale=1; fi

# 60 nested 1000-character keys over a flow list, and an unknown field:
# once, every node's path was spelled out (4.5 s, 1.2 GB)
awk -v n=$((20000 / scale)) 'BEGIN {
	print "id: HOSTILE-1"; print "partnership: Testshire"; print "unknown: 1"
	k = ""; for (i = 0; i < 995; i++) k = k "k"
	for (d = 0; d < 60; d++) printf "%*sx-%03d%s:\n", 2 * d, "", d, k
	printf "%*s- [", 120, ""
	for (i = 0; i < n; i++) printf "%d,", i
	print "0]"
}' >"$B/deep-keys.yaml"
# 3.9 MB of {}, (once 400 MB; now past the cap on values)
{ echo "$head"; echo "x-a: ["; awk -v n=$((1300000 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "{},"; print "{}]" }'; } >"$B/braces.yaml"
# just under the cap: the costliest values there are
{ echo "$head"; echo "x-a: ["; awk -v n=$((49990 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "{a: {}},"; print "{}]" }'; } >"$B/objects.yaml"
{ echo "$head"; echo "x-a: ["; awk -v n=$((99990 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "\"%036d\",", i; print "0]" }'; } >"$B/strings.yaml"
# an error at every value
{ echo "$head"; awk -v n=$((99990 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "k%d: 1\n", i }'; } >"$B/unknown-keys.yaml"
{ echo "$head"; echo "notifications:"; awk -v n=$((24990 / scale)) 'BEGIN { for (i = 0; i < n; i++) print "  - {to: nobody, about: x, date: 2026-13-01}" }'; } >"$B/bad-notifications.yaml"
# valid and large: every tool does its whole job on it
{ echo "$head"; echo "actions:"; awk -v n=$((19000 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "  - {id: %d, action: Something invented, owner: Nobody, due: 2026-12-01}\n", i }'; } >"$B/actions.yaml"

for f in "$B"/*.yaml; do
	x=${f##*/}
	ok "$x is within 4 MiB" '[ "$(wc -c <"$f")" -le 4194304 ]'
	for t in $tools; do
		cost "$t $x" timeout $limit "$t" "$f"
		within "$t $x"
		cost "$t --format json $x" timeout $limit "$t" --format json "$f"
		within "$t --format json $x"
	done
	t=csp-notify
	cost "$t --anonymise $x" timeout $limit "$t" --anonymise "$f"
	within "$t --anonymise $x"
done
# --schema is user input: the schemas that once took hours or gigabytes
H=tests/data/hostile2
awk -v n=$((4000000 / scale)) 'BEGIN {
	print "id: HOSTILE-1"; print "partnership: Testshire"; printf "x-s: "
	srand(1); for (i = 0; i < n; i++) printf "%s", rand() < 0.5 ? "a" : "b"
	print ""
}' >"$T/long-value.yaml"
t=csp-validate
for s in allof-39 anyof-39 re-many re-nested re-backref re-star-count; do
	cost "--schema $s" timeout $limit $t --schema $H/schema-$s.json examples/01-referral.yaml
	within "$t --schema schema-$s.json"
done
cost "--schema re-long-value" timeout $limit $t --schema $H/schema-re-long-value.json "$T/long-value.yaml"
within "$t --schema schema-re-long-value.json over a 4 MB value"
# the largest holidays file and report there can be
awk 'BEGIN { for (i = 0; length(s) < 1048000; i++) { line = sprintf("%04d-%02d-%02d Invented day %d\n", 1000 + i % 8000, 1 + i % 12, 1 + i % 28, i); s = s line } printf "%s", s }' >"$T/holidays.txt"
cost "--holidays" timeout $limit csp-deadlines --holidays "$T/holidays.txt" examples/05-published.yaml
t=csp-deadlines
within "csp-deadlines --holidays a 1 MiB file"
awk -v n=$((4000000 / scale)) 'BEGIN { s = "# Invented findings\n\nThe partnership met. Recommendations followed, on time and in full. "; while (length(t) < n) t = t s; printf "%s", substr(t, 1, n) }' >"$T/report.md"
t=csp-publish-check
cost "--report" timeout $limit csp-publish-check --report "$T/report.md" examples/05-published.yaml
within "csp-publish-check --report a 4 MB report"
cost "--report" timeout $limit csp-publish-check --format json --report "$T/report.md" examples/05-published.yaml
within "csp-publish-check --format json --report a 4 MB report"
ok "braces.yaml: past the cap on values, said once" \
    '"$BUDGET" $T/cost csp-validate $B/braces.yaml >/dev/null 2>$T/err; err_has "more than 100000 values in one file" && [ "$(wc -l <$T/err)" -eq 1 ]'
for t in $tools; do
	run timeout $limit "$t" --format json "$B/actions.yaml"
	ok "$t actions.yaml: 19,000 actions, processed" '[ $rc -le 1 ] && [ ! -s $T/err ] && [ -s $T/out ]'
done
