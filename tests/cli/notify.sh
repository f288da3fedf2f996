# notify.sh - csp-notify's contract: the obligations of each example and
# the exit status, --outstanding, the rows shared with csp-deadlines, JSON,
# privacy, operands and usage errors; and --anonymise: every example comes
# out with none of its identifiers (each name and alias word, each date of
# birth in several formats, NHS number, address line, postcode, phone and
# e-mail, checked by hand below), the reviewer kept, valid for
# csp-validate; a case that would still identify someone prints nothing.
# Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)

# ---- obligations and the exit status ----

run csp-notify examples/
ok "examples/: one overdue (5.3), exit 1" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ $(wc -l <$T/out) -eq 97 ] && [ $(grep -c " overdue " $T/out) -eq 1 ]'
for f in 01-referral:0 02-rapid-review:0 03-decision:0 04-review:0 05-published:0 06-closed:0 07-looked-after:1 08-no-review:0; do
	run csp-notify examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ] && [ ! -s $T/err ]'
done
run csp-notify --today 2026-11-17 examples/07-looked-after.yaml
ok "--today before the 5.3 deadline: exit 0" '[ $rc -eq 0 ] && out_is "HSCP-2026-022  2026-11-23        due      4 working days left    notify the Secretary of State and Ofsted of the looked-after child'"'"'s death (5.3; five working days as 5.1)
HSCP-2026-022  anonymised-unknown  notifications[0] to the Secretary of State about looked_after_death on 2026-11-19 does not record whether it was anonymised (9.4.3)."'
CSP_TODAY=2026-11-17 csp-notify examples/07-looked-after.yaml >"$T/out" 2>"$T/err"; rc=$?
ok "CSP_TODAY" '[ $rc -eq 0 ] && out_has "4 working days left"'
run csp-notify examples/06-closed.yaml
ok "a closed case: every obligation done" '[ $rc -eq 0 ] && [ $(wc -l <$T/out) -eq 18 ] && [ $(grep -c "  done     done 20" $T/out) -eq 18 ]'
ok "every line cites its paragraph" '! grep -vqE " \([0-9]+(\.[0-9]+)+(, [0-9.]+)?(; [^)]*)?\)(; .*)?$" $T/out'

