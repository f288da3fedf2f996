# hostile.sh - hostile and broken case files through every tool in the
# build: every rejection of SPEC section 1 (tests/data/hostile, with what
# must be said of each in tests/data/hostile/EXPECT), every example cut
# short at several places, and huge files made here (over 4 MiB, 5 MiB
# scalars, 10,000-key mappings, deep nesting, 100,000 actions).  Each tool
# opens cases the same way, so each must refuse the same files with the
# same one-line diagnostics (gcc's form) and exit 2, csp-validate 1;
# nothing may crash or take long.  Under tests/valgrind.sh (CSP_VALGRIND
# set) the huge files are made smaller.
. tests/lib.sh

H=tests/data/hostile
tools=$(cd "$CSP_BIN" && ls)
# a hang is a failure, not a stuck suite
limit=60

# bad_rc TOOL: the status for a file that cannot be processed
bad_rc() { if [ "$1" = csp-validate ]; then echo 1; else echo 2; fi; }

# the expected diagnostics, in the order a folder is walked
grep -v '^#' $H/EXPECT | LC_ALL=C sort >"$T/expect"
nfiles=$(wc -l <"$T/expect")
ok "EXPECT names every file in $H" '[ "$nfiles" -eq "$(ls $H/*.yaml | wc -l)" ]'

# the JSON a tool other than csp-validate writes for an unprocessable file:
# {file, errors: [{line, col, path, message}]}, one error for each here
awk -F '\t' -v dir="$H" '{
	m = $2; line = "null"; col = "null"; path = "null"
	if (m ~ /^:[0-9]+:[0-9]+: /) {
		m = substr(m, 2); p = index(m, ":"); line = substr(m, 1, p - 1)
		m = substr(m, p + 1); p = index(m, ": "); col = substr(m, 1, p - 1)
		m = substr(m, p + 2)
	} else {
		m = substr(m, 3)
	}
	if (m ~ /^\.[^ ]*: /) {
		p = index(m, ": "); path = "\"" substr(m, 1, p - 1) "\""
		m = substr(m, p + 2)
	}
	gsub(/\\/, "\\\\", m); gsub(/"/, "\\\"", m)
	printf "{\"file\":\"%s/%s\",\"errors\":[{\"line\":%s,\"col\":%s,\"path\":%s,\"message\":\"%s\"}]}\n", dir, $1, line, col, path, m
}' "$T/expect" >"$T/expect.json"

for t in $tools; do
	want=$(bad_rc "$t")
	while IFS='	' read -r f m; do
		diag "$t" "$H/$f" "$m"
	done <"$T/expect" >"$T/want.err"
	run timeout $limit "$t" $H
	ok "$t $H: exit $want, nothing on stdout" '[ $rc -eq $want ] && [ ! -s $T/out ]'
	same "$t $H: one diagnostic per file, as EXPECT says" "$T/want.err" err
	run timeout $limit "$t" --format json $H
	if [ "$t" = csp-validate ]; then
		ok "$t --format json $H: every file invalid" '[ $rc -eq 1 ] &&
		    [ "$(grep -c "\"valid\":false" $T/out)" -eq "$nfiles" ] &&
		    [ "$(wc -l <$T/out)" -eq "$nfiles" ]'
	else
		ok "$t --format json $H: exit 2" '[ $rc -eq 2 ]'
		same "$t --format json $H: {file, errors} for each" \
		    "$T/expect.json" out
	fi
	# one at a time on standard input
	stdin_files="dup-key.yaml nul-byte.yaml junk-random.yaml empty.yaml"
	[ -n "${CSP_VALGRIND:-}" ] && stdin_files=nul-byte.yaml
	for g in $stdin_files; do
		run_in $H/$g timeout $limit "$t"
		msg=$(awk -F '\t' -v f="$g" '$1 == f { print $2 }' "$T/expect")
		ok "$t < $g: exit $want, <stdin> named" '[ $rc -eq $want ] && err_is "$(diag "$t" "<stdin>" "$msg")"'
	done
done

# ---- every example cut short: whatever csp-validate makes of the piece,
# every other tool refuses exactly the same pieces, in the same words.
mkdir -p "$T/cut"
for f in examples/*.yaml; do
	base=${f##*/}
	size=$(wc -c <"$f")
	for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
		head -c $((size * k / 13)) "$f" >"$T/cut/${base%.yaml}-$k.yaml"
	done
	# inside a line, a key, a flow collection
	head -c 5 "$f" >"$T/cut/${base%.yaml}-a.yaml"
	head -c $((size - 1)) "$f" >"$T/cut/${base%.yaml}-b.yaml"
