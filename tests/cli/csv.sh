# csv.sh - --format csv (RFC 4180) wherever tsv is offered: the same rows
# as tsv, read back by Python's csv module; CRLF row ends; quoting of
# commas, quotes, line breaks and edge spaces; a spreadsheet formula in a
# case never runs when the file is opened; --names adds the child column.
. tests/lib.sh

# the tools that offer tsv offer csv too, and say so in --help
for t in $(cd "$CSP_BIN" && ls); do
	run "$t" --help
	if grep -q 'tsv' $T/out; then
		ok "$t: tsv in --help, and csv" 'out_has csv'
		run "$t" --format csv examples/
		ok "$t --format csv: accepted" '[ $rc -le 1 ] && [ -s $T/out ]'
	fi
done

run csp-deadlines --format csv examples/
cp "$T/out" "$T/all.csv"
ok "every row ends CRLF, and nothing else does" '[ $rc -eq 1 ] &&
    [ "$(grep -c "$(printf "\r")\$" $T/all.csv)" -eq "$(wc -l <$T/all.csv)" ]'
csp-deadlines --format tsv examples/ >"$T/all.tsv"
ok "the same rows as tsv, read back by Python's csv module" '/usr/bin/python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\")))
tsv = [l.rstrip(\"\n\").split(\"\t\") for l in open(sys.argv[2])]
assert rows == tsv, [(a, b) for a, b in zip(rows, tsv) if a != b][:3]
assert rows[0] == [\"case\", \"rule\", \"para\", \"what\", \"from\", \"due\", \"done\", \"status\", \"working_days_left\"]
assert len(rows) == 62
" $T/all.csv $T/all.tsv'
ok "a field with a comma is quoted" 'grep -q "^HSCP-2026-031,partners-report,5.2,\"report the incident to the safeguarding partners, independent chair and business manager\",2026-11-20" $T/all.csv'
ok "a negative number stays a number" 'grep -q ",overdue,-3.\$" $T/all.csv'

# awkward fields
cat >"$T/awkward.yaml" <<'Y'
id: "T-CSV"
partnership: P
actions:
  - {id: q, action: 'She said "soon", then left.', due: 2026-12-01}
  - {id: nl, action: "line one\nline two", due: 2026-12-01}
  - {id: f1, action: "=HYPERLINK(\"http://example.invalid\")", due: 2026-12-01}
  - {id: f2, action: "+1+1", due: 2026-12-01}
  - {id: f3, action: "@SUM(A1)", due: 2026-12-01}
  - {id: f4, action: "-2+3", due: 2026-12-01}
  - {id: sp, action: " padded ", due: 2026-12-01}
Y
run csp-deadlines --format csv "$T/awkward.yaml"
ok "quotes doubled, line breaks kept inside quotes, formulas made text" '[ $rc -eq 0 ] && /usr/bin/python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\")))
what = dict((r[1], r[3]) for r in rows[1:])
assert what[\"action:q\"] == \"She said \\\"soon\\\", then left.\", what
assert what[\"action:nl\"] == \"line one\nline two\", what
assert what[\"action:f1\"] == \"'\''=HYPERLINK(\\\"http://example.invalid\\\")\", what
assert what[\"action:f2\"] == \"'\''+1+1\" and what[\"action:f3\"] == \"'\''@SUM(A1)\" and what[\"action:f4\"] == \"'\''-2+3\", what
assert what[\"action:sp\"] == \" padded \", what
assert len(rows) == 8
" $T/out'
ok "the quoted line break is the only bare LF" '[ "$(grep -c "[^$(printf "\r")]\$" $T/out)" -eq 1 ]'

run csp-deadlines --format csv --names examples/07-looked-after.yaml
ok "--names: a child column after case" '[ "$(cut -d , -f 2 $T/out | tr -d "\r")" = "child
Rue Figment
Rue Figment" ]'
run csp-deadlines --format csv examples/07-looked-after.yaml
ok "without --names no name" '! grep -q "Rue\|Figment" $T/out'
run csp-deadlines -q --format csv examples/
ok "-q: nothing" '[ $rc -eq 1 ] && [ ! -s $T/out ]'
csp-deadlines --format csv examples/ >/dev/full 2>"$T/err"; rc=$?
ok "to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "cannot write output"'
run csp-validate --format csv examples/
ok "a tool without tsv has no csv either" '[ $rc -eq 2 ] && err_is "csp-validate: --format: no such format here: csv"'
