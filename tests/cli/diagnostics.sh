# diagnostics.sh - how every tool speaks of a file it cannot use (SPEC 4):
# gcc's "file:line:col: error: message", which editors and CI problem
# matchers read, for a place in a file; "tool: file: message" for a file as
# a whole; getopt's complaints under the tool's name, never the path it was
# run by; --stdin-name naming standard input in diagnostics and output; and
# in --format json, {"file", "errors": [...]} with every error of the file.
. tests/lib.sh

tools=$(cd "$CSP_BIN" && ls)
bad=tests/data/invalid/bad-dates.yaml
# the two errors of $bad, as every tool prints them
want="$bad:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists
$bad:8:3: error: .child: unknown field \"dobb\" (did you mean \"dob\"?)"
errors='[{"line":7,"col":8,"path":".child.dob","message":"must be a date (YYYY-MM-DD) that exists"},{"line":8,"col":3,"path":".child","message":"unknown field \"dobb\" (did you mean \"dob\"?)"}]'
# what vim's default errorformat and the usual problem matchers expect
gcc_re='^[^ :][^:]*:[0-9][0-9]*:[0-9][0-9]*: error: [^ ]'

for t in $tools; do
	if [ "$t" = csp-validate ]; then want_rc=1; else want_rc=2; fi
	run "$t" $bad
	ok "$t: an invalid file in gcc's form, every error" '[ $rc -eq $want_rc ] && err_is "$want"'
	ok "$t: each line is what a problem matcher reads" '[ "$(grep -c "$gcc_re" $T/err)" -eq 2 ]'

	run_in $bad "$t" --stdin-name cases/HSCP-2099-001.yaml
	ok "$t --stdin-name: standard input named in its diagnostics" '[ $rc -eq $want_rc ] &&
	    err_is "$(printf "%s\n" "$want" | sed "s|^$bad:|cases/HSCP-2099-001.yaml:|")"'
	run_in $bad "$t" --stdin-name cases/HSCP-2099-001.yaml -
	ok "$t --stdin-name with -: the same" 'err_has "cases/HSCP-2099-001.yaml:7:8: error: .child.dob:"'
	run_in $bad "$t"
	ok "$t: without it, <stdin>" 'err_has "<stdin>:7:8: error: .child.dob:"'

	run "$t" --format json $bad
	if [ "$t" = csp-validate ]; then
		ok "$t --format json: file, case, valid, errors" '[ $rc -eq 1 ] && out_is "{\"file\":\"$bad\",\"case\":null,\"valid\":false,\"errors\":$errors}"'
	else
		ok "$t --format json: {file, errors} with every error" '[ $rc -eq 2 ] && out_is "{\"file\":\"$bad\",\"errors\":$errors}"'
	fi
	run_in $bad "$t" --format json --stdin-name cases/x.yaml
	ok "$t --format json --stdin-name: the name in \"file\"" 'out_has "{\"file\":\"cases/x.yaml\","'

	run "$t" no-such-case.yaml
	ok "$t: a file that cannot be opened, as a whole" '[ $rc -eq 2 ] && err_is "$t: no-such-case.yaml: cannot open: No such file or directory"'
	run "$t" --format json no-such-case.yaml
	ok "$t --format json: the same in errors, with nulls" '[ $rc -eq 2 ] && out_has "\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]"'

	# getopt's own complaints: the tool's name, not the path it was run by
	run "$CSP_BIN/$t" --no-such-option
	ok "$t: an unknown option under the tool's name" '[ $rc -eq 2 ] && [ "$(head -n 1 $T/err)" = "$t: unrecognized option '"'"'--no-such-option'"'"'" ] && sed -n 2p $T/err | grep -q "^usage: $t "'
	run "$CSP_BIN/$t" --schema
	ok "$t: a missing argument under the tool's name" '[ $rc -eq 2 ] && [ "$(head -n 1 $T/err)" = "$t: option '"'"'--schema'"'"' requires an argument" ]'
	run "$t" --stdin-name "" -
	ok "$t --stdin-name \"\": usage error" '[ $rc -eq 2 ] && err_is "$t: --stdin-name: an empty name"'
	run "$t" --help
	ok "$t --help: --stdin-name" '[ $rc -eq 0 ] && out_has "--stdin-name NAME"'
done

