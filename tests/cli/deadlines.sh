# deadlines.sh - csp-deadlines' contract: what each option shows, the exit
# status (1 only for what the partnership or local authority owns), stdin
# and "-", folders, bad files among good ones, holidays from a file or
# CSP_HOLIDAYS, the calendar modes, privacy, and an iCalendar file that a
# calendar program can read.  Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)
cal=tests/data/calendar

# ---- exit status over the examples ----

run csp-deadlines examples/
ok "examples/: something overdue, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ $(wc -l <$T/out) -eq 61 ]'
for f in 01-referral:0 02-rapid-review:0 03-decision:0 04-review:1 05-published:1 06-closed:0 07-looked-after:1 08-no-review:0; do
	run csp-deadlines examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ] && [ ! -s $T/err ]'
done
run csp-deadlines --today 2024-11-01 examples/
ok "--today before every deadline: exit 0" '[ $rc -eq 0 ]'

# the Panel's own deadline (10.3.1) overdue is not the partnership's
printf 'id: T-PANEL\npartnership: P\nrapid_review: {submitted_to_panel: 2026-10-01}\n' >"$T/panel.yaml"
run csp-deadlines "$T/panel.yaml"
ok "only the Panel's deadline overdue: exit 0" '[ $rc -eq 0 ] && out_is "T-PANEL        2026-10-22        overdue  25 working days late   the Panel'"'"'s response to the rapid review (10.3.1)"'
# an action counts as the partnership's
printf 'id: T-ACT\npartnership: P\nactions: [{id: 1, action: Do it., due: 2026-11-25}]\n' >"$T/action.yaml"
run csp-deadlines "$T/action.yaml"
ok "an overdue action: exit 1" '[ $rc -eq 1 ] && out_is "T-ACT          2026-11-25        overdue  1 working day late     action 1: Do it. (11.2)"'
# never "0 working days": on the Saturday after a Friday due date, and a
# 48-hour confirmation missed by hours on its own day
printf 'id: T-SAT\npartnership: P\nincident: {outcome: died, abuse_or_neglect: known, notified: 2026-11-06}\nreferral: {received: 2026-11-24T09:00, confirmed: 2026-11-26T11:30}\n' >"$T/sat.yaml"
run csp-deadlines --today 2026-11-28 "$T/sat.yaml"
ok "overdue over a weekend: days, not 0 working days" '[ $rc -eq 1 ] && out_is "T-SAT          2026-11-26T09:00  late     3 hours late           confirm the referral in writing on the Appendix B form (7.2)
T-SAT          2026-11-27        overdue  1 day late             complete the rapid review (8.2.1)
T-SAT          2026-11-27        overdue  1 day late             send the rapid review to the Panel (8.2.4; 15 working days as 8.2.1)" && ! grep -q " 0 working day" $T/out'

# ---- filters ----

run csp-deadlines --overdue examples/
ok "--overdue shows only overdue deadlines" '[ $rc -eq 1 ] && out_is "HSCP-2026-008  2026-11-11        overdue  11 working days late   complete the final report (9.12.4; six months from the decision as 9.16.1)
HSCP-2026-008  2026-11-11        overdue  11 working days late   publish the final report (9.16.1)
HSCP-2025-012  2026-11-13        overdue  9 working days late    action A2: Safe sleep advice refreshed for families in temporary accommodation. (11.2)
HSCP-2026-022  2026-11-23        overdue  3 working days late    notify the Secretary of State and Ofsted of the looked-after child'"'"'s death (5.3; five working days as 5.1)"'
run csp-deadlines --within 3 examples/
ok "--within 3: overdue, and due within 3 working days" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 9 ] && [ $(grep -c " overdue " $T/out) -eq 4 ] && out_has "HSCP-2026-027  2026-12-01        due      3 working days left    complete the rapid review (8.2.1)" && ! grep -Eq "  (done|late|pending)  " $T/out'
run csp-deadlines --within 0 examples/
ok "--within 0: overdue and due today" '[ $(wc -l <$T/out) -eq 5 ] && out_has "HSCP-2026-031  2026-11-26T09:30  due      due today              confirm the referral in writing on the Appendix B form (7.2)"'
run csp-deadlines --within 2 --overdue examples/
ok "--within and --overdue together: the wider one" '[ $(wc -l <$T/out) -eq 7 ]'
run csp-deadlines --overdue examples/01-referral.yaml
ok "--overdue with nothing overdue prints nothing, exit 0" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-deadlines --overdue --format json examples/01-referral.yaml
ok "--overdue in JSON: still one object per case" 'out_is "{\"case\":\"HSCP-2026-031\",\"file\":\"examples/01-referral.yaml\",\"today\":\"2026-11-26\",\"deadlines\":[]}"'
run csp-deadlines --within -1 examples/
ok "--within -1: usage error" '[ $rc -eq 2 ] && err_is "csp-deadlines: --within: not a number of working days: -1"'
run csp-deadlines --within 2x examples/
ok "--within 2x: usage error" '[ $rc -eq 2 ] && err_is "csp-deadlines: --within: not a number of working days: 2x"'

