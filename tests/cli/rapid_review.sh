# rapid_review.sh - csp-rapid-review's contract: the exit status over the
# examples and over rapid reviews made late, inquorate or incomplete, cases
# without a rapid review, the JSON shape, --form with its free text
# anonymised (or, with --names, as recorded), stdin and "-", bad files,
# usage errors and a full disk.  Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)

# ---- exit status over the examples ----

run csp-rapid-review examples/
ok "examples/: one rapid review not quorate, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ $(grep -c ": the rapid review (8.2, Appendices C and D)$" $T/out) -eq 8 ]'
for f in 01-referral:0 02-rapid-review:1 03-decision:0 04-review:0 05-published:0 06-closed:0 07-looked-after:0 08-no-review:0; do
	run csp-rapid-review examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ] && [ ! -s $T/err ]'
done
run csp-rapid-review --format json examples/
ok "JSON: the keys of SPEC, in order" '[ $(wc -l <$T/out) -eq 8 ] && [ "$(jq -c keys_unsorted $T/out | sort -u)" = "[\"case\",\"due\",\"status\",\"extraordinary_meeting_required\",\"quorate\",\"missing_from_quorum\",\"outstanding_requests\",\"findings\"]" ]'
ok "JSON: due date, status and quorum of each example" '[ "$(jq -r "[.case, .due, .status, .extraordinary_meeting_required, .quorate] | @tsv" $T/out | tr "\t\n" " ,")" = "HSCP-2026-031 2026-12-15 due  ,HSCP-2026-027 2026-12-01 due false false,HSCP-2026-019 2026-10-15 done false true,HSCP-2026-008 2026-04-20 done false true,HSCP-2025-012 2026-01-09 done false true,HSCP-2024-037 2024-11-27 done false true,HSCP-2026-022  not_applicable  ,HSCP-2026-025  not_applicable  ," ]'
ok "JSON: 02 lacks the health commissioner, whose return is outstanding" '[ "$(jq -c "select(.case == \"HSCP-2026-027\") | [.missing_from_quorum, .outstanding_requests, [.findings[].check]]" $T/out)" = "[[\"icb\"],[\"icb\"],[\"quorum\",\"outstanding-requests\"]]" ]'

# ---- no rapid review ----

run csp-rapid-review examples/07-looked-after.yaml
ok "no rapid review: said so, exit 0" '[ $rc -eq 0 ] && out_is "HSCP-2026-022: the rapid review (8.2, Appendices C and D)
No rapid review: the incident is not a serious child safeguarding case (4.1):
  incident.abuse_or_neglect is not_suspected. A rapid review is for a serious
  incident (8.2.1), so there is no 15 working day clock."'
printf 'id: T-none\npartnership: Test Partnership\nincident: {outcome: died}\n' >"$T/none.yaml"
run csp-rapid-review "$T/none.yaml"
ok "no notice received: said so, exit 0" '[ $rc -eq 0 ] && out_has "No rapid review: the partnership has no notice of the incident recorded:"'
# 4.1, 8.2.1: notified and referred, but not a serious incident
printf 'id: T-lac\npartnership: Test Partnership\nchild: {looked_after: true}\nincident: {outcome: died, abuse_or_neglect: not_suspected, notified: 2026-11-02}\nreferral: {types: [rapid_review]}\n' >"$T/lac.yaml"
run csp-rapid-review --format json "$T/lac.yaml"
ok "not a serious incident: no clock, not applicable, exit 0" '[ $rc -eq 0 ] && [ "$(jq -r "[.due, .status] | @json" $T/out)" = "[null,\"not_applicable\"]" ]'
sed -i 's/not_suspected/unknown/' "$T/lac.yaml"
run csp-rapid-review --format json "$T/lac.yaml"
ok "seriousness unknown: the clock runs" '[ "$(jq -r "[.due, .status] | @json" $T/out)" = "[\"2026-11-23\",\"overdue\"]" ]'
run csp-rapid-review "$T/lac.yaml"
ok "and the text says why" 'out_has "Serious incident (4.1): not known yet; the 15 working days run all the same,"'

# ---- one case at a time ----