# the name is the case's name in the output too, and a report named
# relative to the case is found beside the name given
run_in examples/01-referral.yaml csp-deadlines --format json --stdin-name cases/a.yaml
ok "csp-deadlines: the stdin name as the JSON file" '[ $rc -le 1 ] && out_has "\"file\":\"cases/a.yaml\""'
run_in examples/05-published.yaml csp-publish-check --stdin-name examples/05-published.yaml
ok "csp-publish-check: report.file beside the name given" '[ $rc -le 1 ] && out_has "final report examples/reports/HSCP-2025-012.md"'
run_in examples/05-published.yaml csp-publish-check --format json --stdin-name elsewhere/05.yaml
ok "csp-publish-check: a report not beside the name: {file, case, errors}" '[ $rc -eq 2 ] &&
    out_is "{\"file\":\"elsewhere/reports/HSCP-2025-012.md\",\"case\":\"HSCP-2025-012\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}" &&
    err_is "csp-publish-check: elsewhere/reports/HSCP-2025-012.md: cannot open: No such file or directory"'

# a bad holidays file is a place in a file too
run csp-deadlines --holidays tests/data/calendar/bad.txt examples/01-referral.yaml
ok "a bad holidays file in gcc's form" '[ $rc -eq 2 ] && err_is "tests/data/calendar/bad.txt:4:1: error: expected a date YYYY-MM-DD"'


# vim's quickfix, with its default errorformat, finds every place
if command -v vim >/dev/null 2>&1; then
	run csp-validate "$bad"
	vim -u NONE -N -i NONE -es -c "cgetfile $T/err" \
	    -c "call writefile(map(getqflist(), 'bufname(v:val.bufnr).\"|\".v:val.lnum.\"|\".v:val.col.\"|\".v:val.valid'), '$T/qf')" \
	    -c 'qa!' </dev/null >/dev/null 2>&1
	ok "vim's quickfix reads the file, line and column of each" '[ "$(cat $T/qf)" = "$bad|7|8|1
$bad|8|3|1" ]'
else
	n=$((n + 1))
	echo "ok $n - vim's quickfix reads the file, line and column of each # SKIP vim not installed"
fi

# --help: the tool's own options, then the common ones in tool.c's words,
# then the exit statuses; usage errors as "tool: message"
for t in $tools; do
	run "$t" --help
	ok "$t --help: the common options, as every tool says them" '[ $rc -eq 0 ] &&
	    grep -qE "^  -q, --quiet +print nothing; the exit status tells$" $T/out &&
	    grep -qE "^      --schema FILE +check cases against this draft-07 schema$" $T/out &&
	    grep -qE "^      --stdin-name NAME( +|$)" $T/out &&
	    grep -qE "^  -h, --help +this help$" $T/out && grep -qE "^      --version +the version$" $T/out &&
	    [ "$(grep -c -- "--quiet" $T/out)" -eq 1 ] && [ "$(grep -c -- "--version" $T/out)" -eq 1 ]'
	last=$(awk '/^$/ { p = NR } { l[NR] = $0 } END { print p ": " l[p + 1] }' "$T/out")
	ok "$t --help: the exit statuses last" 'case $last in [4-9]": Exit status: "* | [1-9][0-9]*": Exit status: "*) true ;; *) false ;; esac'
	if [ "$t" = csp-validate ]; then
		ok "$t --help: no --today or --holidays, which it does not use" '! grep -q -- "--today\|--holidays" $T/out'
	else
		ok "$t --help: --today and --holidays" 'grep -q -- "--today DATE" $T/out && grep -q -- "--holidays FILE" $T/out'
	fi
	run "$t" --format nonesuch examples/
	ok "$t: a usage error is one line, the tool's name first" '[ $rc -eq 2 ] && err_is "$t: --format: no such format here: nonesuch"'
done

# the blank line between cases, a form feed between forms
run csp-decide examples/01-referral.yaml examples/02-rapid-review.yaml
ok "text: one blank line between two cases" '[ $rc -le 1 ] && [ "$(grep -c "^HSCP-2026-0[23][17]: criteria" $T/out)" -eq 2 ] &&
    [ "$(grep -n "^HSCP-2026-027: criteria" $T/out | cut -d: -f1)" -gt 1 ] &&
    [ -z "$(sed -n "$(($(grep -n "^HSCP-2026-027: criteria" $T/out | cut -d: -f1) - 1))p" $T/out)" ]'
run csp-refer --form examples/01-referral.yaml examples/02-rapid-review.yaml
ok "forms: a form feed between two" '[ "$(tr -cd "\f" <$T/out | wc -c)" -eq 1 ]'
run csp-rapid-review --form examples/02-rapid-review.yaml examples/03-decision.yaml examples/05-published.yaml
ok "rapid review forms: one form feed between each two" '[ "$(tr -cd "\f" <$T/out | wc -c)" -eq 2 ]'