# ---- today ----

run csp-deadlines --today 2026-11-27 examples/01-referral.yaml
ok "--today moves the clock" '[ $rc -eq 1 ] && out_has "HSCP-2026-031  2026-11-26T09:30  overdue  1 working day late     confirm"'
CSP_TODAY=2026-11-16 csp-deadlines examples/02-rapid-review.yaml >"$T/out" 2>"$T/err"; rc=$?
ok "CSP_TODAY" '[ $rc -eq 0 ] && out_has "HSCP-2026-027  2026-12-01        due      11 working days left   complete the rapid review (8.2.1)"'
CSP_TODAY=2026-11-16 csp-deadlines --today 2026-11-30 examples/02-rapid-review.yaml >"$T/out" 2>"$T/err"; rc=$?
ok "--today wins over CSP_TODAY" 'out_has "due      1 working day left     complete the rapid review"'
run csp-deadlines --today 2026-11-31 examples/
ok "a bad --today: exit 2" '[ $rc -eq 2 ] && err_is "csp-deadlines: --today: not a date (YYYY-MM-DD): 2026-11-31"'

# ---- operands ----

run_in examples/07-looked-after.yaml csp-deadlines
ok "stdin with no operand" '[ $rc -eq 1 ] && out_has "HSCP-2026-022  2026-11-23        overdue"'
run_in examples/07-looked-after.yaml csp-deadlines --format json -
ok "- is stdin, named <stdin>" '[ $rc -eq 1 ] && out_has "\"file\":\"<stdin>\""'
mkdir -p "$T/cases/sub" "$T/cases/.hidden"
cp examples/07-looked-after.yaml "$T/cases/b.yaml"
cp examples/01-referral.yaml "$T/cases/a.yml"
cp examples/08-no-review.yaml "$T/cases/sub/c.yaml"
cp examples/04-review.yaml "$T/cases/.hidden/d.yaml"
run csp-deadlines --format json "$T/cases"
ok "a folder: walked in order, hidden entries skipped" '[ $rc -eq 1 ] && [ "$(sed "s/^{\"case\":\"\([^\"]*\)\".*/\1/" $T/out)" = "HSCP-2026-031
HSCP-2026-022
HSCP-2026-025" ]'
run csp-deadlines examples/01-referral.yaml no-such-case.yaml examples/07-looked-after.yaml
ok "a missing file among good ones: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-deadlines: no-such-case.yaml: cannot open: No such file or directory" && out_has HSCP-2026-031 && out_has HSCP-2026-022'
run csp-deadlines --format json examples/01-referral.yaml no-such-case.yaml
ok "a missing file in JSON" '[ $rc -eq 2 ] && [ "$(sed -n 2p $T/out)" = "{\"file\":\"no-such-case.yaml\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}" ]'
run csp-deadlines examples/01-referral.yaml tests/data/invalid/bad-dates.yaml
ok "an invalid case: its errors, exit 2, not processed" '[ $rc -eq 2 ] && err_is "tests/data/invalid/bad-dates.yaml:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists
tests/data/invalid/bad-dates.yaml:8:3: error: .child: unknown field \"dobb\" (did you mean \"dob\"?)" && [ $(wc -l <$T/out) -eq 5 ]'
run csp-deadlines --format json tests/data/invalid/bad-dates.yaml
ok "an invalid case in JSON" '[ $rc -eq 2 ] && out_is "{\"file\":\"tests/data/invalid/bad-dates.yaml\",\"errors\":[{\"line\":7,\"col\":8,\"path\":\".child.dob\",\"message\":\"must be a date (YYYY-MM-DD) that exists\"},{\"line\":8,\"col\":3,\"path\":\".child\",\"message\":\"unknown field \\\"dobb\\\" (did you mean \\\"dob\\\"?)\"}]}"'
run csp-deadlines examples/01-referral.yaml/x
ok "not a directory: exit 2" '[ $rc -eq 2 ] && err_is "csp-deadlines: examples/01-referral.yaml/x: cannot open: Not a directory"'