done
ncut=$(ls "$T/cut" | wc -l)
run timeout $limit csp-validate --format json "$T/cut"
ok "csp-validate: each cut example valid or not, nothing worse" '[ $rc -le 1 ] && [ "$(wc -l <$T/out)" -eq "$ncut" ]'
grep '"valid":false' "$T/out" | sed 's/^{"file":"\([^"]*\)".*/\1/' >"$T/cut.bad"
run timeout $limit csp-validate "$T/cut"
cp "$T/err" "$T/cut.err"
ok "some cuts are valid and some are not" '[ -s $T/cut.bad ] && [ "$(wc -l <$T/cut.bad)" -lt "$ncut" ]'
for t in $tools; do
	[ "$t" = csp-validate ] && continue
	run timeout $limit "$t" "$T/cut"
	sed "s/^csp-validate: /$t: /" "$T/cut.err" >"$T/want.err"
	# its diagnostics about the files csp-validate refused
	grep -F -f "$T/cut.bad" "$T/err" >"$T/err.bad"
	ok "$t over the cut examples: exit 2" '[ $rc -eq 2 ]'
	n=$((n + 1))
	if cmp -s "$T/want.err" "$T/err.bad"; then
		echo "ok $n - $t refuses the cut examples csp-validate refuses, in its words"
	else
		echo "not ok $n - $t refuses the cut examples csp-validate refuses, in its words"
		diff "$T/want.err" "$T/err.bad" | head -n 20 | sed 's/^/# /'
	fi
done

# ---- huge files, made here
B=$T/big
mkdir -p "$B"
if [ -n "${CSP_VALGRIND:-}" ]; then scale=100; else scale=1; fi
head=$(printf 'id: HOSTILE-1\npartnership: Testshire\n')

# just over the limit, and a 5 MiB scalar (csp-validate's own test has a
# file of one character repeated)
{ echo "$head"; awk 'BEGIN { for (i = 0; i < 65536; i++) printf "# %061d\n", i }'; } >"$B/over-4mib.yaml"
{ echo "$head"; printf 'incident:\n  summary: "'
  awk 'BEGIN { s = "All work and no play makes Jack a dull boy. "; t = s; while (length(t) < 5 * 1048576) t = t t; printf "%s", substr(t, 1, 5 * 1048576) }'
  printf '"\n'; } >"$B/scalar-5mib.yaml"
for x in over-4mib scalar-5mib; do
	for t in $tools; do
		want=$(bad_rc "$t")
		if [ -z "${CSP_VALGRIND:-}" ]; then
			run timeout $limit "$t" "$B/$x.yaml"
			ok "$t $x: exit $want, one line" '[ $rc -eq $want ] && err_is "$t: $B/$x.yaml: file is larger than 4 MiB"'
		fi
		run_in "$B/$x.yaml" timeout $limit "$t"
		ok "$t < $x: exit $want, one line" '[ $rc -eq $want ] && err_is "$t: <stdin>: file is larger than 4 MiB"'
	done
done

