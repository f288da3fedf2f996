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