# ---- JSON ----

run csp-deadlines --format json examples/
ok "JSON: one object per case" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 8 ] && [ $(grep -c "^{\"case\":\"HSCP-[0-9-]*\",\"file\":\"examples/[^\"]*\",\"today\":\"2026-11-26\",\"deadlines\":\[" $T/out) -eq 8 ]'
run csp-deadlines --format json examples/07-looked-after.yaml
ok "JSON: the keys of a deadline" 'out_is "{\"case\":\"HSCP-2026-022\",\"file\":\"examples/07-looked-after.yaml\",\"today\":\"2026-11-26\",\"deadlines\":[{\"rule\":\"looked-after-death\",\"para\":\"5.3\",\"what\":\"notify the Secretary of State and Ofsted of the looked-after child'"'"'s death\",\"from\":\"2026-11-16\",\"due\":\"2026-11-23\",\"done\":null,\"status\":\"overdue\",\"working_days_left\":-3},{\"rule\":\"referral-confirmation\",\"para\":\"7.2\",\"what\":\"confirm the referral in writing on the Appendix B form\",\"from\":\"2026-11-18\",\"due\":\"2026-11-20\",\"done\":\"2026-11-19T16:00\",\"status\":\"done\",\"working_days_left\":null}]}"'
run csp-deadlines --format json --names examples/07-looked-after.yaml
ok "JSON --names: the child after the case" 'out_has "{\"case\":\"HSCP-2026-022\",\"child\":\"Rue Figment\",\"file\":"'
printf 'id: T-NONAME\npartnership: P\nchild: {pseudonym: Child Z}\n' >"$T/noname.yaml"
run csp-deadlines --format json --names "$T/noname.yaml"
ok "JSON --names with no name recorded: null" 'out_has "{\"case\":\"T-NONAME\",\"child\":null,"'

# ---- privacy: no name without --names, in any format ----

names='Tiggy|Madeup|Pip|Sampleton|Nova|Placeholder|Ziggy|Testington|Bonnie|Dummyworth|Ozzy|Notaperson|Rue|Figment|Sunny'
for fmt in text json tsv ics; do
	run csp-deadlines --format $fmt examples/
	ok "$fmt: no name of the child without --names" '[ $rc -eq 1 ] && ! grep -Eq "$names" $T/out'
done
run csp-deadlines --names examples/01-referral.yaml
ok "text --names: the name after the columns, which stay in line" 'out_has "HSCP-2026-031  2026-11-27        due      1 working day left     Tiggy Madeup: notify the Panel of the incident (5.1)"'

# ---- TSV ----