# each obligation, from a case made for it
printf 'id: T-1\npartnership: P\nlocal_authority: Hampshire\nincident: {outcome: died, abuse_or_neglect: known, place: in_area, la_aware: 2026-11-02}\ndecision: {date: 2026-11-20, outcome: local_review}\nreview: {national_review_suggested: true}\nparallel: {inquest: true}\npublication: {kind: none}\nreport: {approved: 2026-11-24}\nnotifications:\n  - {to: panel, about: incident, date: 2026-11-03}\n' >"$T/all.yaml"
run csp-notify "$T/all.yaml"
ok "a case with every kind of obligation" '[ $rc -eq 1 ] && out_is "T-1            2026-11-09        done     done 2026-11-03        notify the Panel of the incident (5.1)
T-1            2026-11-09        overdue  13 working days late   report the incident to the safeguarding partners, independent chair and business manager (5.2)
T-1            -                 due      no timescale set       inform the independent chair of the decision, for independent scrutiny (7.4)
T-1            -                 due      no timescale set       tell the Panel, Ofsted and DfE the decision and next steps, with the name of any reviewer commissioned (9.4.1); not recorded: review.reviewer.name
T-1            -                 due      no timescale set       send the partnership members a letter of notification of the local review (9.4.2)
T-1            -                 due      no timescale set       communicate the decision and its rationale to the family (4.4, 9.4.5); not recorded: decision.rationale
T-1            -                 due      no timescale set       the police panel member tells the coroner that a review is being undertaken (13.5)
T-1            -                 due      no timescale set       consider with the coroner what information the review and the inquest need from each other (13.6)
T-1            -                 due      no timescale set       inform the Panel of the new information suggesting a national review, after liaising with the independent chair and the safeguarding partners (8.2.5)
T-1            -                 pending  not yet due            quality assure the final report before publication (9.14.1); waits for report.completed
T-1            -                 done     done 2026-11-24        approve the final report before publication (9.14.3)
T-1            -                 pending  not yet due            draft the response to the review, to be published with the report (9.14.3); waits for report.completed
T-1            -                 due      no timescale set       confirm to the Panel and the Secretary of State what is being published and when (9.15.3)
T-1            -                 pending  not yet due            send the full final report to the Panel and the Secretary of State (9.15.3); waits for report.completed or publication.planned
T-1            -                 pending  not yet due            send the final report, or the information about improvements, to Ofsted (9.16.2); waits for report.completed or publication.planned
T-1            -                 due      no timescale set       set out for the Panel and the Secretary of State the justification for not publishing the report (9.15.3); not recorded: publication.non_publication_reason
T-1            -                 due      no timescale set       arrange feedback and debriefing on the review'"'"'s outcome for the family and practitioners (9.14.3)
T-1  anonymised-unknown  notifications[0] to the Panel about incident on 2026-11-03 does not record whether it was anonymised (9.4.3)."'
printf 'id: T-2\npartnership: P\nincident: {outcome: died}\nparallel: {inquest: true}\ndecision: {outcome: other_review, rationale: R.}\nnotifications:\n  - {to: relevant_agencies, about: review_started, date: 2026-11-03}\n' >"$T/other.yaml"
run csp-notify "$T/other.yaml"
ok "another review type: 9.4.4 done, no coroner, no Panel" '[ $rc -eq 0 ] && out_is "T-2            -                 due      no timescale set       inform the independent chair of the decision, for independent scrutiny (7.4)
T-2            -                 done     done 2026-11-03        notify the relevant agencies of the other type of review (9.4.4)
T-2            -                 due      no timescale set       communicate the decision and its rationale to the family (4.4, 9.4.5)
T-2            -                 due      no timescale set       consider with the coroner what information the review and the inquest need from each other (13.6)
T-2            -                 due      no timescale set       draft a synopsis of the learning and make it readily accessible (9.16.4)"'
printf 'id: T-3\npartnership: P\nincident: {outcome: died, notified: 2026-11-10}\nparallel: {inquest: true}\n' >"$T/waiting.yaml"
run csp-notify "$T/waiting.yaml"
ok "pending: what each waits for" '[ $rc -eq 0 ] && out_is "T-3            -                 pending  not yet due            brief the safeguarding partners and the independent chair on the completed rapid review (8.2.3); waits for rapid_review.completed
T-3            2026-12-01        due      3 working days left    send the rapid review to the Panel (8.2.4; 15 working days as 8.2.1)
T-3            -                 pending  not yet due            the police panel member tells the coroner that a review is being undertaken (13.5); waits for decision.outcome
T-3            -                 due      no timescale set       consider with the coroner what information the review and the inquest need from each other (13.6)"'
printf 'id: T-4\npartnership: P\n' >"$T/bare.yaml"
run csp-notify "$T/bare.yaml"
ok "a bare case: nothing to tell anyone, exit 0" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'

# ---- one source of truth: the rows csp-deadlines has too ----

for f in examples/*.yaml; do
	csp-deadlines "$f" | grep -E " \((5\.1|5\.2|5\.3|8\.2\.4|9\.15\.3|9\.16\.2)\)$" | grep -v " pending " >"$T/dl"
	csp-notify "$f" >"$T/nt"
	n=$((n + 1))
	if [ -s "$T/dl" ] && grep -vxFf "$T/nt" "$T/dl" >"$T/diff"; then
		echo "not ok $n - ${f##*/}: csp-deadlines' notification rows are in csp-notify's output"
		sed 's/^/# /' "$T/diff"
	else
		echo "ok $n - ${f##*/}: csp-deadlines' notification rows are in csp-notify's output"
	fi
done

# ---- --outstanding ----