mkcase() { printf 'id: T-%s\npartnership: Test Partnership\nincident: {notified: 2026-11-10}\n%s\n' "$1" "$2" >"$T/$1.yaml"; }
mkcase late 'rapid_review: {next_lig_meeting: 2026-12-10}'
run csp-rapid-review --today 2026-11-12 --format json "$T/late.yaml"
ok "the next meeting after the due date: an extraordinary one is needed" '[ $rc -eq 1 ] && [ "$(jq -r "[.extraordinary_meeting_required, .quorate, [.findings[].check]] | @json" $T/out)" = "[true,null,[\"extraordinary-meeting\"]]" ]'
run csp-rapid-review --today 2026-11-12 "$T/late.yaml"
ok "in text: one should be convened" 'out_has "LIG meeting (8.2.1): the next one, 2026-12-10, falls after the due date and no"'
run csp-rapid-review --today 2026-12-02 --format json "$T/late.yaml"
ok "past the due date: overdue, and the form is wanting" '[ $rc -eq 1 ] && [ "$(jq -r "[.status, [.findings[].check]] | @json" $T/out)" = "[\"overdue\",[\"rapid-review-overdue\",\"panel-submission-overdue\",\"extraordinary-meeting\",\"other-children\",\"recommendation\",\"rationale\",\"sign-off\",\"sign-off\"]]" ]'
run csp-rapid-review --today 2026-12-02 "$T/late.yaml"
ok "in text: overdue, with working days" 'out_has "Completion (8.2.1): overdue: due by 2026-12-01, 1 working day ago."'
run csp-rapid-review --today 2026-11-12 "$T/late.yaml"
ok "while open, what the form lacks is still to record" '[ $rc -eq 1 ] && [ "$(sed -n "/^Still to record/,/^Findings/p" $T/out | grep -c "^  [0-9A]")" -eq 6 ]'
mkcase done 'incident: {notified: 2026-11-10, outcome: died}
rapid_review:
  next_lig_meeting: 2026-11-20
  meeting: {date: 2026-11-20, kind: scheduled, present: [childrens_services, police, icb]}
  requests: [{agency: police, sent: 2026-11-10, received: 2026-11-16}]
  other_children_safeguarded: None.
  recommendation: no_review
  rationale: Reasons.
  completed: 2026-11-23
  signed_off: {lig_chair: 2026-11-23, chair: 2026-11-24}
  submitted_to_panel: 2026-11-24
notifications:
  - {to: safeguarding_partners, about: rapid_review, date: 2026-11-24}
  - {to: independent_chair, about: rapid_review, date: 2026-11-24}'
# (the case sets incident twice: the second mapping is the one that counts)
sed -i '3d' "$T/done.yaml"
run csp-rapid-review --format json "$T/done.yaml"
ok "done but for CDOP's information, where the child died" '[ $rc -eq 1 ] && [ "$(jq -r "[.status, .quorate, [.findings[] | .check + \" \" + .para]] | @json" $T/out)" = "[\"done\",true,[\"cdop 8.2.3\"]]" ]'
sed -i 's/  completed: 2026-11-23/  completed: 2026-11-23\n  cdop_information: true/' "$T/done.yaml"
run csp-rapid-review "$T/done.yaml"
ok "and with it, nothing to find" '[ $rc -eq 0 ] && out_has "CDOP information, where the child died (8.2.3): used." && out_has "Briefing to the safeguarding partners and the independent chair (8.2.3): sent" && out_has "Findings: none."'
mkcase pending 'referral: {types: [rapid_review]}'
sed -i '3d' "$T/pending.yaml"
run csp-rapid-review "$T/pending.yaml"
ok "a rapid review asked for, not yet notified: pending" '[ $rc -eq 0 ] && out_has "Completion (8.2.1): pending: none of incident.notified, a report to the"'

# ---- --form ----

