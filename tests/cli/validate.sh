# validate.sh - csp-validate's contract: exit codes, exact diagnostics,
# stdin and "-", folders, the output formats, and that nothing is modified.
. tests/lib.sh

bad=tests/data/invalid/bad-dates.yaml
sums=$(cat examples/*.yaml $bad | cksum)

run csp-validate examples/
ok "examples/ are all valid" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'

for f in examples/*.yaml; do
	run csp-validate "$f"
	ok "$f is valid" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
done

run csp-validate $bad
ok "two errors, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && err_is "$bad:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists
$bad:8:3: error: .child: unknown field \"dobb\" (did you mean \"dob\"?)"'

run csp-validate -q $bad
ok "-q: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'

run csp-validate -l examples/01-referral.yaml $bad examples/02-rapid-review.yaml
ok "-l lists only the invalid file" '[ $rc -eq 1 ] && out_is "$bad" && [ ! -s $T/err ]'

run_in $bad csp-validate
ok "stdin with no operand is <stdin>" '[ $rc -eq 1 ] && err_has "<stdin>:7:8: error: .child.dob:"'
run_in $bad csp-validate -
ok "- is stdin" '[ $rc -eq 1 ] && err_has "<stdin>:8:3: error: .child: unknown field"'
run_in examples/03-decision.yaml csp-validate - 
ok "a valid case on stdin" '[ $rc -eq 0 ] && [ ! -s $T/err ]'

run csp-validate no-such-case.yaml examples/01-referral.yaml
ok "missing file: exit 2, others still checked" '[ $rc -eq 2 ] && err_is "csp-validate: no-such-case.yaml: cannot open: No such file or directory"'
run csp-validate --format json no-such-case.yaml examples/01-referral.yaml
ok "missing file in JSON, and the next file" '[ $rc -eq 2 ] && out_is "{\"file\":\"no-such-case.yaml\",\"case\":null,\"valid\":false,\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}
{\"file\":\"examples/01-referral.yaml\",\"case\":\"HSCP-2026-031\",\"valid\":true,\"errors\":[]}"'
run csp-validate examples/01-referral.yaml/x
ok "not a directory: exit 2" '[ $rc -eq 2 ] && err_is "csp-validate: examples/01-referral.yaml/x: cannot open: Not a directory"'
run csp-validate $bad no-such-case.yaml
ok "invalid and unreadable: exit 2" '[ $rc -eq 2 ]'

run csp-validate --format json $bad
ok "JSON errors with positions" 'out_is "{\"file\":\"$bad\",\"case\":null,\"valid\":false,\"errors\":[{\"line\":7,\"col\":8,\"path\":\".child.dob\",\"message\":\"must be a date (YYYY-MM-DD) that exists\"},{\"line\":8,\"col\":3,\"path\":\".child\",\"message\":\"unknown field \\\"dobb\\\" (did you mean \\\"dob\\\"?)\"}]}" && [ $rc -eq 1 ]'

# a folder: sorted, recursive, hidden entries and other files skipped
mkdir -p "$T/cases/sub" "$T/cases/.hidden"
cp examples/02-rapid-review.yaml "$T/cases/b.yaml"
cp examples/01-referral.yaml "$T/cases/a.yml"
cp examples/03-decision.yaml "$T/cases/sub/c.yaml"
cp $bad "$T/cases/.hidden/bad.yaml"
cp $bad "$T/cases/.bad.yaml"
cp $bad "$T/cases/notes.txt"
run csp-validate --format json "$T/cases"
ok "folder walked in order, hidden and other files skipped" '[ $rc -eq 0 ] && [ "$(sed "s/.*\"file\":\"\([^\"]*\)\".*/\1/" $T/out | sed "s|$T/||")" = "cases/a.yml
cases/b.yaml
cases/sub/c.yaml" ]'
run csp-validate "$T/cases/notes.txt"
ok "a file named on the command line is read whatever its name" '[ $rc -eq 1 ]'

# loader rejections through the command: one line each, exit 1
printf 'id: A\nid: B\n' >"$T/dup.yaml"
run csp-validate "$T/dup.yaml"
ok "duplicate key" '[ $rc -eq 1 ] && err_is "$T/dup.yaml:2:1: error: duplicate key \"id\" (first at line 1)"'
printf 'id: &a A\npartnership: *a\n' >"$T/alias.yaml"
run csp-validate "$T/alias.yaml"
ok "anchor" '[ $rc -eq 1 ] && err_is "$T/alias.yaml:1:5: error: anchors (&name) are not allowed"'
printf 'id: A\npartnership: B\n---\nid: C\n' >"$T/two.yaml"
run csp-validate "$T/two.yaml"
ok "two documents" '[ $rc -eq 1 ] && err_is "$T/two.yaml:3:1: error: more than one document (one case per file)"'
printf 'id: A\npartnership: \xff\n' >"$T/utf.yaml"
run csp-validate "$T/utf.yaml"
ok "invalid UTF-8" '[ $rc -eq 1 ] && err_is "$T/utf.yaml:2:14: error: invalid UTF-8 (case files must be UTF-8 text)"'
: >"$T/empty.yaml"
run csp-validate "$T/empty.yaml"
ok "empty file" '[ $rc -eq 1 ] && err_is "$T/empty.yaml:1:1: error: empty file (a case needs at least id and partnership)"'
head -c 4194305 /dev/zero | tr '\0' '#' >"$T/big.yaml"
run csp-validate "$T/big.yaml"
ok "file over 4 MiB" '[ $rc -eq 1 ] && err_is "csp-validate: $T/big.yaml: file is larger than 4 MiB"'
printf 'partnership: B\nchild: {dob: 2020-01-01, dod: 2019-12-31}\n' >"$T/sem.yaml"
run csp-validate "$T/sem.yaml"
ok "schema and semantic errors" '[ $rc -eq 1 ] && err_is "$T/sem.yaml:1:1: error: .: missing required field \"id\""'
printf 'id: A\npartnership: B\nchild: {dob: 2020-01-01, dod: 2019-12-31}\nactions:\n  - {id: 1}\n  - {id: 1}\n' >"$T/sem.yaml"
run csp-validate "$T/sem.yaml"
ok "dates in order, unique action ids" '[ $rc -eq 1 ] && err_is "$T/sem.yaml:3:31: error: .child.dod: date of death is before the date of birth
$T/sem.yaml:6:10: error: .actions[1].id: duplicate action id (first at line 5)"'
printf 'id: A\npartnership: B\nchild: {first_name: Zebedee, dob: 17}\n' >"$T/priv.yaml"
run csp-validate "$T/priv.yaml"
ok "messages never quote a personal field" '[ $rc -eq 1 ] && ! err_has Zebedee && ! err_has 17'

# -q wins over -l and --format json: nothing printed, the status tells
run csp-validate -lq tests/data/invalid/
ok "-lq: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-validate -q --format json tests/data/invalid/
ok "-q --format json: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-validate -q no-such-case.yaml
ok "-q: a file that cannot be read is still said" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-validate: no-such-case.yaml: cannot open: No such file or directory"'

# csp-validate counts no days: a broken holidays file does not stop it
CSP_HOLIDAYS=tests/data/calendar/bad.txt run csp-validate examples/
ok "a broken CSP_HOLIDAYS does not stop csp-validate" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
CSP_HOLIDAYS=/no/such/file run csp-validate examples/
ok "nor a missing one" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
run csp-validate --holidays /no/such/file examples/
ok "nor --holidays" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
CSP_HOLIDAYS=/no/such/file run csp-decide examples/01-referral.yaml
ok "a tool that counts days still refuses it" '[ $rc -eq 2 ] && err_is "csp-decide: /no/such/file: cannot open: No such file or directory"'

# usage and output errors
run csp-validate --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-validate: unrecognized option '"'"'--bogus'"'"'
usage: csp-validate [-lq] [--canonical] [--format text|json] [--schema file] [file|dir ...]"'
run csp-validate --format tsv examples/
ok "a format it does not write: exit 2" '[ $rc -eq 2 ] && err_is "csp-validate: --format: no such format here: tsv"'
run csp-validate --today 2026-02-30 examples/
ok "a bad --today: exit 2" '[ $rc -eq 2 ] && err_is "csp-validate: --today: not a date (YYYY-MM-DD): 2026-02-30"'
run csp-validate --help
ok "--help on stdout, exit 0" '[ $rc -eq 0 ] && out_has "usage: csp-validate" && [ ! -s $T/err ]'
run csp-validate --version
ok "--version" '[ $rc -eq 0 ] && out_has "csp-validate (csp) "'
run csp-validate --schema no-such-schema.json examples/
ok "unreadable --schema: exit 2" '[ $rc -eq 2 ] && err_is "csp-validate: no-such-schema.json: cannot open: No such file or directory"'
printf '{"type": "object", "required": ["nonsense"]}' >"$T/schema.json"
run csp-validate --schema "$T/schema.json" examples/01-referral.yaml
ok "--schema replaces the built-in schema" '[ $rc -eq 1 ] && err_has "missing required field \"nonsense\""'
csp-validate --format json examples/ >/dev/full 2>"$T/err"
rc=$?
ok "output to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-validate: cannot write output: No space left on device"'

ok "no file was modified" '[ "$(cat examples/*.yaml $bad | cksum)" = "$sums" ]'
