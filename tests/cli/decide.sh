# decide.sh - csp-decide's contract: the exit status over the examples and
# over cases made to have findings, stdin and "-", folders, bad files among
# good ones, the JSON shape, --names and privacy, -q, usage errors and a
# full disk.  Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)
# flat_has TEXT: the output, its lines joined and indents squeezed, has TEXT
flat_has() { tr '\n' ' ' <"$T/out" | tr -s ' ' | grep -qF -- "$1"; }

# ---- exit status over the examples ----

run csp-decide examples/
ok "examples/: one case with a finding, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ $(grep -c ": criteria for a child safeguarding practice review$" $T/out) -eq 8 ]'
for f in 01-referral:0 02-rapid-review:0 03-decision:1 04-review:0 05-published:0 06-closed:0 07-looked-after:0 08-no-review:0; do
	run csp-decide examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ] && [ ! -s $T/err ]'
done
run csp-decide --format json examples/
ok "JSON: one object per case, in folder order" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 8 ] && [ "$(jq -r .case $T/out | tr "\n" " ")" = "HSCP-2026-031 HSCP-2026-027 HSCP-2026-019 HSCP-2026-008 HSCP-2025-012 HSCP-2024-037 HSCP-2026-022 HSCP-2026-025 " ]'
ok "JSON: the keys of SPEC, in order" '[ "$(jq -c keys_unsorted $T/out | sort -u)" = "[\"case\",\"criteria\",\"indicated\",\"national_criteria\",\"lead_partnership\",\"findings\"]" ]'
ok "JSON: 18 criteria each, with id, para, result, because" '[ "$(jq -c "[(.criteria | length)] + [.criteria[] | keys_unsorted] | unique" $T/out | sort -u)" = "[18,[\"id\",\"para\",\"result\",\"because\"]]" ]'
ok "JSON: indicated, national criteria and lead partnership per case" '[ "$(jq -r "[.indicated, .national_criteria, .lead_partnership] | @tsv" $T/out)" = "$(printf "%s\n" "insufficient_information		" "other_review_considered		Hampshire" "local_review_considered	true	Borsetshire" "local_review_considered	true	Hampshire" "local_review_considered	true	Hampshire" "local_review_considered	true	Hampshire" "other_review_considered	false	Borsetshire" "other_review_considered	false	")" ]'
ok "JSON: the finding of 03" '[ "$(jq -c "select(.case == \"HSCP-2026-019\") | .findings[] | [.check, .para]" $T/out)" = "[\"reviewer-line-management\",\"9.6.6\"]" ]'

# ---- findings, one case each ----

mkcase() { printf 'id: T-%s\npartnership: Test Partnership\nlocal_authority: Hampshire\n%s\n' "$1" "$2" >"$T/$1.yaml"; }
serious='incident: {abuse_or_neglect: suspected, outcome: seriously_harmed, place: in_area}
considerations: {improvements_needed: true}'
mkcase nfa "$serious
decision: {outcome: no_further_action, rationale: Other work covers it., communicated_to_family: 2026-11-01}"
run csp-decide "$T/nfa.yaml"
ok "no further action when a local review is indicated: a finding, exit 1" '[ $rc -eq 1 ] && out_has "  4.3        decision-departs: The criteria for a local review are met (4.1," && flat_has "a local review should be considered, and the rationale should say why not (4.3, 4.4)."'
mkcase bare "$serious
decision: {outcome: local_review}"
run csp-decide --format json "$T/bare.yaml"
ok "a decision without rationale, not told to the family" '[ $rc -eq 1 ] && [ "$(jq -r "[.findings[] | .check + \" \" + .para] | join(\",\")" $T/out)" = "decision-rationale 4.4,decision-family 9.4.5" ]'
mkcase nothing 'incident: {outcome: other, abuse_or_neglect: suspected, place: in_area}
decision: {outcome: local_review, rationale: Learning., communicated_to_family: 2026-11-01}'
run csp-decide --format json "$T/nothing.yaml"
ok "a local review when no review is indicated" '[ $rc -eq 1 ] && [ "$(jq -r ".indicated, .findings[0].check, .findings[0].para" $T/out | tr "\n" " ")" = "no_review_indicated decision-departs 4.2 " ]'
mkcase reviewer "$serious
review:
  reviewer: {name: Rita Reviewer, kind: external_independent, last_employed_by_partner_agency: 2023-03-31}
  commissioned: 2026-06-01"