# rejected early, however long the file
{ echo "$head"; printf 'x: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }'; } >"$B/nesting-100000.yaml"
{ echo "$head"; printf 'x:\n'; awk 'BEGIN { for (i = 1; i <= 1000; i++) { printf "%*s- \n", 2 * i, "" } }'; } >"$B/nesting-1000-block.yaml"
{ echo "$head"; awk 'BEGIN { for (i = 0; i < 200000; i++) print "---" }'; } >"$B/documents-200000.yaml"
{ echo "$head"; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "a%d: &a%d [*a%d]\n", i, i, i - 1 }'; } >"$B/anchors-100000.yaml"
printf '%s\n' "$head" >"$B/dup-at-end.yaml"
awk -v n=$((40000 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "x%d: 1\n", i; print "x5: 2" }' >>"$B/dup-at-end.yaml"
cat >"$T/early" <<EOF
nesting-100000	:3:67: nesting deeper than 64 levels
nesting-1000-block	:67:129: nesting deeper than 64 levels
documents-200000	:3:1: more than one document (one case per file)
anchors-100000	:3:5: anchors (&name) are not allowed
dup-at-end	:$((40000 / scale + 3)):1: duplicate key "x5" (first at line 8)
EOF
while IFS='	' read -r x msg; do
	for t in $tools; do
		want=$(bad_rc "$t")
		run timeout $limit "$t" "$B/$x.yaml"
		ok "$t $x: exit $want, one line" '[ $rc -eq $want ] && err_is "$(diag "$t" "$B/$x.yaml" "$msg")"'
	done
done <"$T/early"

# many errors: the first CSPR_MAX_ERRORS (1000) reported and the rest
# counted, in the same words by every tool
nk=$((10000 / scale))
{ echo "$head"; echo "child:"; awk -v n=$nk 'BEGIN { for (i = 0; i < n; i++) printf "  k%d: %d\n", i, i }'; } >"$B/keys-child.yaml"
{ echo "$head"; awk -v n=$nk 'BEGIN { for (i = 0; i < n; i++) printf "k%d: %d\n", i, i }'; } >"$B/keys-top.yaml"
{ echo "$head"; echo "notifications:"; awk -v n=$((20000 / scale)) 'BEGIN { for (i = 0; i < n; i++) printf "  - {to: nobody, about: incident, date: 2026-01-01}\n" }'; } >"$B/notifications-bad.yaml"
for x in keys-child keys-top notifications-bad; do
	run timeout $limit csp-validate "$B/$x.yaml"
	cp "$T/err" "$T/$x.err"
	case $x in
	keys-child) last="$B/$x.yaml:1003:3: error: .child: unknown field \"k999\"" nall=$nk ;;
	keys-top) last="$B/$x.yaml:1002:1: error: .: unknown field \"k999\"" nall=$nk ;;
	*) last="$B/$x.yaml:1003:10: error: .notifications[999].to: must be one of: panel, ofsted, dfe, secretary_of_state, safeguarding_partners, independent_chair, business_manager, partnership_members, relevant_agencies, family, coroner, practitioners, other_partnerships" nall=$((20000 / scale)) ;;
	esac
	if [ "$nall" -gt 1000 ]; then
		more="csp-validate: $B/$x.yaml: $((nall - 1000)) more errors not shown (at most 1000 are)"
		ok "csp-validate $x: the first 1000 errors in order, then how many more" '[ $rc -eq 1 ] &&
		    [ "$(tail -n 2 $T/err)" = "$(printf "%s\n%s" "$last" "$more")" ] &&
		    [ "$(wc -l <$T/err)" -eq 1001 ] &&
		    [ "$(grep -c "^$B/$x.yaml:[0-9]*:[0-9]*: error: \." $T/err)" -eq 1000 ]'
	else
		ok "csp-validate $x: every error" '[ $rc -eq 1 ] && [ "$(wc -l <$T/err)" -eq "$nall" ]'
	fi
	for t in $tools; do
		[ "$t" = csp-validate ] && continue
		run timeout $limit "$t" "$B/$x.yaml"
		sed "s/^csp-validate: /$t: /" "$T/$x.err" >"$T/want.err"
		ok "$t $x: exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ]'
		same "$t $x: the same diagnostics as csp-validate" "$T/want.err" err
	done
done

# awkward but valid: huge, and still processed by every tool in time
na=$((40000 / scale))
{ echo "$head"; echo "actions:"; awk -v n=$na 'BEGIN { for (i = 0; i < n; i++) printf "  - {id: %d}\n", i }'; } >"$B/actions.yaml"
{ cat "$B/actions.yaml"; echo "  - {id: 7, action: Again}"; } >"$B/actions-dup.yaml"
{ echo "$head"; printf 'incident:\n  summary: "'
  awk -v n=$((3 * 1048576 / scale)) 'BEGIN { s = "Everything here is invented. "; t = s; while (length(t) < n) t = t t; printf "%s", substr(t, 1, n) }'
  printf '"\n'; } >"$B/scalar-long.yaml"
for x in actions scalar-long; do
	for t in $tools; do
		run timeout $limit "$t" "$B/$x.yaml"
		ok "$t $x: processed" '[ $rc -le 1 ] && [ ! -s $T/err ]'
	done
done
for t in $tools; do
	want=$(bad_rc "$t")
	run timeout $limit "$t" "$B/actions-dup.yaml"
	ok "$t actions-dup: the one duplicate found" '[ $rc -eq $want ] && err_is "$B/actions-dup.yaml:$((na + 4)):10: error: .actions[$na].id: duplicate action id (first at line 11)"'
done
