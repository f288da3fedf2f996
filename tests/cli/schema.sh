# schema.sh - the case schema where editors and other programs find it:
# installed to share/csp/case.schema.json with an $id; csp-refer
# --template starts with the yaml-language-server modeline naming it; and
# csp-validate --canonical prints each case as the JSON that was checked,
# which python3-jsonschema finds valid against the installed schema for
# every example (and invalid where csp-validate does too).
. tests/lib.sh

O=$(cd "$CSP_BIN/.." && pwd)
p=$T/prefix
make -s install O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
s=$p/share/csp/case.schema.json
ok "make install: share/csp/case.schema.json" '[ $rc -eq 0 ] && [ -f $s ] && cmp -s $s schemas/case.schema.json'
ok "it has an \$id" '/usr/bin/python3 -c "
import json, sys
assert json.load(open(sys.argv[1]))[\"\$id\"].startswith(\"https://\")
" $s'

ok "every property and definition has a title or description, for an editor to show" '/usr/bin/python3 -c "
import json, sys
bare = []
def walk(node, path):
    if not isinstance(node, dict):
        return
    for name, sub in node.get(\"properties\", {}).items():
        if not (isinstance(sub, dict) and (\"description\" in sub or \"title\" in sub)):
            bare.append(path + \".\" + name)
        walk(sub, path + \".\" + name)
    for k in (\"items\", \"additionalProperties\"):
        walk(node.get(k), path + \"[]\")
    for k in (\"allOf\", \"anyOf\", \"oneOf\"):
        for sub in node.get(k, []):
            walk(sub, path)
    for name, sub in node.get(\"definitions\", {}).items():
        if \"description\" not in sub and \"title\" not in sub:
            bare.append(\"#/definitions/\" + name)
        walk(sub, \"#/definitions/\" + name)
walk(json.load(open(sys.argv[1])), \"\")
assert not bare, bare
" schemas/case.schema.json'

# the modeline: the installed tool names the installed schema, the one in
# a build tree names the source tree's
run "$p/bin/csp-refer" --template
ok "the installed csp-refer --template starts with the modeline" '[ $rc -eq 0 ] &&
    [ "$(head -n 1 $T/out)" = "# yaml-language-server: \$schema=$s" ]'
run csp-refer --template
ok "built, it names the source tree's schema" '[ "$(head -n 1 $T/out)" = "# yaml-language-server: \$schema=$CSP_TOP/schemas/case.schema.json" ]'
cp "$CSP_BIN/csp-refer" "$T/csp-refer"
run "$T/csp-refer" --template
ok "anywhere else, the schema's \$id" '[ "$(head -n 1 $T/out)" = "# yaml-language-server: \$schema=$(sed -n "s/^  \"\$id\": \"\(.*\)\",\$/\1/p" schemas/case.schema.json)" ]'

# --canonical
run csp-validate --canonical examples/
ok "--canonical: one line of JSON per case" '[ $rc -eq 0 ] && [ ! -s $T/err ] && [ "$(wc -l <$T/out)" -eq "$(ls examples/*.yaml | wc -l)" ]'
cp "$T/out" "$T/examples.jsonl"
ok "python3-jsonschema: every example valid against the installed schema" '/usr/bin/python3 -c "
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.draft7_format_checker)
n = 0
for line in open(sys.argv[2]):
    case = json.loads(line)
    errs = list(v.iter_errors(case))
    assert not errs, (case[\"id\"], [e.message for e in errs][:3])
    n += 1
assert n == 8, n
" $s $T/examples.jsonl'
ok "dates are strings, keys sorted" '/usr/bin/python3 -c "
import json, sys
for line in open(sys.argv[1]):
    case = json.loads(line)
    assert isinstance(case[\"child\"][\"dob\"], str) if \"dob\" in case.get(\"child\", {}) else True
    assert line.rstrip(\"\n\") == json.dumps(case, sort_keys=True, separators=(\",\", \":\"), ensure_ascii=False), case[\"id\"]
" $T/examples.jsonl'
# YAML 1.1 would make these a boolean, a date and a number; the tools and
# the JSON keep the strings
printf 'id: T-TYPES\npartnership: "on"\nchild: {dob: 2020-01-02, nhs_number: "0123456789", first_name: "no"}\n' >"$T/types.yaml"
run csp-validate --canonical "$T/types.yaml"
ok "what YAML 1.1 would retype stays a string" '[ $rc -eq 0 ] && out_is "{\"child\":{\"dob\":\"2020-01-02\",\"first_name\":\"no\",\"nhs_number\":\"0123456789\"},\"id\":\"T-TYPES\",\"partnership\":\"on\"}"'
run_in examples/01-referral.yaml csp-validate --canonical --stdin-name cases/a.yaml
ok "from standard input too" '[ $rc -eq 0 ] && [ "$(cat $T/out)" = "$(sed -n 1p $T/examples.jsonl)" ]'
run csp-validate --canonical tests/data/invalid/bad-dates.yaml examples/01-referral.yaml
ok "an invalid case: its errors, no JSON for it, exit 1" '[ $rc -eq 1 ] && [ "$(wc -l <$T/out)" -eq 1 ] && err_has "bad-dates.yaml:7:8: error:"'
run csp-refer --template
cp "$T/out" "$T/new.yaml"
run_in "$T/new.yaml" csp-validate --canonical
ok "the template is valid, and so is its JSON" '[ $rc -eq 0 ] && /usr/bin/python3 -c "
import json, sys, jsonschema
jsonschema.validate(json.loads(open(sys.argv[2]).read()), json.load(open(sys.argv[1])), cls=jsonschema.Draft7Validator)
" $s $T/out'
# where the schema alone decides, jsonschema agrees with csp-validate
printf 'id: T-BAD\npartnership: P\nchild: {gender: yes}\n' >"$T/enum.yaml"
run csp-validate "$T/enum.yaml"
ok "a bad enum value: csp-validate refuses it" '[ $rc -eq 1 ]'
ok "and so does jsonschema" '/usr/bin/python3 -c "
import json, sys, jsonschema
v = jsonschema.Draft7Validator(json.load(open(sys.argv[1])))
assert list(v.iter_errors({\"id\": \"T-BAD\", \"partnership\": \"P\", \"child\": {\"gender\": \"yes\"}}))
" $s'
run csp-validate --canonical -l examples/
ok "--canonical with -l: usage error" '[ $rc -eq 2 ] && err_has "csp-validate: --canonical prints the cases themselves: not with -l or --format"'
run csp-validate --canonical -q examples/
ok "--canonical -q: nothing" '[ $rc -eq 0 ] && [ ! -s $T/out ]'

make -s uninstall O="$O" PREFIX="$p" >/dev/null 2>&1
ok "make uninstall takes it away" '[ ! -e $s ]'