run csp-decide --format json "$T/reviewer.yaml"
ok "an external reviewer employed within five years, no CV or referee" '[ $rc -eq 1 ] && [ "$(jq -r "[.findings[].check] | join(\" \")" $T/out)" = "reviewer-employment reviewer-cv reviewer-referee" ]'
ok "the reviewer is not named, nor the date" '! out_has Rita && ! out_has 2023-03-31'

# ---- the briefing ----

run csp-decide examples/03-decision.yaml
ok "the briefing: its parts, in order" '[ "$(grep -E "^(Met|Not met|Unknown: to find out|Notifications that follow|Indicated|National review criteria|Lead partnership|Findings)" $T/out | cut -d" " -f1 | tr "\n" " ")" = "Met Not Unknown: Notifications Indicated National Lead Findings " ]'
ok "every criterion line cites its paragraph" '[ $(sed "/^Notifications that follow/,\$d" $T/out | grep -cE "^  (4\.[12]|5\.[13]|8\.1\.[12]\([a-i]\)|10\.2\.[12]\([a-d]\)) ") -eq 18 ]'
ok "the notifications that follow: the duty table's rows, each with its paragraph" '[ "$(sed -n "/^Notifications that follow/,/^\$/p" $T/out | grep -E "^  5\.[12] ")" = "  5.1        The local authority must notify the Panel of the incident.
  5.2        The local authority must report the incident to the safeguarding" ]'
ok "unknown criteria say what to ask" '[ $(grep -c "^             Ask: " $T/out) -eq 8 ]'
ok "wrapped at 78 columns" '[ $(awk "length > 78" $T/out | wc -l) -eq 0 ]'
ok "wording leaves the decision to the partners" 'flat_has "a local child safeguarding practice review should be considered" && ! flat_has "review required" && flat_has "the safeguarding partners decide (4.3, 7.4)."'

# ---- privacy and --names ----

run csp-decide examples/
ok "no name, dob, address or NHS number in any briefing" '! grep -Eq "Nova|Placeholder|Tiggy|Madeup|Ziggy|Testington|Bonnie|Dummyworth|2018-07-23|ZZ99|Nowhere Lane|999 000" $T/out'
run csp-decide --format json examples/
ok "nor in JSON" '! grep -Eq "Nova|Placeholder|Tiggy|Ziggy|Bonnie|2018-07-23|ZZ99|999 000" $T/out'
run csp-decide --names examples/03-decision.yaml
ok "--names: the child named in the heading" '[ $rc -eq 1 ] && [ "$(head -n 1 $T/out)" = "HSCP-2026-019 (Nova Placeholder): criteria for a child safeguarding practice review" ] && [ $(grep -c Nova $T/out) -eq 1 ]'

printf 'id: "T-\\e[2J"\npartnership: P\nchild: {first_name: "Ann\\e[31m"}\n' >"$T/esc.yaml"
run csp-decide --names "$T/esc.yaml"
ok "--names: control characters from the case never reach the terminal" '[ $rc -eq 0 ] && ! grep -q "$(printf "\033")" $T/out && [ "$(head -n 1 $T/out)" = "T- [2J (Ann [31m): criteria for a child safeguarding practice review" ]'

# ---- operands ----

