# refer.sh - csp-refer's contract: the exit status over the examples and
# over cases made incomplete or late, the JSON shape, --form (which names
# people) and --template (which csp-validate accepts as it is), stdin and
# "-", bad files among good ones, usage errors and a full disk.  Tests run
# with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)

# ---- exit status over the examples ----

run csp-refer examples/
ok "examples/: two late confirmations, one missing address: exit 1" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ $(grep -c ": the referral (section 7, Appendix B)$" $T/out) -eq 8 ]'
for f in 01-referral:0 02-rapid-review:1 03-decision:0 04-review:0 05-published:0 06-closed:0 07-looked-after:0 08-no-review:1; do
	run csp-refer examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ] && [ ! -s $T/err ]'
done
run csp-refer --format json examples/
ok "JSON: the keys of SPEC, in order" '[ $(wc -l <$T/out) -eq 8 ] && [ "$(jq -c keys_unsorted $T/out | sort -u)" = "[\"case\",\"complete\",\"missing\",\"confirmation\",\"findings\"]" ] && [ "$(jq -c ".confirmation | keys_unsorted" $T/out | sort -u)" = "[\"due\",\"done\",\"status\"]" ]'
ok "JSON: the confirmation of each example" '[ "$(jq -r "[.case, .complete, .confirmation.status] | @tsv" $T/out | tr "\t\n" " ,")" = "HSCP-2026-031 true due,HSCP-2026-027 true late,HSCP-2026-019 true done,HSCP-2026-008 true done,HSCP-2025-012 true done,HSCP-2024-037 true done,HSCP-2026-022 true done,HSCP-2026-025 false late," ]'

# ---- the 48 hours ----

run csp-refer --today 2026-11-26 examples/01-referral.yaml
ok "due today: not a finding" '[ $rc -eq 0 ] && out_has "Written confirmation (7.2): due by 2026-11-26T09:30, 48 hours after the"'
run csp-refer --today 2026-11-27 --format json examples/01-referral.yaml
ok "the day after: overdue, exit 1" '[ $rc -eq 1 ] && out_is "{\"case\":\"HSCP-2026-031\",\"complete\":true,\"missing\":[],\"confirmation\":{\"due\":\"2026-11-26T09:30\",\"done\":null,\"status\":\"overdue\"},\"findings\":[{\"check\":\"confirmation-overdue\",\"para\":\"7.2\",\"message\":\"The written confirmation of the referral (referral.confirmed) was due by 2026-11-26T09:30 and is not recorded (7.2).\"}]}"'
CSP_TODAY=2026-11-27 csp-refer -q examples/01-referral.yaml; rc=$?
ok "CSP_TODAY moves the clock too" '[ $rc -eq 1 ]'

# ---- completeness ----

mkcase() { printf 'id: T-%s\npartnership: Test Partnership\n%s\n' "$1" "$2" >"$T/$1.yaml"; }
mkcase empty ''
run csp-refer --format json "$T/empty.yaml"
ok "a case with nothing: every field missing, confirmation pending" '[ $rc -eq 1 ] && out_is "{\"case\":\"T-empty\",\"complete\":false,\"missing\":[\".child.first_name\",\".child.last_name\",\".child.dob\",\".child.gender\",\".child.address\",\".referral.types\",\".referral.received\",\".referral.referrer.name\",\".referral.referrer.agency\",\".referral.referrer.phone // .referral.referrer.email\",\".referral.agencies\",\".referral.reasons\",\".referral.outline\"],\"confirmation\":{\"due\":null,\"done\":null,\"status\":\"pending\"},\"findings\":[]}"'
run csp-refer "$T/empty.yaml"
ok "in text: each missing field with its section" '[ "$(sed -n 2,5p $T/out)" = "Appendix B: incomplete, 13 fields missing:
  1a  .child.first_name: the child'"'"'s first name
  1a  .child.last_name: the child'"'"'s last name
  1a  .child.dob: the child'"'"'s date of birth" ] && out_has "Written confirmation (7.2): pending: referral.received is not recorded, so"'
mkcase other 'child: {first_name: A, last_name: B, dob: 2020-01-01, gender: unknown, address: X}
incident: {outcome: died}
referral:
  received: 2026-11-25
  referrer: {name: R, agency: S, phone: 01632 960001}
  types: [case_for_discussion]
  agencies: [other]
  reasons: [child_died, other]
  characteristics: [other]
  outline: O'
