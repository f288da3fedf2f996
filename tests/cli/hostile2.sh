# hostile2.sh - the second hostile review's reproducers (issue 11), each
# kept: a permissive --schema and a case without an id, file names and
# keys holding any bytes, and what each tool must make of them.  The
# budget of time and memory is measured in budget.sh.
. tests/lib.sh

H=tests/data/hostile2
tools=$(cd "$CSP_BIN" && ls)
limit=60
# under valgrind (tests/valgrind.sh) three tools stand for all: they share
# the library, and the full run has checked each tool's own output
[ -n "${CSP_VALGRIND:-}" ] && tools="csp-validate csp-decide csp-notify"

# ---- a schema that does not require an id: the file's name names the case
echo '{}' >"$T/permissive.json"
jq 'del(.required)' schemas/case.schema.json >"$T/no-required.json"
for s in permissive no-required; do
	for t in $tools; do
		run timeout $limit "$t" --schema "$T/$s.json" $H/no-id.yaml
		# csp-deadlines and csp-notify have nothing to say of it
		ok "$t --schema $s no-id.yaml: no crash, the file names the case" \
		    '[ $rc -le 1 ] && [ ! -s $T/err ] && case $t in
		    csp-validate|csp-deadlines|csp-notify) : ;; *) out_has "$H/no-id.yaml" ;; esac'
		run timeout $limit "$t" --schema "$T/$s.json" --format json $H/no-id.yaml
		ok "$t --schema $s --format json no-id.yaml: one record, the file as its case" \
		    '[ $rc -le 1 ] && [ ! -s $T/err ] && [ "$(jq -c "select(.case)" $T/out | wc -l)" -eq 1 ] &&
		    [ "$(jq -r "select(.case) | .case" $T/out)" = "$H/no-id.yaml" ]'
	done
done