run_in examples/07-looked-after.yaml csp-decide
ok "stdin with no operand" '[ $rc -eq 0 ] && [ "$(head -n 1 $T/out)" = "HSCP-2026-022: criteria for a child safeguarding practice review" ]'
run_in examples/03-decision.yaml csp-decide -
ok "- is stdin" '[ $rc -eq 1 ] && out_has "HSCP-2026-019: criteria"'
run csp-decide examples/06-closed.yaml examples/07-looked-after.yaml
ok "two cases: a blank line between the briefings" '[ $rc -eq 0 ] && [ "$(grep -c "^HSCP-" $T/out)" -eq 2 ] && grep -B1 "^HSCP-2026-022" $T/out | head -n 1 | grep -q "^$"'
run csp-decide no-such-case.yaml examples/06-closed.yaml
ok "a missing file: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-decide: no-such-case.yaml: cannot open: No such file or directory" && out_has "HSCP-2024-037: criteria"'
run csp-decide --format json no-such-case.yaml examples/06-closed.yaml
ok "a missing file in JSON" '[ $rc -eq 2 ] && [ "$(head -n 1 $T/out)" = "{\"file\":\"no-such-case.yaml\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}" ] && [ $(wc -l <$T/out) -eq 2 ]'
run csp-decide tests/data/invalid/bad-dates.yaml examples/03-decision.yaml
ok "an invalid case is not assessed: exit 2" '[ $rc -eq 2 ] && err_has "tests/data/invalid/bad-dates.yaml:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists" && [ $(grep -c "^HSCP-" $T/out) -eq 1 ]'
mkdir -p "$T/cases/.hidden"
cp examples/03-decision.yaml "$T/cases/b.yaml"
cp examples/01-referral.yaml "$T/cases/a.yml"
cp tests/data/invalid/bad-dates.yaml "$T/cases/.hidden/bad.yaml"
run csp-decide --format json "$T/cases"
ok "a folder: sorted, hidden entries skipped" '[ $rc -eq 1 ] && [ "$(jq -r .case $T/out | tr "\n" " ")" = "HSCP-2026-031 HSCP-2026-019 " ]'

# ---- options ----

run csp-decide -q examples/
ok "-q: nothing printed, the status tells" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-decide -q examples/06-closed.yaml
ok "-q with nothing to find: exit 0" '[ $rc -eq 0 ] && [ ! -s $T/out ]'
mkcase recent 'review: {reviewer: {kind: external_independent, last_employed_by_partner_agency: 2021-06-30, cv: true, referee: true}}'
run csp-decide -q --today 2026-06-30 "$T/recent.yaml"
ok "--today: a reviewer not yet commissioned is judged on that day" '[ $rc -eq 1 ]'
run csp-decide -q --today 2026-07-01 "$T/recent.yaml"
ok "--today: five years and a day" '[ $rc -eq 0 ]'
run csp-decide --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-decide: unrecognized option '"'"'--bogus'"'"'
usage: csp-decide [-q] [--format text|json] [--names] [--today date] [file|dir ...]"'
run csp-decide --format tsv examples/
ok "a format it does not write: exit 2" '[ $rc -eq 2 ] && err_is "csp-decide: --format: no such format here: tsv"'
run csp-decide --today 2026-13-01 examples/
ok "a bad --today: exit 2" '[ $rc -eq 2 ] && err_is "csp-decide: --today: not a date (YYYY-MM-DD): 2026-13-01"'
run csp-decide --help
ok "--help on stdout, exit 0" '[ $rc -eq 0 ] && out_has "usage: csp-decide" && out_has "--names" && [ ! -s $T/err ]'
run csp-decide --version
ok "--version" '[ $rc -eq 0 ] && out_is "csp-decide (csp) 0.1.0"'
csp-decide examples/ >/dev/full 2>"$T/err"
rc=$?
ok "output to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-decide: cannot write output: No space left on device"'
csp-decide --format json examples/ >/dev/full 2>"$T/err"
rc=$?
ok "JSON to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-decide: cannot write output"'

ok "no file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
