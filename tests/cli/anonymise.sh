# anonymise.sh - csp-notify --anonymise never changes what a case means:
# only free text is rewritten (the schema says which strings are free
# text), the output always validates and anonymises again unchanged.
. tests/lib.sh

# ---- codes are never rewritten (9.4.3 anonymises people, not codes) ----

sed -e 's/last_name: Madeup/last_name: England/' \
    -e 's/place: in_area/place: outside_england/' \
    -e 's/  - name: Rocco Fakename/  - name: Lee Police/' \
    examples/01-referral.yaml >"$T/codes.yaml"
run csp-notify --anonymise "$T/codes.yaml"
ok "a child surnamed England: place outside_england is kept" '[ $rc -eq 0 ] && [ "$(jq -r .incident.place $T/out)" = outside_england ]'
ok "a stepfather Lee Police: agencies [police] are kept" '[ "$(jq -c .referral.agencies $T/out)" = "[\"childrens_services\",\"police\",\"health\"]" ]'
ok "the same words in free text are still replaced" '! grep -q "England" $T/out && jq -r .referral.outline $T/out | grep -q "^Child, aged five" && jq -r .referral.outline $T/out | grep -q "Stepfather are investigating"'
cp "$T/out" "$T/codes.json"
run csp-validate "$T/codes.json"
ok "and the output validates" '[ $rc -eq 0 ]'
ok "dates are never rewritten" '[ "$(jq -r .incident.date $T/codes.json)" = 2026-11-19 ]'
# a --schema's codes are codes: that schema says what is free text
printf 'x-team: England team\n' >>"$T/codes.yaml"
jq '.patternProperties["^x-"] = {"type": "string", "enum": ["England team"]}' schemas/case.schema.json >"$T/team.schema.json"
run csp-notify --anonymise "$T/codes.yaml"
ok "an x- field is free text to the built-in schema: rewritten" '[ $rc -eq 0 ] && [ "$(jq -r ".\"x-team\"" $T/out)" != "England team" ]'
run csp-notify --anonymise --schema "$T/team.schema.json" "$T/codes.yaml"
ok "a code of --schema's: kept, whatever it shares with a name" '[ $rc -eq 0 ] && [ "$(jq -r ".\"x-team\"" $T/out)" = "England team" ] && ! jq -r .referral.outline $T/out | grep -q England'
cp "$T/out" "$T/team.json"
run csp-validate --schema "$T/team.schema.json" "$T/team.json"
ok "and the output validates against that schema" '[ $rc -eq 0 ]'

# ---- output that csp's own loader reads back ----

printf 'id: X-1\npartnership: P\nincident:\n  summary: "a\\uFFFFb, c\\x7fd, e\\x85f, \\u00ebg"\n' >"$T/nonchar.yaml"
run csp-notify --anonymise "$T/nonchar.yaml"
ok "U+FFFF and DEL in a value: written as escapes" '[ $rc -eq 0 ] && out_is "{\"id\":\"X-1\",\"partnership\":\"P\",\"incident\":{\"summary\":\"a\\uFFFFb, c\\u007fd, e\\u0085f, \\u00EBg\"}}"'
cp "$T/out" "$T/nonchar.json"
run csp-validate "$T/nonchar.json"
ok "which the loader reads back" '[ $rc -eq 0 ]'
run csp-notify --anonymise --format yaml "$T/nonchar.yaml"
cp "$T/out" "$T/nonchar-out.yaml"
run csp-validate "$T/nonchar-out.yaml"
ok "so is the YAML" '[ $rc -eq 0 ]'

# ---- what the case does not list: replaced too, and said (issue 13) ----

cat >"$T/unlisted.yaml" <<'YAML'
id: T-AN
partnership: Testshire Safeguarding Children Partnership
child: {first_name: Poppy, last_name: Testcase, pseudonym: Child P}
incident:
  summary: >-
    Poppy was found by her friend Keira near Hillcrest Infant School on
    Farrow Road; Mrs Adebayo called the police from AB12 CDE.
YAML
run csp-notify --anonymise "$T/unlisted.yaml"
ok "unlisted identifiers in free text become neutral labels" '[ $rc -eq 0 ] && [ "$(jq -r .incident.summary $T/out)" = "Child P was found by her friend [name] near [school] on [street]; Mrs [name] called the police from [vehicle registration]." ]'
ok "each is listed on stderr by place and kind, never its text" '[ "$(cat $T/err)" = "$T/unlisted.yaml:5:12: note: .incident.summary: possible identifier replaced by [name]: name (9.4.3)
$T/unlisted.yaml:5:12: note: .incident.summary: possible identifier replaced by [school]: school (9.4.3)
$T/unlisted.yaml:5:12: note: .incident.summary: possible identifier replaced by [street]: street (9.4.3)
$T/unlisted.yaml:5:12: note: .incident.summary: possible identifier replaced by [name]: name (9.4.3)
$T/unlisted.yaml:5:12: note: .incident.summary: possible identifier replaced by [vehicle registration]: vehicle (9.4.3)" ]'
cp "$T/out" "$T/unlisted.json"
run csp-notify --anonymise "$T/unlisted.json"
ok "anonymised again: unchanged, nothing more replaced" '[ $rc -eq 0 ] && cmp -s $T/out $T/unlisted.json && [ ! -s $T/err ]'
run csp-notify --anonymise -q "$T/unlisted.yaml"
ok "-q: nothing on stdout or stderr" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'

# ---- round trip: anonymise, validate, anonymise again ----

for f in examples/*.yaml tests/fuzz/seeds/case/*; do
	csp-validate -q "$f" >/dev/null 2>&1 || continue
	for fmt in json yaml; do
		run csp-notify --anonymise --format $fmt "$f"
		ok "round trip $f ($fmt): anonymised" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
		cp "$T/out" "$T/once.$fmt"
		run csp-validate "$T/once.$fmt"
		ok "round trip $f ($fmt): the output validates" '[ $rc -eq 0 ]'
		run csp-notify --anonymise --format $fmt "$T/once.$fmt"
		ok "round trip $f ($fmt): anonymised again, unchanged" '[ $rc -eq 0 ] && cmp -s $T/out $T/once.$fmt'
	done
done

echo "1..$n"
