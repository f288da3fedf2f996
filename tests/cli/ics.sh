# ics.sh - csp-deadlines --format ics as a calendar program takes it:
# METHOD:PUBLISH, X-WR-CALNAME with the partnership, SEQUENCE growing
# with --today, UIDs under --uid-domain (csp.invalid by default) that
# never repeat, not even for two files with one case id (which is said),
# and done deadlines kept, marked done, for 30 days.  python3-icalendar
# reads every file made here.
. tests/lib.sh

# ics_read FILE PYTHON: python3-icalendar parses FILE without an error in
# any component, then runs PYTHON with the calendar as c and its events
# as ev
ics_read() {
	/usr/bin/python3 -c '
import sys, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
assert all(not x.errors for x in c.walk()), [x.errors for x in c.walk()]
ev = c.walk("VEVENT")
uids = [str(e["UID"]) for e in ev]
assert len(uids) == len(set(uids)), "repeated UIDs"
exec(sys.argv[2])
' "$@"
}
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	echo "ok 1 # SKIP python3-icalendar not installed"
	exit 0
fi

run csp-deadlines --format ics examples/
ok "every example: python3-icalendar reads it" '[ $rc -eq 1 ] && ics_read $T/out "
assert len(ev) == 20, len(ev)
assert str(c[\"METHOD\"]) == \"PUBLISH\"
assert str(c[\"X-WR-CALNAME\"]) == \"CSPR deadlines: Hampshire Safeguarding Children Partnership\", c[\"X-WR-CALNAME\"]
assert all(str(e[\"UID\"]).endswith(\"@csp.invalid\") for e in ev)
assert set(int(e[\"SEQUENCE\"]) for e in ev) == {9826}
"'
cp "$T/out" "$T/first.ics"
run csp-deadlines --format ics --today 2026-11-27 examples/
ok "a later --today: the same UIDs, a higher SEQUENCE" 'ics_read $T/out "
old = icalendar.Calendar.from_ical(open(\"$T/first.ics\", \"rb\").read()).walk(\"VEVENT\")
olds = dict((str(e[\"UID\"]), int(e[\"SEQUENCE\"])) for e in old)
common = [e for e in ev if str(e[\"UID\"]) in olds]
assert len(common) >= 15, len(common)
assert all(int(e[\"SEQUENCE\"]) > olds[str(e[\"UID\"])] for e in common)
"'

# done deadlines: kept, marked done, for 30 days after they were done
run csp-deadlines --format ics examples/02-rapid-review.yaml
ok "a deadline done lately stays, marked done" 'ics_read $T/out "
done = [e for e in ev if str(e[\"SUMMARY\"]).startswith(\"Done: \")]
assert [str(e[\"UID\"]) for e in done] == [\"HSCP-2026-027.panel-notification@csp.invalid\", \"HSCP-2026-027.partners-report@csp.invalid\", \"HSCP-2026-027.referral-confirmation@csp.invalid\"], done
assert all(\"done\" in str(e[\"DESCRIPTION\"]) or \"late\" in str(e[\"DESCRIPTION\"]) for e in done)
assert [str(e[\"CATEGORIES\"].cats[1]) for e in done] == [\"done\", \"late\", \"late\"]
"'
run csp-deadlines --format ics --today 2027-01-15 examples/02-rapid-review.yaml
ok "and is gone when 30 days have passed" 'ics_read $T/out "
assert not [e for e in ev if str(e[\"SUMMARY\"]).startswith(\"Done: \")], [str(e[\"SUMMARY\"]) for e in ev]
assert len(ev) == 2, len(ev)
"'
# done on 2026-11-13: there 30 days on, gone the day after
run csp-deadlines --format ics --today 2026-12-13 examples/02-rapid-review.yaml
ok "done on 2026-11-13: still there on 2026-12-13" 'grep -q "^UID:HSCP-2026-027.panel-notification@" $T/out'
run csp-deadlines --format ics --today 2026-12-14 examples/02-rapid-review.yaml
ok "gone on 2026-12-14" '! grep -q "^UID:HSCP-2026-027.panel-notification@" $T/out'
run csp-deadlines --format ics --overdue examples/02-rapid-review.yaml
ok "--overdue: only what is overdue, nothing done" 'ics_read $T/out "assert len(ev) == 0, len(ev)"'

# --uid-domain
run csp-deadlines --format ics --uid-domain lscp.example.org examples/01-referral.yaml
ok "--uid-domain names the UIDs' domain" '[ $rc -eq 0 ] && ics_read $T/out "
assert len(ev) == 5 and all(str(e[\"UID\"]).endswith(\"@lscp.example.org\") for e in ev)
"'
for bad in "" example "-x.org" "x-.org" "a..org" "a b.org" "café.org" ".example.org" "example.org." \
    "$(printf 'a%.0s' $(seq 64)).org"; do
	run csp-deadlines --format ics --uid-domain "$bad" examples/01-referral.yaml
	ok "--uid-domain \"$bad\": not a domain, usage error" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-deadlines: --uid-domain: not a domain name: $bad"'
done

# two files with one case id: said, and the second's UIDs differ
mkdir -p "$T/two"
cp examples/01-referral.yaml "$T/two/a.yaml"
cp examples/01-referral.yaml "$T/two/b.yaml"
run csp-deadlines --format ics "$T/two"
ok "one case id in two files: said at the id, UIDs never repeat" '[ $rc -eq 1 ] &&
    err_is "$T/two/b.yaml:3:5: error: .id: the same case id as $T/two/a.yaml (ids are unique per partnership); its events'"'"' UIDs end .2" &&
    ics_read $T/out "
assert len(ev) == 10, len(ev)
assert \"HSCP-2026-031.panel-notification.2@csp.invalid\" in uids
"'

# the calendar is named after the partnership of its first case, and still
# a calendar with nothing in it
run csp-deadlines --format ics examples/06-closed.yaml
ok "nothing open: still a named calendar" '[ $rc -eq 0 ] && ics_read $T/out "
assert len(ev) == 0 and str(c[\"X-WR-CALNAME\"]).startswith(\"CSPR deadlines: \")
"'
run csp-deadlines --format ics no-such-case.yaml
ok "no case at all: a calendar without a partnership" '[ $rc -eq 2 ] && ics_read $T/out "
assert str(c[\"X-WR-CALNAME\"]) == \"CSPR deadlines\" and str(c[\"METHOD\"]) == \"PUBLISH\"
"'
run csp-deadlines -q --format ics examples/
ok "-q: nothing written" '[ $rc -eq 1 ] && [ ! -s $T/out ]'
