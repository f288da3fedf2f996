# today.sh - "today" is the date in England whatever TZ the process has, and
# 48 hours are elapsed hours across the clock changes (SPEC 3).  The clock
# is faked with CSP_NOW (seconds since the epoch, a hook for tests only);
# CSP_TODAY, which run.sh sets, is unset so that the clock is read.
. tests/lib.sh

# A referral received at 23:45 BST on Sunday 12 July 2026: due 23:45 BST on
# Tuesday 14 July, which is 22:45 UTC.
printf 'id: T-TZ\npartnership: P\nreferral: {received: 2026-07-12T23:45}\n' >"$T/late.yaml"
# A referral received at noon on Saturday 28 March 2026, GMT: 48 elapsed
# hours on, the clocks gone forward, is 13:00 BST on Monday 30 March.
printf 'id: T-MAR\npartnership: P\nreferral: {received: 2026-03-28T12:00}\n' >"$T/march.yaml"
# And at noon on Saturday 24 October 2026, BST: 11:00 GMT on Monday 26.
printf 'id: T-OCT\npartnership: P\nreferral: {received: 2026-10-24T12:00}\n' >"$T/october.yaml"

today() { # TZ INSTANT: csp-deadlines' today
	env -u CSP_TODAY TZ=$1 CSP_NOW=$2 csp-deadlines --format json "$T/late.yaml" |
	    sed 's/.*"today":"\([0-9-]*\)".*/\1/'
}

for tz in UTC America/New_York Asia/Tokyo Europe/London Pacific/Kiritimati; do
	# 2026-07-14T23:30Z is 00:30 BST on Wednesday 15 July
	ok "TZ=$tz, 23:30 UTC in summer: today is tomorrow's date in England" '[ "$(today $tz 1784071800)" = 2026-07-15 ]'
	ok "TZ=$tz, 22:59 UTC in summer: still the 14th" '[ "$(today $tz 1784069940)" = 2026-07-14 ]'
	# 2026-12-31T23:30Z is 23:30 GMT: still New Year's Eve
	ok "TZ=$tz, 23:30 UTC in winter: the same date" '[ "$(today $tz 1798759800)" = 2026-12-31 ]'
	# the night the clocks go forward: 00:59 UTC is 00:59 GMT; 01:00 UTC
	# is 02:00 BST, the same date
	ok "TZ=$tz, the night of the March change" '[ "$(today $tz 1774745940)" = 2026-03-29 ] && [ "$(today $tz 1774746000)" = 2026-03-29 ]'
	# the night they go back: 23:30 UTC on Saturday 24 October is 00:30
	# BST on Sunday 25
	ok "TZ=$tz, the night of the October change" '[ "$(today $tz 1792884600)" = 2026-10-25 ]'
	# at 00:30 BST on the 15th the 48-hour confirmation due on the 14th
	# is overdue, in any zone
	env -u CSP_TODAY TZ=$tz CSP_NOW=1784071800 csp-deadlines "$T/late.yaml" >"$T/out" 2>"$T/err"; rc=$?
	ok "TZ=$tz: a server at 00:30 BST sees the deadline of the 14th overdue" '[ $rc -eq 1 ] && out_is "T-TZ           2026-07-14T23:45  overdue  1 working day late     confirm the referral in writing on the Appendix B form (7.2)"'
	env -u CSP_TODAY TZ=$tz CSP_NOW=1784069940 csp-notify "$T/late.yaml" >"$T/out" 2>"$T/err"; rc=$?
	ok "TZ=$tz: csp-notify as csp-deadlines, at 22:59 UTC still due" '[ $rc -eq 0 ]'
done

# 48 hours across the changes, whatever TZ says
for tz in UTC Asia/Tokyo; do
	TZ=$tz run csp-deadlines --today 2026-03-29 "$T/march.yaml"
	ok "TZ=$tz: 48 hours across March are 49 on the clock" '[ $rc -eq 0 ] && out_is "T-MAR          2026-03-30T13:00  due      1 working day left     confirm the referral in writing on the Appendix B form (7.2)"'
	TZ=$tz run csp-deadlines --today 2026-10-25 "$T/october.yaml"
	ok "TZ=$tz: 48 hours across October are 47 on the clock" '[ $rc -eq 0 ] && out_is "T-OCT          2026-10-26T11:00  due      1 working day left     confirm the referral in writing on the Appendix B form (7.2)"'
done

# --today and CSP_TODAY still win over the clock
env TZ=UTC CSP_NOW=1784071800 csp-deadlines --today 2026-07-14 "$T/late.yaml" >"$T/out" 2>&1; rc=$?
ok "--today wins over the clock" '[ $rc -eq 0 ] && out_has "due today"'
env TZ=UTC CSP_NOW=1784071800 CSP_TODAY=2026-07-14 csp-deadlines "$T/late.yaml" >"$T/out" 2>&1; rc=$?
ok "CSP_TODAY wins over the clock" '[ $rc -eq 0 ] && out_has "due today"'