run csp-deadlines --format tsv examples/
ok "TSV: a header, then nine fields on every row" '[ $rc -eq 1 ] && [ "$(head -n 1 $T/out)" = "$(printf "case\trule\tpara\twhat\tfrom\tdue\tdone\tstatus\tworking_days_left")" ] && [ $(wc -l <$T/out) -eq 62 ] && [ "$(awk -F "\t" "{print NF}" $T/out | sort -u)" = 9 ]'
ok "TSV: a row" 'grep -qx "$(printf "HSCP-2026-022\tlooked-after-death\t5.3\tnotify the Secretary of State and Ofsted of the looked-after child'"'"'s death\t2026-11-16\t2026-11-23\t\toverdue\t-3")" $T/out'
ok "TSV: empty for null" 'grep -qx "$(printf "HSCP-2026-022\treferral-confirmation\t7.2\tconfirm the referral in writing on the Appendix B form\t2026-11-18\t2026-11-20\t2026-11-19T16:00\tdone\t")" $T/out'
run csp-deadlines --format tsv --names examples/07-looked-after.yaml
ok "TSV --names: a child column" '[ "$(cut -f 2 $T/out)" = "child
Rue Figment
Rue Figment" ]'
printf 'id: "T\\tTAB"\npartnership: P\nactions:\n  - {id: "a\\tb", action: "line one\\nline\\ttwo", due: 2026-12-01}\n' >"$T/tabs.yaml"
run csp-deadlines --format tsv "$T/tabs.yaml"
ok "TSV: tabs and line breaks in fields become spaces" '[ $(wc -l <$T/out) -eq 2 ] && [ "$(sed -n 2p $T/out)" = "$(printf "T TAB\taction:a b\t11.2\tline one line two\t\t2026-12-01\t\tdue\t3")" ]'
run csp-deadlines "$T/tabs.yaml"
ok "text: one line per deadline whatever the fields hold" 'out_is "T TAB          2026-12-01        due      3 working days left    action a b: line one line two (11.2)"'

# ---- iCalendar ----

