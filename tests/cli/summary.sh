# summary.sh - csp-summary's contract: the exit status (1 for what the
# partnership or local authority owns overdue, and for a case id in two
# files), the order of the cases, the period, each format (CSV read back by
# a CSV reader), stdin, bad files among good ones, usage errors, privacy
# (no name without --names, nothing from free text), and the board: valid
# HTML (tidy), no script and nothing external, and drawn by a real browser
# (chromium --headless), whose DOM must hold every case id, the overdue
# rows, one timeline per case and no name, and which prints it on A4; its
# PNGs (desktop and phone) and PDF are kept in the build folder for a person
# to look at.  Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml | cksum)
shots=$(cd "$CSP_BIN/.." && pwd)/tests
mkdir -p "$shots"

# ---- exit status and order ----

run csp-summary examples/
ok "examples/: something overdue, exit 1, nothing on stderr" '[ $rc -eq 1 ] && [ ! -s $T/err ]'
run csp-summary --format json examples/
ids=$(jq -r 'select(.case) | .case' "$T/out" | tr '\n' ' ')
ok "cases sorted by next due date, overdue first, closed last" '[ "$ids" = "HSCP-2026-008 HSCP-2025-012 HSCP-2026-022 HSCP-2026-031 HSCP-2026-027 HSCP-2026-025 HSCP-2026-019 HSCP-2024-037 " ]'
ok "json: one object per case, then one summary" '[ $(wc -l <$T/out) -eq 9 ] && [ "$(tail -n 1 $T/out | jq -r ".summary.cases")" = 8 ] && [ "$(tail -n 1 $T/out | jq -c ".summary.stages")" = "{\"referral\":2,\"rapid_review\":1,\"decision\":0,\"review\":2,\"report\":0,\"published\":0,\"monitoring_actions\":2,\"closed\":1}" ]'
# the same next duty and status as csp-deadlines gives
csp-deadlines --format json examples/04-review.yaml >"$T/dl.json"
run csp-summary --format json examples/04-review.yaml
ok "the next duty is csp-deadlines' row, as it gives it" '[ "$(head -n 1 $T/out | jq -c ".next | [.rule, .due, .status, .working_days_left]")" = "$(jq -c "[.deadlines[] | select(.status == \"overdue\")][0] | [.rule, .due, .status, .working_days_left]" $T/dl.json)" ]'
for f in 01-referral:0 02-rapid-review:0 03-decision:0 04-review:1 05-published:1 06-closed:0 07-looked-after:1 08-no-review:0; do
	run csp-summary examples/${f%:*}.yaml
	ok "${f%:*}: exit ${f#*:}" '[ $rc -eq ${f#*:} ]'
done
run csp-summary --today 2024-11-01 examples/06-closed.yaml
ok "--today before every deadline: exit 0" '[ $rc -eq 0 ]'
run csp-summary -q examples/
ok "-q: nothing printed, exit 1" '[ $rc -eq 1 ] && [ ! -s $T/out ]'
printf 'id: T-PANEL\npartnership: P\nrapid_review: {submitted_to_panel: 2026-10-01}\n' >"$T/panel.yaml"
run csp-summary --format json "$T/panel.yaml"
ok "only the Panel's clock overdue: counted, exit 0" '[ $rc -eq 0 ] && [ "$(head -n 1 $T/out | jq -c "[.next.rule, .overdue]")" = "[\"panel-response\",1]" ]'

# ---- stdin, bad files ----

run_in examples/03-decision.yaml csp-summary --format json
ok "stdin: one case, named <stdin>" '[ $rc -eq 0 ] && [ "$(head -n 1 $T/out | jq -r .file)" = "<stdin>" ] && [ $(wc -l <$T/out) -eq 2 ]'
printf 'id: [broken\n' >"$T/bad.yaml"
run csp-summary "$T/bad.yaml" examples/06-closed.yaml
ok "a bad file: exit 2, the others still summarised" '[ $rc -eq 2 ] && err_has "$T/bad.yaml:" && out_has "HSCP-2024-037"'
run csp-summary "$T/bad.yaml"
ok "no case read: nothing printed, exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ]'
run csp-summary --format html "$T/bad.yaml"
ok "no case read: the board is still a page" '[ $rc -eq 2 ] && out_has "No case could be read." && out_has "</html>"'

