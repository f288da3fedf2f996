# identifiers.sh - csp-publish-check and the identifiers of a report:
# known ones however written, a report that is not UTF-8.
. tests/lib.sh

sed 's/first_name: Tiggy/first_name: Chloë/' examples/01-referral.yaml >"$T/chloe.yaml"

# ---- a report in Windows-1252 (issue 11) ----

printf '# Report\n\nChlo\353 was seen by her \223mother\224.\n' >"$T/cp1252.md"
run csp-publish-check --report "$T/cp1252.md" "$T/chloe.yaml"
ok "a Windows-1252 report: the name is found where it is" '[ $rc -eq 1 ] && out_has "$T/cp1252.md:3:1: identifier (name): A name from the case; write \"Child\" instead"'
ok "and the output says how it was read" 'out_has "The report is not UTF-8: it was read as Windows-1252"'
run csp-publish-check --format json --report "$T/cp1252.md" "$T/chloe.yaml"
ok "JSON: encoding windows-1252, the finding at 3:1" '[ $rc -eq 1 ] && [ "$(jq -r .encoding $T/out)" = windows-1252 ] && [ "$(jq -c "[.findings[0].line, .findings[0].col, .findings[0].kind]" $T/out)" = "[3,1,\"name\"]" ]'
printf '# Report\n\nChlo\303\253 was seen.\n' >"$T/utf8.md"
run csp-publish-check --format json --report "$T/utf8.md" "$T/chloe.yaml"
ok "a UTF-8 report: no encoding key" '[ $rc -eq 1 ] && [ "$(jq -r ".encoding // \"none\"" $T/out)" = none ] && [ "$(jq -r .findings[0].kind $T/out)" = name ]'

# ---- known identifiers however written (issue 11) ----

cat >"$T/variants.yaml" <<'YAML'
id: T-VAR
partnership: Testshire Safeguarding Children Partnership
child:
  first_name: Mary-Jane
  last_name: O'Brien
  dob: 2015-03-03
  nhs_number: 999 000 0018
  address: Flat 3B, 12 Madeup Road, Testtown
  postcode: ZZ99 3CZ
family:
  - {name: Ava McAllister, relationship: mother}
  - {name: Ian MacDonald, relationship: uncle}
referral:
  referrer: {name: Quentin Placeholder, agency: Police, phone: 01632 960001}
review:
  reviewer: {name: Olwen Examplereviewer}
YAML
cat >"$T/variants.md" <<'MD'
# Report

MaryJane OBrien lived with Mrs Mc Allister and her uncle Mr McDonald.
Mary Jane O Brien was born on 20150303.
The NHS number was 999 0000 018 and the postcode zz99-3cz.
The police rang from 0044 1632 960001 about Flat 3B.
Olwen Examplereviewer wrote this report.
MD
run csp-publish-check --format json --report "$T/variants.md" "$T/variants.yaml"
ok "every variant found, each at its place" '[ "$(jq -c "[.findings[] | select(.check == \"identifier\") | [.line, .col, .kind]]" $T/out)" = "[[3,1,\"name\"],[3,32,\"name\"],[3,61,\"name\"],[4,1,\"name\"],[4,31,\"dob\"],[5,20,\"nhs_number\"],[5,50,\"postcode\"],[6,22,\"phone\"],[6,45,\"address\"]]" ]'

# ---- identifiers nobody listed (issue 13) ----

# flat_has TEXT: stdout has TEXT, its wrapped lines joined
flat_has() { tr '\n' ' ' <"$T/out" | tr -s ' ' | grep -qF -- "$1"; }

# precision: the shipped reports and a plain-English report about "Child P"
# with the partnership, the reviewer, agencies and months give none
for r in examples/reports/*.md tests/data/reports/*.txt; do
	run csp-publish-check --format json --report "$r" examples/05-published.yaml
	ok "no possible identifier in $r" '[ "$(jq "[.findings[] | select(.check == \"possible-identifier\")] | length" $T/out)" = 0 ]'
done
cat >"$T/child-p.yaml" <<'YAML'
id: T-CHILD-P
partnership: Testshire Safeguarding Children Partnership
local_authority: Testshire
child: {first_name: Poppy, last_name: Testcase, pseudonym: Child P}
professionals:
  - {name: Ann Example, role: health visitor, agency: Testshire Community Health}
  - {name: Bob Example, role: detective constable, agency: Testshire Constabulary}
review:
  reviewer: {name: Olwen Examplereviewer}
YAML
run csp-publish-check --report tests/data/reports/child-p.md "$T/child-p.yaml"
ok "the Child P report: publishable, nothing to check" '[ $rc -eq 0 ] && ! out_has possible-identifier && out_has "Publishable: yes, on these checks."'

# recall: what the case does not list, each kind at its place
sed -e 's/her mother/her friend Keira/' -e 's/Health Visitor saw/Health Visitor at Notreal Surgery saw/' \
    -e 's/in May and in July/on Farrow Road in May, born 2 March 2013/' \
    tests/data/reports/child-p.md >"$T/leaky.md"
run csp-publish-check --report "$T/leaky.md" "$T/child-p.yaml"
ok "possible identifiers: found at line:col with their kind, exit 1" '[ $rc -eq 1 ] && out_has "$T/leaky.md:23:35: possible-identifier (name): Possibly a person'"'"'s name that the case does not list; check it before publication and write a role or relationship instead (9.12.2, 9.15.2, 9.4.3)." && out_has "$T/leaky.md:31:27: possible-identifier (place):" && out_has "possible-identifier (street):" && out_has "possible-identifier (dob):"'
ok "the verdict counts them" 'flat_has "Publishable: once the 4 possible identifiers above are checked (9.12.2, 9.15.2)."'
ok "the report is never quoted" '! grep -q "Keira\|Notreal\|Farrow" $T/out'
run csp-publish-check --format json --report "$T/leaky.md" "$T/child-p.yaml"
ok "JSON: publishable (they do not block), each with its kind" '[ $rc -eq 1 ] && [ "$(jq -c "[.publishable, [.findings[] | select(.check == \"possible-identifier\") | .kind]]" $T/out)" = "[true,[\"name\",\"place\",\"street\",\"dob\"]]" ]'
# an identifier the case lists still blocks
sed 's/her friend Keira/Poppy/' "$T/leaky.md" >"$T/leaky2.md"
run csp-publish-check --report "$T/leaky2.md" "$T/child-p.yaml"
ok "an identifier still blocks" '[ $rc -eq 1 ] && flat_has "Publishable: no: 1 finding above to resolve first, and 3 possible identifiers to check."'

echo "1..$n"