run csp-notify --outstanding examples/
ok "--outstanding: only overdue, due and pending; exit 1 still" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 33 ] && ! grep -Eq "  (done|late)  " $T/out'
run csp-notify --outstanding examples/06-closed.yaml
ok "--outstanding with everything done: nothing, exit 0" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-notify --outstanding examples/05-published.yaml
ok "--outstanding: done late is done; open actions keep 11.3 due" '[ $rc -eq 0 ] && out_is "HSCP-2025-012  -                 due      no timescale set       complete every action and advise the partnership that all are complete, before the case is closed (11.3, 9.14.3)"'
run csp-notify --outstanding --format json examples/06-closed.yaml
ok "--outstanding in JSON: still one object per case" 'out_is "{\"case\":\"HSCP-2024-037\",\"obligations\":[],\"findings\":[]}"'
run csp-notify --outstanding --format json examples/03-decision.yaml
ok "--outstanding in JSON: the open ones" '[ "$(grep -o "\"id\":\"[a-z-]*\"" $T/out | tr "\n" " ")" = "\"id\":\"briefing-methodology\" \"id\":\"chair-informed\" \"id\":\"decision-bodies\" \"id\":\"other-partnerships-invited\" \"id\":\"quality-assured\" \"id\":\"approved\" \"id\":\"response-drafted\" \"id\":\"media-plan\" \"id\":\"publication-confirmed\" \"id\":\"report-to-panel-and-sos\" \"id\":\"report-to-ofsted\" \"id\":\"outcome-feedback\" " ]'

# ---- JSON ----

run csp-notify --format json examples/
ok "JSON: one object per case" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 8 ] && [ $(grep -c "^{\"case\":\"HSCP-[0-9-]*\",\"obligations\":\[" $T/out) -eq 8 ]'
run csp-notify --format json examples/08-no-review.yaml
ok "JSON: the keys of an obligation" 'out_is "{\"case\":\"HSCP-2026-025\",\"obligations\":[{\"id\":\"chair-informed\",\"para\":\"7.4\",\"to\":[\"independent_chair\"],\"about\":\"decision\",\"due\":null,\"done\":\"2026-09-28\",\"status\":\"done\",\"missing\":[]},{\"id\":\"other-review-agencies\",\"para\":\"9.4.4\",\"to\":[\"relevant_agencies\"],\"about\":\"decision\",\"due\":null,\"done\":\"2026-10-01\",\"status\":\"done\",\"missing\":[]},{\"id\":\"family-decision\",\"para\":\"4.4, 9.4.5\",\"to\":[\"family\"],\"about\":\"decision\",\"due\":null,\"done\":\"2026-10-05\",\"status\":\"done\",\"missing\":[]},{\"id\":\"learning-synopsis\",\"para\":\"9.16.4\",\"to\":[],\"about\":null,\"due\":null,\"done\":\"2026-11-20\",\"status\":\"done\",\"missing\":[]},{\"id\":\"actions-complete\",\"para\":\"11.3, 9.14.3\",\"to\":[],\"about\":null,\"due\":null,\"done\":null,\"status\":\"due\",\"missing\":[]}],\"findings\":[]}"'
run csp-notify --format json "$T/all.yaml"
ok "JSON: what is not recorded" 'out_has "{\"id\":\"decision-bodies\",\"para\":\"9.4.1\",\"to\":[\"panel\",\"ofsted\",\"dfe\"],\"about\":\"decision\",\"due\":null,\"done\":null,\"status\":\"due\",\"missing\":[\"review.reviewer.name\"]}"'
if command -v jq >/dev/null; then
	run csp-notify --format json examples/
	ok "JSON: every obligation has the keys of SPEC, in its vocabulary" '[ "$(jq -r ".obligations[] | keys_unsorted | join(\",\")" $T/out | sort -u)" = "id,para,to,about,due,done,status,missing" ] &&
	    [ -z "$(jq -r ".obligations[] | .to[]" $T/out | grep -vxE "panel|ofsted|dfe|secretary_of_state|safeguarding_partners|independent_chair|business_manager|partnership_members|relevant_agencies|family|coroner|practitioners|other_partnerships")" ] &&
	    [ -z "$(jq -r ".obligations[] | .status" $T/out | grep -vxE "done|late|overdue|due|pending")" ]'
fi

# ---- privacy ----

names='Tiggy|Madeup|Pip|Sampleton|Nova|Placeholder|Ziggy|Testington|Bonnie|Dummyworth|Ozzy|Notaperson|Rue|Figment|Sunny'
for fmt in text json; do
	run csp-notify --format $fmt examples/
	ok "$fmt: no name without --names" '! grep -Eq "$names" $T/out'
