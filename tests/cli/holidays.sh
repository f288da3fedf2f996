# holidays.sh - holiday files as the tools take them (--holidays, several,
# and CSP_HOLIDAYS): they merge, CSP_HOLIDAYS first; GOV.UK's
# bank-holidays.json is authoritative for the years it covers, so a
# holiday it moves, moves; an empty file or one without holidays, and any
# bad one of several, stops the tool with every error said.
. tests/lib.sh

cal=tests/data/calendar
printf '# our own closure days\n2026-07-20 Partnership closure day\n' >"$T/own.txt"

run csp-deadlines --list-holidays 2026:2026
ok "the built-in early May bank holiday of 2026" '[ $rc -eq 0 ] && out_has "2026-05-04	Early May bank holiday"'
run csp-deadlines --holidays $cal/moved.json --list-holidays 2026:2026
ok "GOV.UK moves it: the old day is gone, the new one there" '[ $rc -eq 0 ] &&
    ! out_has "2026-05-04" && out_has "2026-05-08	Early May bank holiday (moved)" && [ $(wc -l <$T/out) -eq 8 ]'
run csp-deadlines --holidays $cal/moved.json --list-holidays 2027:2027
ok "a year GOV.UK does not cover keeps the rules" 'out_has "2027-05-03	Early May bank holiday"'
run csp-deadlines --holidays $cal/moved.json --add-working-days 2026-05-01 1
ok "and the arithmetic follows" 'out_is 2026-05-04'

run csp-deadlines --holidays "$T/own.txt" --holidays $cal/moved.json --list-holidays 2026:2026
ok "several --holidays merge; a plain list's days stay" '[ $rc -eq 0 ] &&
    out_has "2026-07-20	Partnership closure day" && out_has "2026-05-08	Early May" && ! out_has "2026-05-04"'
CSP_HOLIDAYS=$T/own.txt run csp-deadlines --holidays $cal/moved.json --list-holidays 2026:2026
ok "CSP_HOLIDAYS first, then --holidays" '[ $rc -eq 0 ] && out_has "2026-07-20	Partnership closure day" && out_has "2026-05-08	Early May"'
run csp-deadlines --holidays $cal/moved.json --holidays $cal/bank-holidays.json --list-holidays 2026:2026
ok "a later GOV.UK file replaces an earlier one for its years" 'out_has "2026-05-04	Early May bank holiday" && ! out_has "2026-05-08"'

: >"$T/empty.json"
run csp-deadlines --holidays "$T/empty.json" examples/01-referral.yaml
ok "an empty file (a failed download) stops the tool" '[ $rc -eq 2 ] && [ ! -s $T/out ] &&
    err_is "csp-deadlines: $T/empty.json: empty file: no holidays in it (a failed download?)"'
printf '{"england-and-wales": {"division": "england-and-wales", "events": []}}\n' >"$T/none.json"
run csp-deadlines --holidays "$T/none.json" examples/01-referral.yaml
ok "a GOV.UK file with no events stops it, placed" '[ $rc -eq 2 ] && err_is "$T/none.json:1:67: error: no events in \"england-and-wales\""'
run csp-decide --holidays "$T/own.txt" --holidays "$T/empty.json" --holidays $cal/bad.txt examples/01-referral.yaml
ok "of several files, every bad one is said" '[ $rc -eq 2 ] && [ ! -s $T/out ] &&
    err_is "csp-decide: $T/empty.json: empty file: no holidays in it (a failed download?)
tests/data/calendar/bad.txt:4:1: error: expected a date YYYY-MM-DD"'
CSP_HOLIDAYS=$T/empty.json run csp-notify examples/01-referral.yaml
ok "a bad CSP_HOLIDAYS stops a tool that counts days" '[ $rc -eq 2 ] && err_has "empty file"'
CSP_HOLIDAYS=$T/empty.json run csp-validate examples/01-referral.yaml
ok "but not csp-validate, which counts none" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