# ics_check FILE EVENTS: the structure RFC 5545 asks for
ics_check() {
	awk -v want="$2" '
	BEGIN { bad = 0 }
	!/\r$/ { print "no CRLF at line " NR; bad = 1 }
	{ sub(/\r$/, "") }
	length($0) > 75 { print "longer than 75 octets at line " NR; bad = 1 }
	/^ / { next }
	/^BEGIN:/ { stack[++depth] = substr($0, 7); if ($0 == "BEGIN:VEVENT") { ev++; split("", seen) } }
	depth && stack[depth] == "VEVENT" { p = $0; sub(/[;:].*/, "", p); seen[p]++ }
	/^END:/ { if (depth == 0 || stack[depth] != substr($0, 5)) { print "unbalanced " $0 " at line " NR; bad = 1 }
		if ($0 == "END:VEVENT") for (k in req) if (seen[req[k]] != 1) { print "VEVENT ending at line " NR " has " seen[req[k]] + 0 " " req[k]; bad = 1 }
		depth-- }
	NR == 1 && $0 != "BEGIN:VCALENDAR" { print "does not begin with BEGIN:VCALENDAR"; bad = 1 }
	END { if (depth != 0) { print "unclosed component"; bad = 1 }
		if ($0 != "END:VCALENDAR") { print "does not end with END:VCALENDAR"; bad = 1 }
		if (ev != want) { print ev + 0 " VEVENTs, want " want; bad = 1 }
		exit bad }
	BEGIN { split("UID DTSTAMP DTSTART SUMMARY", req, " ") }
	' "$1" | sed 's/^/# /'
	return "${PIPESTATUS[0]}"
}
run csp-deadlines --format ics examples/
ok "ics: one calendar, one VEVENT per open or lately done deadline, RFC 5545 structure" '[ $rc -eq 1 ] && ics_check $T/out 20'
ok "ics: VERSION and PRODID" 'grep -q "^VERSION:2.0.$" $T/out && grep -q "^PRODID:-//csp//csp-deadlines [0-9.]*//EN.$" $T/out'
ok "ics: UIDs unique, stable per case and rule" '[ $(grep -c "^UID:" $T/out) -eq $(grep "^UID:" $T/out | sort -u | wc -l) ] && grep -q "^UID:HSCP-2026-027.rapid-review@csp.invalid.$" $T/out'
ok "ics: an all-day event on the due date" 'tr -d "\r" <$T/out | grep -A4 "^UID:HSCP-2026-022.looked-after-death@csp.invalid$" | grep -q "^DTSTART;VALUE=DATE:20261123$" && tr -d "\r" <$T/out | grep -A4 "^UID:HSCP-2026-022.looked-after-death@csp.invalid$" | grep -q "^DTEND;VALUE=DATE:20261124$"'
ok "ics: the 48-hour deadline at its time, in the UK" 'grep -q "^DTSTART;TZID=Europe/London:20261126T093000.$" $T/out && grep -q "^TZID:Europe/London.$" $T/out'
ok "ics: DTSTAMP from --today" '[ "$(grep "^DTSTAMP:" $T/out | sort -u | tr -d "\r")" = "DTSTAMP:20261126T000000Z" ]'
ok "ics: text escaped" 'grep -q "^SUMMARY:HSCP-2026-031: report the incident to the safeguarding partners\\\\, i.$" $T/out'
run csp-deadlines --format ics --overdue examples/
ok "ics --overdue: only the overdue" 'ics_check $T/out 4'
run csp-deadlines --format ics examples/06-closed.yaml
ok "ics with nothing open: still a valid calendar" '[ $rc -eq 0 ] && ics_check $T/out 0'
printf 'id: T-UTF8\npartnership: P\nactions:\n  - {id: "é;1", action: "Révision des procédures, café; crème brûlée \\\\ naïve — ünïcödé ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ end", due: 2026-12-01}\n' >"$T/utf8.yaml"
run csp-deadlines --format ics "$T/utf8.yaml"
ok "ics: long UTF-8 text folded whole, escaped" '[ $rc -eq 0 ] && ics_check $T/out 1 && iconv -f UTF-8 -t UTF-8 $T/out >/dev/null && grep -q "^UID:T-UTF8.action:é\\\\;1@csp.invalid.$" $T/out && [ "$(tr -d "\r" <$T/out | sed -n "/^SUMMARY:/,/^DESCRIPTION:/p" | sed "\$d" | sed "1!s/^ //" | tr -d "\n")" = "SUMMARY:T-UTF8: action é\;1: Révision des procédures\, café\; crème brûlée \\\\ naïve — ünïcödé ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ end (11.2)" ]'
# a real parser, where the machine has one
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	csp-deadlines --format ics --names examples/ "$T/utf8.yaml" >"$T/all.ics"
	ok "ics: python3-icalendar reads it" '/usr/bin/python3 -c "