done
run csp-notify --names examples/07-looked-after.yaml
ok "text --names: the name after the columns, which stay in line" 'out_is "HSCP-2026-022  2026-11-23        overdue  3 working days late    Rue Figment: notify the Secretary of State and Ofsted of the looked-after child'"'"'s death (5.3; five working days as 5.1)
HSCP-2026-022  anonymised-unknown  Rue Figment: notifications[0] to the Secretary of State about looked_after_death on 2026-11-19 does not record whether it was anonymised (9.4.3)."'
run csp-notify --names --format json examples/07-looked-after.yaml
ok "JSON --names: child after case" 'out_has "{\"case\":\"HSCP-2026-022\",\"child\":\"Rue Figment\",\"obligations\":["'
run csp-notify --names --format json "$T/bare.yaml"
ok "JSON --names with no name: null" 'out_is "{\"case\":\"T-4\",\"child\":null,\"obligations\":[],\"findings\":[]}"'

# ---- operands ----

run_in examples/07-looked-after.yaml csp-notify
ok "stdin with no operand" '[ $rc -eq 1 ] && out_has "HSCP-2026-022  2026-11-23        overdue"'
run_in examples/07-looked-after.yaml csp-notify --anonymise -
ok "- is stdin, for --anonymise too" '[ $rc -eq 0 ] && out_has "{\"id\":\"HSCP-2026-022\","'
mkdir -p "$T/cases/sub" "$T/cases/.hidden"
cp examples/07-looked-after.yaml "$T/cases/b.yaml"
cp examples/01-referral.yaml "$T/cases/a.yml"
cp examples/08-no-review.yaml "$T/cases/sub/c.yaml"
cp examples/04-review.yaml "$T/cases/.hidden/d.yaml"
run csp-notify --format json "$T/cases"
ok "a folder: walked in order, hidden entries skipped" '[ $rc -eq 1 ] && [ "$(sed "s/^{\"case\":\"\([^\"]*\)\".*/\1/" $T/out)" = "HSCP-2026-031
HSCP-2026-022
HSCP-2026-025" ]'
run csp-notify examples/01-referral.yaml no-such-case.yaml examples/07-looked-after.yaml
ok "a missing file among good ones: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-notify: no-such-case.yaml: cannot open: No such file or directory" && out_has HSCP-2026-031 && out_has HSCP-2026-022'
run csp-notify --format json examples/01-referral.yaml no-such-case.yaml
ok "a missing file in JSON" '[ $rc -eq 2 ] && [ "$(sed -n 2p $T/out)" = "{\"file\":\"no-such-case.yaml\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}" ]'
run csp-notify tests/data/invalid/bad-dates.yaml
ok "an invalid case: its errors, exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "tests/data/invalid/bad-dates.yaml:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists
tests/data/invalid/bad-dates.yaml:8:3: error: .child: unknown field \"dobb\" (did you mean \"dob\"?)"'
run csp-notify --anonymise tests/data/invalid/bad-dates.yaml
ok "an invalid case is not anonymised either: only the JSON error object" '[ $rc -eq 2 ] && out_is "{\"file\":\"tests/data/invalid/bad-dates.yaml\",\"errors\":[{\"line\":7,\"col\":8,\"path\":\".child.dob\",\"message\":\"must be a date (YYYY-MM-DD) that exists\"},{\"line\":8,\"col\":3,\"path\":\".child\",\"message\":\"unknown field \\\"dobb\\\" (did you mean \\\"dob\\\"?)\"}]}" && err_has ".child.dob: must be a date"'

# ---- --anonymise: nothing of anyone survives ----

# dobs DATE...: a date of birth as people write it
dobs() {
	for d in "$@"; do
		echo "$d"
		date -d "$d" +'%d/%m/%Y'
		date -d "$d" +'%-d/%-m/%Y'
		date -d "$d" +'%-d/%-m/%y'
		date -d "$d" +'%d.%m.%Y'
		date -d "$d" +'%-d %B %Y'
		date -d "$d" +'%B %-d, %Y'
	done
}

