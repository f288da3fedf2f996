# hostile2.sh - the second hostile review's reproducers (issue 11), each
# kept: a permissive --schema and a case without an id, file names and
# keys holding any bytes, and what each tool must make of them.  The
# budget of time and memory is measured in budget.sh.
. tests/lib.sh

H=tests/data/hostile2
tools=$(cd "$CSP_BIN" && ls)
limit=60

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
		    '[ $rc -le 1 ] && [ ! -s $T/err ] && [ "$(wc -l <$T/out)" -eq 1 ] &&
		    [ "$(jq -r .case $T/out)" = "$H/no-id.yaml" ]'
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
    'err_is "$N/bad\\xff\\x1b[31m.yaml:3:1: error: .[\"a\\nb\\u001b\"]: unknown field \"a\\nb\\u001b\""'
for t in $tools; do
	[ $t = csp-validate ] && continue
	run timeout $limit "$t" --format json "$N"
	ok "$t --format json: the good file's record and the bad file's error, both JSON" \
	    '[ $rc -eq 2 ] && [ "$(jq -c . $T/out | wc -l)" -eq 2 ] &&
	    [ "$(jq -r "select(.error or .errors) | .file" $T/out)" = "$N/bad\\xff\\x1b[31m.yaml" ]'
	run timeout $limit "$t" "$N"
	ok "$t: every line of stderr printable" \
	    '[ $rc -eq 2 ] && [ "$(wc -l <$T/err)" -eq 1 ] && ! LC_ALL=C grep -q "[^[:print:]]" $T/err'
done