import icalendar, sys
c = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read())
ev = c.walk(\"VEVENT\")
assert len(ev) == 21, len(ev)
assert all(not x.errors for x in c.walk())
t = [e for e in ev if \"referral-confirmation\" in str(e[\"UID\"])][0]
assert str(t.decoded(\"DTSTART\")) == \"2026-11-26 09:30:00+00:00\", t.decoded(\"DTSTART\")
assert str(ev[-1][\"SUMMARY\"]).startswith(\"T-UTF8: action é;1: Révision des procédures, café; crème\")
" $T/all.ics'
else
	n=$((n + 1))
	echo "ok $n - ics: python3-icalendar reads it # SKIP python3-icalendar not installed"
fi

# ---- holidays ----

printf 'id: T-2031\npartnership: P\nlocal_authority: Hampshire\nincident: {outcome: died, abuse_or_neglect: known, place: in_area, la_aware: 2031-07-14}\n' >"$T/2031.yaml"
run csp-deadlines --today 2031-07-14 --overdue --within 10 "$T/2031.yaml"
ok "built-in holidays only" 'out_has "T-2031         2031-07-21        due      5 working days left"'
run csp-deadlines --today 2031-07-14 --holidays $cal/holidays.txt "$T/2031.yaml"
ok "--holidays FILE, a plain list" '[ $rc -eq 0 ] && out_has "T-2031         2031-07-25        due      5 working days left"'
run csp-deadlines --today 2031-07-14 --holidays $cal/bank-holidays.json "$T/2031.yaml"
ok "--holidays FILE, GOV.UK JSON" '[ $rc -eq 0 ] && out_has "T-2031         2031-07-22        due      5 working days left"'
CSP_HOLIDAYS=$cal/holidays.txt csp-deadlines --today 2031-07-14 "$T/2031.yaml" >"$T/out" 2>"$T/err"; rc=$?
ok "CSP_HOLIDAYS" '[ $rc -eq 0 ] && out_has "T-2031         2031-07-25        due"'
CSP_HOLIDAYS=$cal/holidays.txt csp-deadlines --today 2031-07-14 --holidays $cal/bank-holidays.json "$T/2031.yaml" >"$T/out" 2>"$T/err"; rc=$?
ok "CSP_HOLIDAYS and --holidays merge (see holidays.sh)" '[ $rc -eq 0 ] && out_has "T-2031         2031-07-25        due"'
run csp-deadlines --holidays $cal/bad.txt examples/
ok "a bad holidays file: exit 2, nothing done" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "tests/data/calendar/bad.txt:4:1: error: expected a date YYYY-MM-DD"'
CSP_HOLIDAYS=no-such-file.json csp-deadlines examples/ >"$T/out" 2>"$T/err"; rc=$?
ok "an unreadable CSP_HOLIDAYS: exit 2" '[ $rc -eq 2 ] && err_is "csp-deadlines: no-such-file.json: cannot open: No such file or directory"'

# ---- --list-holidays ----

run csp-deadlines --list-holidays 2026:2027
ok "--list-holidays Y1:Y2" '[ $rc -eq 0 ] && [ ! -s $T/err ] && out_is "$(printf "2026-01-01\tNew Year'"'"'s Day
2026-04-03\tGood Friday
2026-04-06\tEaster Monday
2026-05-04\tEarly May bank holiday
2026-05-25\tSpring bank holiday
2026-08-31\tSummer bank holiday
2026-12-25\tChristmas Day
2026-12-28\tBoxing Day (substitute day)
2027-01-01\tNew Year'"'"'s Day
2027-03-26\tGood Friday
2027-03-29\tEaster Monday
2027-05-03\tEarly May bank holiday
2027-05-31\tSpring bank holiday
2027-08-30\tSummer bank holiday
2027-12-27\tChristmas Day (substitute day)
2027-12-28\tBoxing Day (substitute day)")"'
run csp-deadlines --list-holidays 2020
ok "--list-holidays Y: one year, with its one-off" '[ $(wc -l <$T/out) -eq 8 ] && out_has "$(printf "2020-05-08\tEarly May bank holiday (VE day)")" && ! out_has 2020-05-04'
run csp-deadlines --holidays $cal/holidays.txt --list-holidays 2031:2031
ok "--list-holidays honours --holidays" 'out_has "$(printf "2031-07-16\tSecond test holiday")" && [ $(wc -l <$T/out) -eq 12 ]'
run csp-deadlines --list-holidays 2026:2026 --holidays $cal/holidays.txt
ok "a loaded name wins over the built-in one" 'out_has "$(printf "2026-12-25\tChristmas Day (local name)")"'
for bad in 2027:2026 0:2026 2026:10000 x 2026: :2026 2026:2027:2028; do
	run csp-deadlines --list-holidays $bad
	ok "--list-holidays $bad: usage error" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-deadlines: --list-holidays: not a range of years (Y1:Y2, 1-9999): $bad"'
done
run csp-deadlines --list-holidays 2026 examples/
ok "--list-holidays takes no case files" '[ $rc -eq 2 ] && err_is "csp-deadlines: --list-holidays: takes no case files"'
run csp-deadlines --list-holidays 2026 --format json
ok "--list-holidays is text only" '[ $rc -eq 2 ] && err_is "csp-deadlines: --list-holidays: text only, without --overdue or --within"'
run csp-deadlines -q --list-holidays 2026
ok "--list-holidays -q prints nothing" '[ $rc -eq 0 ] && [ ! -s $T/out ]'

# ---- --add-working-days ----

for c in "2026-12-24 1 2026-12-29" "2026-12-29 -3 2026-12-22" "2025-12-16 15 2026-01-09" \
    "2026-03-26 15 2026-04-20" "2026-08-28 1 2026-09-01" "2026-11-21 0 2026-11-21" \
    "2026-11-21 1 2026-11-23" "2026-11-21 -1 2026-11-20" "2027-12-24 1 2027-12-29"; do
	set -- $c
	want=$3
	run csp-deadlines --add-working-days $1 $2
	ok "--add-working-days $1 $2" '[ $rc -eq 0 ] && out_is $want && [ ! -s $T/err ]'
done
run csp-deadlines --add-working-days 2031-07-14 1 --holidays $cal/holidays.txt
ok "--add-working-days honours --holidays" 'out_is 2031-07-21'
run csp-deadlines --add-working-days 2026-02-30 1
ok "--add-working-days: a bad date" '[ $rc -eq 2 ] && err_is "csp-deadlines: --add-working-days: not a date (YYYY-MM-DD): 2026-02-30"'
run csp-deadlines --add-working-days 2026-12-24 one
ok "--add-working-days: a bad number" '[ $rc -eq 2 ] && err_is "csp-deadlines: --add-working-days: not a number of working days: one"'
run csp-deadlines --add-working-days 2026-12-24
ok "--add-working-days: no number" '[ $rc -eq 2 ] && err_is "csp-deadlines: --add-working-days: needs a date and a number of working days"'
run csp-deadlines --add-working-days 9999-12-30 5
ok "--add-working-days: beyond 9999" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-deadlines: --add-working-days: the date would be outside the years 1-9999"'
run csp-deadlines --add-working-days 2026-12-24 1 examples/
ok "--add-working-days takes no case files" '[ $rc -eq 2 ] && err_is "csp-deadlines: --add-working-days: takes no case files"'
run csp-deadlines --add-working-days 2026-12-24 1 --list-holidays 2026
ok "the two calendar modes together: usage error" '[ $rc -eq 2 ] && err_is "csp-deadlines: --list-holidays and --add-working-days are separate questions"'

# ---- quiet, usage, output errors ----

for fmt in text json tsv ics; do
	run csp-deadlines -q --format $fmt examples/
	ok "-q --format $fmt: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
done
run csp-deadlines --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_is "csp-deadlines: unrecognized option '"'"'--bogus'"'"'
usage: csp-deadlines [-q] [--overdue] [--within N] [--format text|json|tsv|csv|ics] [--uid-domain domain] [--names] [file|dir ...]
       csp-deadlines --list-holidays Y1:Y2
       csp-deadlines --add-working-days DATE N"'
run csp-deadlines --format yaml examples/
ok "a format it does not write" '[ $rc -eq 2 ] && err_is "csp-deadlines: --format: no such format here: yaml"'
run csp-deadlines --help
ok "--help on stdout, exit 0" '[ $rc -eq 0 ] && out_has "usage: csp-deadlines" && out_has "--add-working-days" && [ ! -s $T/err ]'
run csp-deadlines --version
ok "--version" '[ $rc -eq 0 ] && out_has "csp-deadlines (csp) "'
run csp-deadlines --schema no-such-schema.json examples/
ok "unreadable --schema: exit 2" '[ $rc -eq 2 ] && err_is "csp-deadlines: no-such-schema.json: cannot open: No such file or directory"'
for fmt in text json tsv ics; do
	csp-deadlines --format $fmt examples/ >/dev/full 2>"$T/err"
	rc=$?
	ok "--format $fmt to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-deadlines: cannot write output: No space left on device"'
done
csp-deadlines --list-holidays 1900:2200 >/dev/full 2>"$T/err"; rc=$?
ok "--list-holidays to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "cannot write output"'

# ---- determinism, and nothing modified ----

csp-deadlines --format ics examples/ >"$T/a" 2>&1
csp-deadlines --format ics examples/ >"$T/b" 2>&1
ok "the same output twice" 'cmp -s $T/a $T/b'
ok "no file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