# check FILE 'names' 'dobs' 'other identifiers, one per line'
check() {
	f=examples/$1.yaml
	words=$(printf '%s\n' $2 | grep -vxE 'Dr|Mr|Mrs|Ms|.')
	others=$(dobs $3; printf '%s\n' "$4")
	for fmt in json yaml; do
		run csp-notify --anonymise --format $fmt "$f"
		cp "$T/out" "$T/anon.$fmt"
		left=$(printf '%s\n' "$words" | grep -iwoFf - "$T/out" | sort -u | tr '\n' ' ')
		left2=$(printf '%s\n' "$others" | grep -v '^$' | while read -r x; do
			grep -iqF -- "$x" "$T/out" && echo "[$x]"
			y=$(printf '%s' "$x" | tr -d ' ')
			[ "$y" != "$x" ] && grep -iqF -- "$y" "$T/out" && echo "[$y]"
		done | tr '\n' ' ')
		ok "--anonymise $fmt $1: none of its $(printf '%s\n' "$words" | wc -l) name words and $(printf '%s\n' "$others" | grep -c .) other identifiers survive" '[ $rc -eq 0 ] && [ ! -s $T/err ] && [ -z "$left$left2" ] || { echo "# left: $left$left2"; false; }'
	done
	run csp-validate "$T/anon.yaml"
	ok "--anonymise $1: the YAML is a valid case" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
	run csp-validate "$T/anon.json"
	ok "--anonymise $1: so is the JSON" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
}

check 01-referral 'Tiggy Madeup Juniper Madeup Rocco Fakename Rocky Fakename Dr Ima Fictional' \
    '2021-06-09 1996-02-17' '7 Nowhere Lane
ZZ99 3CZ
01632 960415
ima.fictional@example.org'
check 02-rapid-review 'Pip Sampleton Clover Basil Wren Hattie Notreal Owen Imaginary' \
    '2026-03-14 2001-08-30 1999-01-05 2022-10-02' '999 000 0026
3 Pretend Parade
ZZ99 7QX
07700 900123
owen.imaginary@example.org'
check 03-decision 'Nova Placeholder Ember Dex Mo Fabricated' \
    '2018-07-23 1990-11-02' '21 Invented Row
ZZ99 4AB
dsl@example.org'
check 04-review 'Ziggy Testington Zed Peony Storybook Flint Iris Unreal Cas Pseudo' \
    '2012-05-30 1985-12-12 2008-04-01' '9990000042
999 000 0042
Flat 4
9 Fable Court
ZZ99 1TT
01632 960777'
check 05-published 'Bonnie Dummyworth Saffron Jasper Nottaname Jas Hattie Notreal Dr Felix Phantom' \
    '2025-01-20 2003-05-19 2000-09-09' '999 000 0069
2 Mock Terrace
ZZ99 2PQ
01632 960200'
check 06-closed 'Ozzy Notaperson Lark Moss Fern Nell Counterfeit' \
    '2016-02-29 1988-06-15 2013-09-01 2019-12-24' '40 Fiction Street
ZZ99 5LL
office@example.org'
check 07-looked-after 'Rue Figment Sol Pretendchair' \
    '2010-01-15' "Larkspur House children's home
ZZ99 6GH
cdop@example.org"
check 08-no-review 'Sunny Placeholder Smythe Dr Bea Makeshift' \
    '2026-05-02' '01632 960999'

# the detector's rules, through --anonymise: any case, accents folded, parts
# of names, possessives, dates of birth as people write them, NHS numbers
# with hyphens, an abbreviated street, postcodes and phones never recorded
printf '%s\n' 'id: T-DET' 'partnership: P' 'child:' '  first_name: Zoë' \
    '  last_name: Smith-Testcase' '  aliases: [Zee]' '  dob: 2019-04-02' \
    "  nhs_number: '9990000026'" '  address: 14 Imaginary Road, Notatown' \
    '  postcode: ZZ99 9ZZ' 'family:' \
    '  - {name: Renée Testcase, relationship: mother, dob: 1990-01-05}' \
    'incident:' '  date: 2026-11-06' '  summary: >-' \
    "    ZOE was seen by zoë's mother Renee; zee said Smith hit her.  Born 2nd" \
    '    April 2019 (also 2/4/19 and 02.04.2019).  NHS 999-000-0026.  Lives at' \
    '    14 Imaginary Rd, postcode ZZ99 9ZZ, and a friend at ZZ99 1AB.  Call' \
    '    01632 960555 or mail zoe@example.org.' >"$T/det.yaml"