# ---- duplicate ids ----

mkdir "$T/dup"
cp examples/06-closed.yaml "$T/dup/a.yaml"
cp examples/06-closed.yaml "$T/dup/b.yaml"
cp examples/06-closed.yaml "$T/dup/c.yaml"
line=$(grep -n '^id:' examples/06-closed.yaml | cut -d: -f1)
run csp-summary "$T/dup"
ok "the same id in two files: exit 1, at the later file's id, naming the first" '[ $rc -eq 1 ] &&
    grep "^$T/dup/b.yaml:$line:1: " $T/err | grep -q ".id: the same case id as $T/dup/a.yaml\$" &&
    grep "^$T/dup/c.yaml:$line:1: " $T/err | grep -q ".id: the same case id as $T/dup/a.yaml\$" &&
    [ $(wc -l <$T/err) -eq 2 ]'
ok "text: the finding names both files" 'out_has "  HSCP-2024-037: $T/dup/a.yaml and $T/dup/b.yaml" && out_has "Cases as of 2026-11-26, by next due date: 3"'
run csp-summary --format json "$T/dup"
ok "json: summary.duplicates" '[ "$(tail -n 1 $T/out | jq -c ".summary.duplicates[0]")" = "{\"case\":\"HSCP-2024-037\",\"files\":[\"$T/dup/a.yaml\",\"$T/dup/b.yaml\"]}" ]'
run csp-summary --format html "$T/dup"
ok "html: the finding names both files" '[ $rc -eq 1 ] && out_has "<li>HSCP-2024-037: $T/dup/a.yaml and $T/dup/c.yaml</li>"'

# ---- the period ----

run csp-summary --format json --from 2026-04-01 --to 2027-03-31 examples/
ok "--from/--to: the funnel counts what happened then" '[ "$(tail -n 1 $T/out | jq -c ".summary | [.from, .to, .funnel.referrals, .funnel.rapid_reviews, .funnel.decisions.total, .funnel.local_reviews_published, .funnel.rapid_review_average_working_days_late]")" = "[\"2026-04-01\",\"2027-03-31\",5,2,3,1,-1]" ]'
ok "--from/--to: clocks by their start (9.12.4 started 2026-05-11 and 2026-10-28)" '[ "$(tail -n 1 $T/out | jq -c ".summary.timeliness[] | select(.rule == \"final-report\") | [.ran, .on_time, .overdue, .due]")" = "[2,0,1,1]" ]'
ok "--from/--to: the cases are not filtered" '[ $(wc -l <$T/out) -eq 9 ]'
run csp-summary --table timeliness --from 2030-01-01 examples/
ok "a period with no clock" '[ $rc -eq 1 ] && out_is "Timeliness, clocks started from 2030-01-01 (working days taken: start to done)
  no clock started"'

# ---- usage ----

for bad in '--from 2026-02-30' '--to x' '--from 2026-05-01 --to 2026-04-01' \
    '--table nope' '--format json --table cases' '--format html --table funnel' \
    '--format ics'; do
	run csp-summary $bad examples/
	ok "usage: $bad: exit 2, one line" '[ $rc -eq 2 ] && [ ! -s $T/out ] && [ $(wc -l <$T/err) -eq 1 ]'
done

# ---- TSV and CSV ----