# ---- file names with any bytes: one record or one diagnostic each, in
# every format, the name escaped the same way everywhere
N=$T/names
mkdir -p "$N"
cp examples/01-referral.yaml "$N/$(printf 'ok\376\n.yaml')"
printf 'id: X-1\npartnership: P\n"a\\nb\\x1b": 1\n' >"$N/$(printf 'bad\377\033[31m.yaml')"
run csp-validate --format json "$N"
ok "csp-validate --format json: one valid JSON record per file, names escaped" \
    '[ $rc -eq 1 ] && [ "$(jq -c . $T/out | wc -l)" -eq 2 ] &&
    [ "$(jq -r .file $T/out)" = "$(printf "%s\n" "$N/bad\\xff\\x1b[31m.yaml" "$N/ok\\xfe\\n.yaml")" ] &&
    [ "$(jq -r .valid $T/out | tr "\n" " ")" = "false true " ]'
run csp-validate -l "$N"
ok "csp-validate -l: the invalid file on one printable line" \
    'out_is "$N/bad\\xff\\x1b[31m.yaml"'
run csp-validate "$N"
ok "csp-validate: the diagnostic is one printable line, at the key" \
    'err_is "$N/bad\\xff\\x1b[31m.yaml:3:1: error: .: unknown field \"a\\nb\\u001b\""'
for t in $tools; do
	[ $t = csp-validate ] && continue
	run timeout $limit "$t" --format json "$N"
	ok "$t --format json: the good file's record and the bad file's error, both JSON" \
	    '[ $rc -eq 2 ] && [ "$(jq -c "select(has(\"summary\") | not)" $T/out | wc -l)" -eq 2 ] &&
	    [ "$(jq -r "select(.error or .errors) | .file" $T/out)" = "$N/bad\\xff\\x1b[31m.yaml" ]'
	run timeout $limit "$t" "$N"
	ok "$t: every line of stderr printable" \
	    '[ $rc -eq 2 ] && [ "$(wc -l <$T/err)" -eq 1 ] && ! LC_ALL=C grep -q "[^[:print:]]" $T/err'
done

# ---- folders: each walked once, a loop one diagnostic, any depth
L=$T/loop
mkdir -p "$L/a/b"
printf 'id: X-1\npartnership: Testshire\n' >"$L/a/b/upper.YAML"
printf 'id: X-2\npartnership: Testshire\n' >"$L/a/mixed.Yml"
ln -s .. "$L/a/b/up1"
ln -s .. "$L/a/b/up2"
ln -s .. "$L/a/b/up3"
ln -s ../b "$L/a/b/self"
ln -s "$L/a/b" "$L/a/again"  # another way into a folder, not a loop
for t in $tools; do
	run timeout $limit "$t" --format json "$L"
	ok "$t: three links to the parent and one to itself: four diagnostics, each file once" \
	    '[ $rc -eq 2 ] && [ "$(grep -c "symbolic link loop" $T/err)" -eq 4 ] &&
	    [ "$(wc -l <$T/err)" -eq 4 ] &&
	    [ "$(jq -r "select(.case) | .case" $T/out | sort | tr "\n" " ")" = "X-1 X-2 " ]'
done
D=$T/deep
p=$D
for i in $(seq 1 40); do p=$p/d$i; done
mkdir -p "$p"
printf 'id: DEEP-1\npartnership: Testshire\n' >"$p/deep.yaml"
run csp-validate --format json "$D"
ok "a real folder 40 deep is walked, not called a loop" \
    '[ $rc -eq 0 ] && [ ! -s $T/err ] && [ "$(jq -r .case $T/out)" = DEEP-1 ]'

# ---- not a regular file: an error, at once, never a wait
F=$T/fifo
mkdir -p "$F"
mkfifo "$F/waits.yaml" "$F/report.md"
ln -s nowhere "$F/dangling.yaml"
printf 'id: FIFO-1\npartnership: Testshire\nreport:\n  file: report.md\n' >"$F/case.yaml"
for t in $tools; do
	run timeout 10 "$t" "$F"
	ok "$t: a FIFO and a dangling link in a folder, one diagnostic each, no wait" \
	    '[ $rc -eq 2 ] && err_has "$F/waits.yaml: cannot read: not a regular file" &&
	    err_has "$F/dangling.yaml: cannot open: No such file or directory"'
	run timeout 10 "$t" "$F/waits.yaml"
	ok "$t: a FIFO operand is an error, no wait" \
	    '[ $rc -eq 2 ] && err_has "$F/waits.yaml: cannot read: not a regular file"'
	run timeout 10 "$t" /dev/zero
	ok "$t: a device operand is an error, never read" \
	    '[ $rc -eq 2 ] && err_has "/dev/zero: cannot read: not a regular file"'
done
run timeout 10 csp-publish-check "$F/case.yaml"
ok "csp-publish-check: report.file naming a FIFO is an error, no wait" \
    '[ $rc -eq 2 ] && err_has "$F/report.md: cannot read: not a regular file"'
run timeout 10 csp-publish-check --report "$F" "$F/case.yaml"
ok "csp-publish-check: --report naming a folder is an error" \
    '[ $rc -eq 2 ] && err_has "$F: cannot read: Is a directory"'

# ---- standard input closed: a file opened takes descriptor 0, and must
# not then be read again as "-"
for t in $tools; do
	timeout 10 "$t" --format json examples/01-referral.yaml - <&- >"$T/out" 2>"$T/err"
	rc=$?
	# csp-summary adds its summary record
	lines=2
	[ $t = csp-summary ] && lines=3
	ok "$t file - with standard input closed: the file once, - unreadable" \
	    '[ $rc -eq 2 ] && [ "$(wc -l <$T/out)" -eq $lines ] && err_has "<stdin>: cannot read: Bad file descriptor" &&
	    [ "$(grep -c HSCP-2026-031 $T/out)" -eq 1 ]'
done

# ---- --schema is user input: bounded, refused clearly, boolean, with a BOM
ok_case=examples/01-referral.yaml
while IFS='	' read -r s want; do
	run timeout $limit csp-validate --schema $H/$s.json $ok_case
	ok "--schema $s.json: refused before any regcomp, one line" \
	    '[ $rc -eq 2 ] && [ "$(wc -l <$T/err)" -eq 1 ] && err_has "$want"'
done <<'EOF2'
schema-re-nested	.properties.id.pattern: invalid schema: a repetition of something that itself repeats (as in (a+)*) can take exponential time: not supported
schema-re-counted-nested	.properties.id.pattern: invalid schema: a repetition of something that itself repeats
schema-re-backref	.properties.id.pattern: invalid schema: back-references (\1) can take exponential time: not supported
schema-re-star-count	.properties.id.pattern: invalid schema: a counted repetition over 8 after a * or + can take exponential time: not supported
schema-re-bound	.properties.id.pattern: invalid schema: a counted repetition over 255 is not supported
schema-re-many	invalid schema: the schema's patterns together are larger than 100000 characters
EOF2
for s in allof anyof; do
	run timeout $limit csp-validate --schema $H/schema-$s-39.json $ok_case
	ok "--schema schema-$s-39.json (2^39 paths): invalid, and why, at once" \
	    '[ $rc -eq 1 ] && err_has "$ok_case: checking this file against the schema takes more than 5000000 steps"'
done
run csp-validate --schema $H/schema-true.json $H/no-id.yaml
ok "--schema true: every mapping is valid" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
run csp-validate --schema $H/schema-false.json $H/no-id.yaml
ok "--schema false: nothing is valid" '[ $rc -eq 1 ] && err_has "error: .: is not allowed"'
run csp-validate --schema $H/schema-bom.json $H/no-id.yaml
ok "--schema with a byte-order mark loads" '[ $rc -eq 0 ] && [ ! -s $T/err ]'

# ---- dates: years 0001 to 9999, nothing printed cut short
run csp-validate $H/year-0000.yaml
ok "year 0000 is not a date" '[ $rc -eq 1 ] && err_has "year-0000.yaml:27:9: error: .incident.date: must be a date"'
for f in text json tsv ics; do
	run csp-deadlines --format $f $H/year-9999.yaml
	ok "csp-deadlines --format $f: due dates past 9999-12-31 are not known, never cut short" \
	    '[ $rc -le 1 ] && [ ! -s $T/err ] && ! grep -q "10000-\|[0-9]-[0-9]-0[^0-9]" $T/out'
done
run csp-deadlines --format json $H/year-9999.yaml
ok "csp-deadlines --format json: null due, pending" \
    '[ "$(jq -r ".deadlines[0] | [.due, .status] | @tsv" $T/out)" = "$(printf "\tpending")" ]'
run csp-deadlines --add-working-days 9999-12-30 5
ok "--add-working-days past 9999: an error" '[ $rc -eq 2 ] && err_has "outside the years 1-9999"'

# ---- no fixed-size buffer cuts a character or fails
for t in $tools; do
	run "$t" --format json $H/long-non-ascii.yaml
	ok "$t --format json: a long non-ASCII local authority and relationship, valid JSON" \
	    '[ $rc -le 1 ] && [ ! -s $T/err ] && jq -e . $T/out >/dev/null'
	run "$t" $H/long-non-ascii.yaml
	ok "$t: its text is valid UTF-8" \
	    '[ $rc -le 1 ] && [ ! -s $T/err ] && iconv -f UTF-8 -t UTF-8 $T/out >/dev/null'
done
run csp-notify --anonymise $H/long-non-ascii.yaml
ok "csp-notify --anonymise: valid JSON, the labels whole characters" \
    '[ $rc -le 1 ] && jq -e . $T/out >/dev/null && iconv -f UTF-8 -t UTF-8 $T/out >/dev/null'

# ---- numbers that are not numbers
values="nan NaN -nan inf -inf 1e999"
[ -n "${CSP_VALGRIND:-}" ] && values=nan
for v in $values; do
	for o in --min-reading-ease --max-grade --long-sentence; do
		run csp-publish-check $o $v examples/05-published.yaml
		ok "csp-publish-check $o $v: refused" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_has "$o: not a"'
	done
done

# ---- tags: one printable line, and an invalid file always says why
for t in $tools; do
	run "$t" $H/tag-control.yaml
	ok "$t: a tag with %0A and %1B is one printable line" \
	    '[ $rc -ge 1 ] && [ "$(wc -l <$T/err)" -eq 1 ] &&
	    err_is "$H/tag-control.yaml:2:14: error: tag !\\n\\x1b[31m\\x07 is not allowed"'
	run "$t" --format json $H/tag-surrogate.yaml
	ok "$t --format json: a tag that is not UTF-8 is one record with its error" \
	    '[ $rc -ge 1 ] && [ "$(jq -c "select(has(\"summary\") | not)" $T/out | wc -l)" -eq 1 ] &&
	    [ "$(jq -r "select(has(\"summary\") | not) | .errors[0].message" $T/out)" = "tag !\\xed\\xa0\\x80 is not allowed" ]'
done

# ---- NEL, U+2028 and U+2029 do not end a line (YAML 1.2)
run csp-validate $H/nel-ls-ps.yaml
ok "NEL, LS, PS inside values: the unknown field on line 4, where it is" \
    '[ $rc -eq 1 ] && err_has "nel-ls-ps.yaml:3:1: error: .: unknown field" &&
    err_has "nel-ls-ps.yaml:4:1: error: .: unknown field"'

# ---- a report whose name is not UTF-8: still one record, the name escaped
R="$T/$(printf 'report\377\n.md')"
cp examples/reports/HSCP-2025-012.md "$R"
run csp-publish-check --format json --report "$R" examples/05-published.yaml
ok "csp-publish-check --format json --report a name that is not UTF-8: one record" \
    '[ $rc -le 1 ] && [ "$(jq -r .report $T/out)" = "$T/report\\xff\\n.md" ]'
run csp-publish-check --report "$R" examples/05-published.yaml
ok "csp-publish-check --report the same: printable text" \
    '[ $rc -le 1 ] && ! LC_ALL=C grep -q "[^[:print:][:space:]]" $T/out && out_has "report\\xff\\n.md"'