run csp-notify --anonymise "$T/det.yaml"
ok "--anonymise: every kind of identifier in free text replaced" '[ $rc -eq 0 ] && out_has "\"summary\":\"Child was seen by Child'"'"'s mother Mother; Child said Child hit her.  Born [date of birth removed] (also [date of birth removed] and [date of birth removed]).  NHS [NHS number removed].  Lives at [address removed], postcode [postcode removed], and a friend at [postcode removed].  Call [phone removed] or mail [email removed].\"" && ! grep -iqE "zoe|zoë|zee|smith|testcase|renee|renée|april|2/4/19|02\.04|0026|imaginary|ZZ99|960555|@" $T/out'

# the test above can fail: the same check on the case as it is
run csp-notify examples/04-review.yaml --names
ok "(the check finds a name where there is one)" 'printf "Ziggy\n" | grep -iwqFf - $T/out'

run csp-notify --anonymise examples/04-review.yaml
ok "--anonymise: the reviewer is named (9.4.3)" 'out_has "\"reviewer\":{\"name\":\"Olwen Examplereviewer\","'
ok "--anonymise: the child's pseudonym, age at the incident" 'out_has "\"child\":{\"pseudonym\":\"Child E\",\"age_at_incident\":\"13 years\",\"gender\":\"male\""'
ok "--anonymise: family by relationship, professionals by role and agency" 'out_has "\"family\":[{\"name\":\"Mother\",\"relationship\":\"Mother\",\"age_at_incident\":\"40 years\"},{\"name\":\"Sibling\"" && out_has "{\"name\":\"Detective constable, Hampshire Constabulary\",\"role\":\"Detective constable\",\"agency\":\"Hampshire Constabulary\"}"'
ok "--anonymise: free text" 'out_has "\"summary\":\"Child E was stabbed and seriously injured;"'
ok "--anonymise: id and partnership kept" 'out_has "{\"id\":\"HSCP-2026-008\",\"partnership\":\"Hampshire Safeguarding Children Partnership\","'
run csp-notify --anonymise examples/01-referral.yaml
ok "--anonymise: no pseudonym: Child" 'out_has "\"child\":{\"pseudonym\":\"Child\"," && out_has "\"summary\":\"Child was taken"'
ok "--anonymise: the referrer" 'out_has "\"referrer\":{\"name\":\"Referrer, Notarealton Hospital Trust\",\"agency\":\"Notarealton Hospital Trust\"}"'
ok "--anonymise: no education setting" '! out_has "education_setting"'

run csp-notify --anonymise --format yaml examples/01-referral.yaml examples/07-looked-after.yaml
ok "YAML: one document per case, the second after ---" '[ $rc -eq 0 ] && [ "$(grep -c "^---" $T/out)" -eq 1 ] && [ "$(grep -c "^id: " $T/out)" -eq 2 ] && [ "$(head -n 1 $T/out)" = "id: HSCP-2026-031" ]'
printf 'id: T-YES\npartnership: "yes"\nlocal_authority: "no"\n' >"$T/yes.yaml"
run csp-notify --anonymise --format yaml "$T/yes.yaml"
ok "YAML: strings that would read as booleans are quoted" 'out_has "partnership: \"yes\"" && out_has "local_authority: \"no\""'
printf 'id: "007"\npartnership: "true"\nlocal_authority: "1.5"\nactions: [{id: 7, action: "null", owner: "~", due: 2026-12-01}, {id: "8", action: "line one\\nline two: colon # hash", owner: "-"}]\n' >"$T/typed.yaml"
run csp-notify --anonymise --format yaml "$T/typed.yaml"
cp "$T/out" "$T/typed-out.yaml"
run csp-notify --anonymise --format json "$T/typed-out.yaml"
ok "YAML: typed-looking strings, numbers and line breaks read back the same" '[ $rc -eq 0 ] && out_is "{\"id\":\"007\",\"partnership\":\"true\",\"local_authority\":\"1.5\",\"actions\":[{\"id\":7,\"action\":\"null\",\"owner\":\"~\",\"due\":\"2026-12-01\"},{\"id\":\"8\",\"action\":\"line one\\nline two: colon # hash\",\"owner\":\"-\"}]}"'

# ---- --anonymise: a case that still identifies someone ----