run csp-rapid-review --form examples/02-rapid-review.yaml
ok "--form: Appendix D's sections, in order" '[ $rc -eq 1 ] && [ "$(grep -E "^[0-9]+\. " $T/out | cut -d" " -f1 | tr "\n" " ")" = "1. 2. 3. 4. 5. 6. 7. 8. 9. 10. " ]'
ok "--form: the free text anonymised by default" 'out_has "  Child B, aged eight months, was admitted to hospital with a head injury" && ! grep -Eq "Pip|Sampleton|Clover|Hattie|Owen" $T/out'
ok "--form: the agencies present ticked, the others under Other" 'out_has "  [x] Children'"'"'s Services               [ ] Southern Health" && out_has "  [ ] CCG/ICB - Designated Nurse/Doctor [ ] CAMHS" && out_has "  [x] Other: health"'
ok "--form: 78 columns, no trailing blanks" '[ $(awk "length > 78" $T/out | wc -l) -eq 0 ] && ! grep -q " \$" $T/out'
run csp-rapid-review --form --names examples/02-rapid-review.yaml
ok "--form --names: the free text as recorded" 'out_has "  Pip, aged eight months, was admitted to hospital with a head injury" && out_has "anonymise it before the form leaves"'
# labels that name each other: the child is Juniper outside, Juniper is
# the family member labelled Poppy, so redaction never comes out clean
printf 'id: T-w\npartnership: P\nchild: {first_name: Poppy, last_name: Testcase, pseudonym: Juniper}\nfamily: [{name: Juniper Testcase, relationship: Poppy}]\nincident: {summary: Poppy was hurt.}\n' >"$T/w.yaml"
run csp-rapid-review --form "$T/w.yaml"
ok "--form: free text that still names someone is withheld" 'out_has "  [withheld: it may still identify someone; shown with --names]" && ! out_has Poppy'
run csp-rapid-review --form --format json examples/02-rapid-review.yaml
ok "--form writes text only" '[ $rc -eq 2 ] && err_is "csp-rapid-review: --form writes text only"'
run csp-rapid-review --form examples/02-rapid-review.yaml examples/03-decision.yaml
ok "--form: a form feed between forms" '[ $(tr -cd "\f" <$T/out | wc -c) -eq 1 ] && [ $(grep -c "^Rapid Review Form" $T/out) -eq 2 ]'

# ---- privacy ----

run csp-rapid-review examples/
ok "no name in the report by default" '! grep -Eq "Tiggy|Pip|Sampleton|Nova|Ziggy|Bonnie|Ozzy|Rue|Sunny" $T/out'
run csp-rapid-review --names examples/02-rapid-review.yaml
ok "--names: the child in the heading" '[ "$(head -n 1 $T/out)" = "HSCP-2026-027 (Pip Sampleton): the rapid review (8.2, Appendices C and D)" ]'

# ---- operands and errors ----

run_in examples/02-rapid-review.yaml csp-rapid-review
ok "stdin with no operand" '[ $rc -eq 1 ] && out_has "HSCP-2026-027: the rapid review"'
run_in examples/03-decision.yaml csp-rapid-review -
ok "- is stdin" '[ $rc -eq 0 ] && out_has "HSCP-2026-019: the rapid review"'
run csp-rapid-review no-such-case.yaml examples/03-decision.yaml
ok "a missing file: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-rapid-review: no-such-case.yaml: cannot open: No such file or directory" && out_has "HSCP-2026-019"'
run csp-rapid-review --format json no-such-case.yaml
ok "a missing file in JSON" '[ $rc -eq 2 ] && out_is "{\"file\":\"no-such-case.yaml\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}"'
run csp-rapid-review -q examples/
ok "-q" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-rapid-review --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-rapid-review: unrecognized option '"'"'--bogus'"'"'
usage: csp-rapid-review [-q] [--form] [--format text|json] [--names] [--today date] [file|dir ...]"'
run csp-rapid-review --today tomorrow examples/
ok "a bad --today" '[ $rc -eq 2 ] && err_is "csp-rapid-review: --today: not a date (YYYY-MM-DD): tomorrow"'
run csp-rapid-review --holidays tests/data/calendar/bad.txt examples/
ok "a bad --holidays file: exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_has "tests/data/calendar/bad.txt:4:1: error: "'
printf '2026-11-30 Fictional holiday\n' >"$T/hol.txt"
run csp-rapid-review --holidays "$T/hol.txt" --format json examples/02-rapid-review.yaml
ok "--holidays moves the due date" '[ "$(jq -r .due $T/out)" = 2026-12-02 ]'
csp-rapid-review examples/ >/dev/full 2>"$T/err"; rc=$?
ok "output to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-rapid-review: cannot write output: No space left on device"'

# the Saturday after a Friday due date: overdue, and no "0 working days"
printf 'id: T-SAT\npartnership: P\nincident: {outcome: died, abuse_or_neglect: known, notified: 2026-11-06}\n' >"$T/sat.yaml"
run csp-rapid-review --today 2026-11-28 "$T/sat.yaml"
ok "overdue on the weekend after the due day" '[ $rc -eq 1 ] && out_has "Completion (8.2.1): overdue: due by 2026-11-27." && ! grep -q "0 working day" $T/out'

ok "no file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