run csp-refer --format json "$T/other.yaml"
ok "the date of death, and each please-specify box ticked" '[ $rc -eq 1 ] && [ "$(jq -r ".missing | join(\" \")" $T/out)" = ".child.dod .referral.agencies_other .referral.reason_other .referral.characteristics_other" ] && [ "$(jq -r .confirmation.due $T/out)" = 2026-11-27 ]'

# ---- CDOP (7.5) ----

run csp-refer examples/07-looked-after.yaml
ok "a CDOP referral of a death: said, not a finding" '[ $rc -eq 0 ] && out_has "Referred by the Child Death Overview Panel (7.5)."'
mkcase cdop 'incident: {outcome: seriously_harmed}
referral: {source: cdop}'
run csp-refer --format json "$T/cdop.yaml"
ok "a CDOP referral of a harm that is not a death: a finding" '[ $rc -eq 1 ] && [ "$(jq -r ".findings[] | .check + \" \" + .para" $T/out)" = "cdop 7.5" ]'

# ---- --form ----

run csp-refer --form examples/01-referral.yaml
ok "--form: the paper form's sections, in order" '[ $rc -eq 0 ] && [ "$(grep -E "^(1a|1b|[2-8])\. |^For Office Use" $T/out | cut -d" " -f1-2 | tr "\n" "|")" = "1a. Child'"'"'s|1b. Family|2. This|3. Referral|4. Agencies|5. Reason|6. Characteristics|6. Case|7. Case|8. Identification|For Office|" ]'
ok "--form names the child and family: it is for the Partnership Team" 'out_has "  Child'"'"'s First Name         Tiggy" && out_has "    Juniper Madeup (Mother)                              1996-02-17" && out_has "Personal data: for the Partnership Team only (7.2, 9.4.3)."'
ok "--form ticks what the case records" 'out_has "  [x] To undertake a Rapid Review" && out_has "  [ ] For a Local Learning Review" && out_has "      [ ] Yes  [ ] No  [x] Previously  [ ] Don'"'"'t know" && out_has "  [x] Physical abuse       [ ] Non-Accidental       [ ] Overlaying"'
ok "--form: 78 columns, no trailing blanks" '[ $(awk "length > 78" $T/out | wc -l) -eq 0 ] && ! grep -q " \$" $T/out'
run csp-refer --form examples/01-referral.yaml examples/08-no-review.yaml
ok "--form: several forms, a form feed between them; status as without" '[ $rc -eq 1 ] && [ $(grep -c "^Referral Form" $T/out) -eq 2 ] && [ $(tr -cd "\f" <$T/out | wc -c) -eq 1 ]'
run csp-refer --form --format json examples/01-referral.yaml
ok "--form writes text only" '[ $rc -eq 2 ] && err_is "csp-refer: --form writes text only" && [ ! -s $T/out ]'
printf 'id: T-esc\npartnership: P\nreferral: {outline: "a\\e[31mred\\ttab"}\n' >"$T/esc.yaml"
run csp-refer --form "$T/esc.yaml"
ok "--form: control characters in the case do not reach the terminal" '! grep -q "$(printf "\033")" $T/out && out_has "  a [31mred tab"'

printf 'id: "T-\\e[2J"\npartnership: P\nchild: {first_name: "Ann\\e]0;x\\a"}\nfamily: [{name: "Bo\\e[31m", dob: 1990-01-01}]\n' >"$T/esc2.yaml"
run csp-refer --form "$T/esc2.yaml"
ok "--form: nor from the id, a name or a family member" '[ $rc -eq 1 ] && ! grep -q "$(printf "\033")" $T/out && ! grep -q "$(printf "\007")" $T/out && out_has "Case T- [2J."'
run csp-refer --names "$T/esc2.yaml"
ok "--names: nor in the heading" '! grep -q "$(printf "\033")" $T/out && [ "$(head -n 1 $T/out)" = "T- [2J (Ann ]0;x ): the referral (section 7, Appendix B)" ]'

# ---- --template ----