printf 'id: T-LEAK\npartnership: P\nchild: {first_name: Poppy, last_name: Testcase, dob: 2020-02-29}\nfamily:\n  - {name: Wren Testcase, relationship: sibling, dob: 2021-03-01}\nprofessionals:\n  - {name: Ann Example, role: "Poppy'"'"'s key worker", agency: A}\nincident:\n  date: 2021-03-01\n  summary: Seen.\n' >"$T/leak.yaml"
run csp-notify --anonymise "$T/leak.yaml"
# a role is kept as written (x-free-text: false), so it is reported, not
# rewritten
ok "still identifying: nothing printed, exit 2, places and kinds" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "$T/leak.yaml:7:12: error: .professionals[0].name: identifying detail remains after anonymisation: name (9.4.3)
$T/leak.yaml:7:31: error: .professionals[0].role: identifying detail remains after anonymisation: name (9.4.3)
$T/leak.yaml:9:9: error: .incident.date: identifying detail remains after anonymisation: dob (9.4.3)"'
ok "still identifying: the text is never shown" '! grep -Eq "Poppy|Testcase|Wren|2020-02-29|2021-03-01" $T/err'
run csp-notify --anonymise --format yaml "$T/leak.yaml" examples/08-no-review.yaml
ok "still identifying among good cases: the others printed, exit 2" '[ $rc -eq 2 ] && [ "$(head -n 1 $T/out)" = "id: HSCP-2026-025" ] && ! out_has T-LEAK && [ $(wc -l <$T/err) -eq 3 ]'
run csp-notify --anonymise -q "$T/leak.yaml"
ok "-q: the check alone" '[ $rc -eq 2 ] && [ ! -s $T/out ] && [ $(wc -l <$T/err) -eq 3 ]'
run csp-notify --anonymise -q examples/
ok "-q: every example can be anonymised" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'

# ---- usage, quiet, output errors ----

run csp-notify --anonymise --outstanding examples/
ok "--anonymise with --outstanding: usage error" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-notify: --anonymise prints the case, not its notifications: no --outstanding"'
run csp-notify --anonymise --names examples/
ok "--anonymise with --names: usage error" '[ $rc -eq 2 ] && err_is "csp-notify: --anonymise and --names contradict each other"'
run csp-notify --anonymise --format text examples/
ok "--anonymise --format text: usage error" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-notify: --anonymise writes the case as json or yaml, not text"'
run csp-notify --format yaml examples/
ok "--format yaml without --anonymise: usage error" '[ $rc -eq 2 ] && err_is "csp-notify: --format yaml: only with --anonymise"'
run csp-notify --format tsv examples/
ok "a format it does not write" '[ $rc -eq 2 ] && err_is "csp-notify: --format: no such format here: tsv"'
run csp-notify --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-notify: unrecognized option '"'"'--bogus'"'"'
usage: csp-notify [-q] [--outstanding] [--format text|json] [--names] [file|dir ...]
       csp-notify --anonymise [-q] [--format json|yaml] [file|dir ...]"'
run csp-notify --help
ok "--help on stdout, exit 0" '[ $rc -eq 0 ] && out_has "usage: csp-notify" && out_has "--anonymise" && [ ! -s $T/err ]'
run csp-notify --version
ok "--version" '[ $rc -eq 0 ] && out_has "csp-notify (csp) "'
run csp-notify --today 2026-02-30 examples/
ok "a bad --today: exit 2" '[ $rc -eq 2 ] && err_is "csp-notify: --today: not a date (YYYY-MM-DD): 2026-02-30"'
for fmt in text json; do
	run csp-notify -q --format $fmt examples/
	ok "-q --format $fmt: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
	csp-notify --format $fmt examples/ >/dev/full 2>"$T/err"; rc=$?
	ok "--format $fmt to a full disk: exit 2" '[ $rc -eq 2 ] && err_is "csp-notify: cannot write output: No space left on device"'
done
for fmt in json yaml; do
	csp-notify --anonymise --format $fmt examples/ >/dev/full 2>"$T/err"; rc=$?
	ok "--anonymise --format $fmt to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-notify: cannot write output: No space left on device"'
done

# ---- determinism, and nothing modified ----

csp-notify --anonymise --format yaml examples/ >"$T/a" 2>&1
csp-notify --anonymise --format yaml examples/ >"$T/b" 2>&1
ok "the same output twice" 'cmp -s $T/a $T/b'
ok "no file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