run csp-summary --format tsv examples/
ok "tsv: a header and one line per case" '[ $rc -eq 1 ] && [ $(wc -l <$T/out) -eq 9 ] && [ "$(head -n 1 $T/out)" = "$(printf "case\tfile\tstage\tnext\tpara\tdue\tstatus\tworking_days_left\toverdue\toutstanding")" ]'
mkdir "$T/csv"
cp examples/06-closed.yaml "$T/csv/a,\"b\".yaml"
run csp-summary --format csv "$T/csv" examples/02-rapid-review.yaml
ok "csv: every line ends in CRLF" '[ $(grep -c "$(printf "\r")\$" $T/out) -eq 3 ]'
got=$(python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(len(rows), len(rows[0]), rows[1][0], rows[1][7], rows[2][1])' "$T/out")
ok "csv: read back by a CSV reader, the quoted file name intact" '[ "$got" = "3 10 HSCP-2026-027 3 $T/csv/a,\"b\".yaml" ]'
ok "csv: the file name quoted, quotes doubled" 'out_has ",\"$T/csv/a,\"\"b\"\".yaml\","'

# ---- privacy ----

# every name of a person in the examples, and the actions' own words
grep -ohE '(first_name|last_name|name|pseudonym): [^,}]+' examples/*.yaml |
    sed 's/^[a-z_]*: //; s/ *$//' | sort -u >"$T/names"
grep -ohE 'action: [^,}]+' examples/*.yaml | sed 's/^action: //' | sort -u >"$T/free"
ok "the examples have names and actions to look for" '[ $(wc -l <$T/names) -gt 20 ] && [ $(wc -l <$T/free) -gt 5 ]'
for fmt in text json tsv csv html; do
	run csp-summary --format $fmt examples/
	ok "$fmt: no name, nothing from free text" '! grep -qFf $T/names $T/out && ! grep -qFf $T/free $T/out'
done
run csp-summary --names --format tsv examples/
ok "--names: the child's name, in its own column" 'grep -q "^HSCP-2026-008	Ziggy Testington	" $T/out && [ "$(head -n 1 $T/out | cut -f 2)" = child ]'
run csp-summary --names --format json examples/07-looked-after.yaml
ok "--names: json's child after case, as every tool places it" '[ "$(head -n 1 $T/out | jq -c "keys_unsorted[0:3], .child")" = "$(printf "[\"case\",\"child\",\"file\"]\n\"Rue Figment\"")" ]'
run csp-summary --names --format html examples/
ok "--names: the board names the child" 'out_has "<td data-label=\"Child\">Ziggy Testington</td>"'

# an id with HTML in it is shown as text
printf 'id: "T-<b>&\\"x\\"</b>"\npartnership: P\n' >"$T/html-id.yaml"
run csp-summary --format html "$T/html-id.yaml"
ok "html: an id is escaped" 'out_has "T-&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;" && ! out_has "T-<b>"'

# ---- the board ----

# dates as far apart as a case may hold: a few month lines, not thousands
printf 'id: T-FAR\npartnership: P\nincident: {date: 0001-01-02}\nactions:\n  - {id: 1, due: 9999-12-30}\n  - {id: 2, due: 0001-01-05, completed: 9999-12-31}\n' >"$T/far.yaml"
run timeout 10 csp-summary --format html "$T/far.yaml"
ok "html: dates 10,000 years apart, a handful of month lines" '[ $rc -eq 0 ] && [ $(grep -o "<line x1=[^>]*stroke=\"#e0e0e0\"" $T/out | wc -l) -le 12 ] && out_has ">Jan 9198</text>"'
# a case with many actions: its timeline keeps 40 rows and counts the rest
{ printf 'id: T-MANY\npartnership: P\nactions:\n'
  i=0; while [ $i -lt 5000 ]; do printf '  - {id: %d, due: 2026-12-01}\n' $i; i=$((i + 1)); done; } >"$T/many.yaml"
run timeout 10 csp-summary --format html "$T/many.yaml"
ok "html: 5,000 actions, 40 rows on the timeline and the rest counted" '[ $rc -eq 0 ] && [ $(grep -o ">action:[0-9]*</text>" $T/out | wc -l) -eq 40 ] && out_has ">and 4960 more</text>"'

export SOURCE_DATE_EPOCH=1795676400
csp-summary --format html examples/ >"$T/board.html"
rc=$?
ok "html: exit 1 as the others" '[ $rc -eq 1 ]'
ok "html: the time it was made, from SOURCE_DATE_EPOCH, and --today" 'grep -q "made 2026-11-26 07:00 UTC" $T/board.html && grep -q "As of <strong>2026-11-26</strong>" $T/board.html'
csp-summary --format html examples/ | cmp -s - "$T/board.html"
ok "html: the same page again" '[ $? -eq 0 ]'
ok "html: no script, no event handler" '! grep -qi "<script\|javascript:\| on[a-z]*=" $T/board.html'
ok "html: nothing external: no URL, no src, no import, links only within the page" '! grep -qiE "https?:|//[a-z]|src=|@import|url\(|@font-face" $T/board.html &&
    [ -z "$(grep -oE "href=\"[^\"]*\"" $T/board.html | grep -v "href=\"#case-[0-9]*\"")" ]'
ok "html: for a phone and for A4" 'grep -q "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" $T/board.html && grep -q "@page{size:A4" $T/board.html && grep -q "@media (max-width:40rem)" $T/board.html'
tidy -errors -q "$T/board.html" >"$T/tidy" 2>&1
rc=$?
ok "html: valid, as tidy reads it (no errors, no warnings)" '[ $rc -eq 0 ] && [ ! -s $T/tidy ]'
sed -n '1,10s/^/# /p' "$T/tidy"

# chromium draws it, once as a desktop page and once as a phone's; the DOM
# is what the browser made of the page
browse() { # OUT ARGS...: chromium's stdout into OUT; a minute at most
	out=$1
	shift
	timeout 60 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$T/chromium" --no-first-run --hide-scrollbars \
	    --virtual-time-budget=1000 "$@" "file://$T/board.html" \
	    >"$out" 2>"$T/chromium.err"
}
if ! command -v chromium >/dev/null 2>&1; then
	ok "chromium is installed (tools/deps.sh installs it)" false
else
	t0=$(date +%s)
	rm -f "$shots/summary-board.png" "$shots/summary-board-phone.png"
	browse "$T/shot.out" --window-size=1000,2600 \
	    --screenshot="$shots/summary-board.png"
	ok "chromium: a PNG of the board in $shots" '[ -s $shots/summary-board.png ] && [ "$(head -c 8 $shots/summary-board.png | od -An -c | tr -d " ")" = "211PNG\r\n032\n" ]'
	browse "$T/phone.out" --window-size=390,2400 \
	    --screenshot="$shots/summary-board-phone.png"
	ok "chromium: and as a phone shows it" '[ -s $shots/summary-board-phone.png ]'
	rm -f "$shots/summary-board.pdf"
	browse "$T/pdf.out" --no-pdf-header-footer \
	    --print-to-pdf="$shots/summary-board.pdf"
	grep -a -o "/MediaBox \[[^]]*\]" "$shots/summary-board.pdf" 2>/dev/null |
	    sort | uniq -c >"$T/pages"
	ok "chromium: printed, every page A4 (595 x 842 points): $(awk '{ n += $1 } END { print n + 0 }' $T/pages) pages" '[ $(wc -l <$T/pages) -eq 1 ] &&
	    grep -q "/MediaBox \[0 0 59[45]\.[0-9]* 84[12]\.[0-9]*\]" $T/pages'
	browse "$T/dom.html" --dump-dom
	ok "chromium: the DOM dumped" '[ -s $T/dom.html ] && grep -q "</html>" $T/dom.html'
	for id in $ids; do
		ok "DOM: case $id is there" 'grep -qF "$id" $T/dom.html'
	done
	overdue=$(jq -r 'select(.next.status == "overdue") | .case' \
	    "$(csp-summary --format json examples/ >"$T/j"; echo "$T/j")" | tr '\n' ' ')
	late_rows() { # each overdue case on a row marked overdue, days late said
		for i in $overdue; do
			grep "<tr class=\"overdue\">" "$T/dom.html" | grep -F "$i" |
			    grep -q "overdue: [0-9]* working days\? late" || return 1
		done
	}
	ok "DOM: the overdue rows are marked and red, with their working days late" '[ "$overdue" = "HSCP-2026-008 HSCP-2025-012 HSCP-2026-022 " ] &&
	    [ $(grep -c "<tr class=\"overdue\">" $T/dom.html) -eq 3 ] && late_rows'
	ok "DOM: one timeline (SVG) per case" '[ $(grep -o "<svg class=\"timeline\"" $T/dom.html | wc -l) -eq 8 ]'
	ok "DOM: no name from the case files" '! grep -qFf $T/names $T/dom.html'
	ok "DOM: no script" '! grep -qi "<script" $T/dom.html'
	ok "chromium took a few seconds ($(($(date +%s) - t0)) s for four runs)" '[ $(($(date +%s) - t0)) -le 40 ]'
fi

ok "no case file was modified" '[ "$(cat examples/*.yaml | cksum)" = "$sums" ]'