run csp-refer --template
ok "--template prints a commented skeleton" '[ $rc -eq 0 ] && [ ! -s $T/err ] && head -n 1 $T/out | grep -q "^# yaml-language-server: \$schema=/" && [ "$(sed -n 2p $T/out)" = "# A new case for the csp tools (csp-case(5)), starting with the referral" ] && out_has "referral:                       # Appendix B"'
cp "$T/out" "$T/new.yaml"
run csp-validate "$T/new.yaml"
ok "csp-validate accepts the template as it is" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
run_in "$T/new.yaml" csp-refer --format json
ok "and csp-refer lists all it lacks" '[ $rc -eq 1 ] && [ "$(jq -r ".case, .complete, (.missing | length)" $T/out | tr "\n" " ")" = "HSCP-YYYY-NNN false 13 " ]'
ok "the template has every field of the referral stage" '[ -z "$(for k in first_name last_name aliases pseudonym dob dod gender ethnicity nhs_number address postcode education_setting educated_otherwise_than_at_school normally_resident looked_after looked_after_by child_protection_plan family relationship professionals outcome abuse_or_neglect place setting la_aware notified received confirmed source referrer name agency phone email types agencies agencies_other out_of_area_organisation reasons reason_other characteristics characteristics_other siblings_child_protection_plan criminal_investigation conviction outline analysis strengths_and_challenges; do grep -q "^[ -]*$k:" "$T/new.yaml" || echo $k; done)" ]'
run csp-refer --template examples/01-referral.yaml
ok "--template takes no files" '[ $rc -eq 2 ] && err_is "csp-refer: --template takes no files
usage: csp-refer [-q] [--form | --template] [--format text|json] [--names] [--today date] [file|dir ...]"'
csp-refer --template >/dev/full 2>"$T/err"; rc=$?
ok "--template to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-refer: cannot write output: No space left on device"'

# ---- privacy and --names ----

run csp-refer examples/
ok "no name in the report by default" '! grep -Eq "Tiggy|Madeup|Nova|Ziggy|Bonnie|Ozzy|Rue|Sunny|Fictional|01632" $T/out'
run csp-refer --format json examples/
ok "nor in JSON" '! grep -Eq "Tiggy|Madeup|Nova|Ziggy|Bonnie|01632|example.org" $T/out'
run csp-refer --names examples/08-no-review.yaml
ok "--names: the child in the heading" '[ "$(head -n 1 $T/out)" = "HSCP-2026-025 (Sunny Placeholder-Smythe): the referral (section 7, Appendix B)" ]'

# ---- operands and errors ----

run_in examples/08-no-review.yaml csp-refer
ok "stdin with no operand" '[ $rc -eq 1 ] && out_has "HSCP-2026-025: the referral"'
run_in examples/01-referral.yaml csp-refer -
ok "- is stdin" '[ $rc -eq 0 ] && out_has "HSCP-2026-031: the referral"'
run csp-refer no-such-case.yaml examples/01-referral.yaml
ok "a missing file: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-refer: no-such-case.yaml: cannot open: No such file or directory" && out_has "HSCP-2026-031"'
run csp-refer --format json tests/data/invalid/bad-dates.yaml
ok "an invalid case in JSON: an error object, exit 2" '[ $rc -eq 2 ] && out_is "{\"file\":\"tests/data/invalid/bad-dates.yaml\",\"errors\":[{\"line\":7,\"col\":8,\"path\":\".child.dob\",\"message\":\"must be a date (YYYY-MM-DD) that exists\"},{\"line\":8,\"col\":3,\"path\":\".child\",\"message\":\"unknown field \\\"dobb\\\" (did you mean \\\"dob\\\"?)\"}]}"'
run csp-refer -q examples/
ok "-q" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-refer --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-refer: unrecognized option '"'"'--bogus'"'"'
usage: csp-refer [-q] [--form | --template] [--format text|json] [--names] [--today date] [file|dir ...]"'
run csp-refer --format ics examples/
ok "a format it does not write" '[ $rc -eq 2 ] && err_is "csp-refer: --format: no such format here: ics"'
run csp-refer --help
ok "--help" '[ $rc -eq 0 ] && out_has "--template" && out_has "--form"'
csp-refer examples/ >/dev/full 2>"$T/err"; rc=$?
ok "output to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-refer: cannot write output: No space left on device"'
csp-refer --form examples/ >/dev/full 2>"$T/err"; rc=$?
ok "forms to a full disk: exit 2" '[ $rc -eq 2 ]'

ok "no file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
