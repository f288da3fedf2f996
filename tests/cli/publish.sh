# publish.sh - csp-publish-check's contract: the Child C report passes and
# its planted twin yields exactly its six planted findings, each at its
# line:col; the report found from the case or given by --report, on stdin,
# or as pandoc's and pdftotext's plain text; the options and their limits;
# privacy; reports that cannot be read; usage errors and a full disk.
# Tests run with CSP_TODAY=2026-11-26.
. tests/lib.sh

sums=$(cat examples/*.yaml examples/reports/* | cksum)
case=examples/05-published.yaml
clean=examples/reports/HSCP-2025-012.md
planted=examples/reports/HSCP-2025-012-planted.md
ontime=tests/data/publish/05-on-time.yaml
# found: the findings placed in the report, as "line:col check kind"
found() { sed -n "s|^$1:\([0-9]*:[0-9]*\): \([a-z-]*\)\( (\([a-z_]*\))\)\{0,1\}: .*|\1 \2 \4|p" "$T/out" | sed 's/ $//'; }

# ---- the clean report passes ----

run csp-publish-check $case
ok "the clean report: nothing in it, publishable, exit 1 for the case's late copy to Ofsted" '[ $rc -eq 1 ] && [ ! -s $T/err ] && [ -z "$(found $clean)" ] && out_has "Publishable: yes, on these checks; the 1 finding about the partnership'"'"'s" && [ "$(grep -c ": copy-to-ofsted: " $T/out)" -eq 1 ] && [ "$(grep -c "^[^ ].*:[0-9]*:[0-9]*: " $T/out)" -eq 0 ]'
ok "the case's finding after the case file's name" 'out_has "examples/05-published.yaml: copy-to-ofsted: The report went to Ofsted on 2026-09-08, 1 working day after it was due on 2026-09-07, seven working days after the report was completed (9.16.2)."'
run csp-publish-check $ontime
ok "the clean report with every copy on time: exit 0" '[ $rc -eq 0 ] && [ ! -s $T/err ] && out_has "Publishable: yes, on these checks." && ! grep -q ": [a-z-]*: " $T/out'
run csp-publish-check --format json $case
ok "JSON: publishable, no finding in the report, the scores" '[ $rc -eq 1 ] && [ "$(jq -c "[.publishable, ([.findings[] | select(.line != null)] | length), .readability.long_sentences, (.readability.flesch_reading_ease >= 30), (.readability.flesch_kincaid_grade <= 14)]" $T/out)" = "[true,0,0,true,true]" ]'
ok "JSON: the keys of SPEC, in order (and available_until, words_per_sentence)" '[ "$(jq -c "[keys_unsorted, (.readability | keys_unsorted), (.findings[0] | keys_unsorted)]" $T/out)" = "[[\"case\",\"report\",\"publishable\",\"readability\",\"available_until\",\"findings\"],[\"words\",\"sentences\",\"flesch_reading_ease\",\"flesch_kincaid_grade\",\"long_sentences\",\"words_per_sentence\"],[\"check\",\"para\",\"line\",\"col\",\"kind\",\"message\"]]" ]'
ok "the clean report has none of the case's names, by grep too" '! grep -Ewi "Bonnie|Dummyworth|Saffron|Jasper|Jas|Nottaname|Hattie|Notreal|Felix|Phantom|Mock Terrace|ZZ99|999 000 0069|01632" $clean'
ok "the clean report names the reviewer and spells out its acronyms" 'grep -q "Olwen Examplereviewer" $clean && grep -q "Learning and Inquiry Group (LIG)" $clean && grep -q "Integrated Care Board (ICB)" $clean'

# ---- the planted report: exactly its six findings, each in its place ----

ok "the planted report is the clean one with six planted lines" '[ "$(diff $clean $planted | grep -E "^[0-9]" | tr "\n" " ")" = "88c88 103c103 113c113 158c158 165c165 197,200c197,200 " ]'
run csp-publish-check --report $planted $case
ok "planted: exit 1, publishable no" '[ $rc -eq 1 ] && [ ! -s $T/err ] && out_has "Publishable: no: 6 findings above to resolve first."'
ok "planted: exactly the six planted findings, at their line:col" '[ "$(found $planted | tr "\n" ";")" = "88:13 identifier name;103:21 identifier dob;113:57 identifier postcode;158:45 acronym;165:21 identifier nhs_number;197:1 long-sentence;" ]'
ok "planted: the name, a person's, written as the case's label" 'out_has "$planted:88:13: identifier (name): A name from the case; write \"Mother\" instead (9.12.2, 9.15.2, 9.4.3)."'
ok "planted: the date of birth" 'out_has "$planted:103:21: identifier (dob): A date of birth from the case; give an age instead (9.12.2, 9.15.2, 9.4.3)."'
ok "planted: the postcode" 'out_has "$planted:113:57: identifier (postcode): A postcode; remove it (9.12.2, 9.15.2, 9.4.3)."'
ok "planted: the undefined acronym, named" 'out_has "$planted:158:45: acronym: \"MASH\" is not spelled out at its first use (9.12.2)."'
ok "planted: the NHS number" 'out_has "$planted:165:21: identifier (nhs_number): An NHS number; remove it (9.12.2, 9.15.2, 9.4.3)."'
ok "planted: the 60-word sentence" 'out_has "$planted:197:1: long-sentence: A sentence of 60 words, over the 25 that is easy to follow; split it (9.12.2)."'
ok "planted: each place is where the planted text starts" '[ "$(sed -n 88p $planted | cut -c13-19)" = Saffron ] && [ "$(sed -n 103p $planted | cut -c21-35)" = "20 January 2025" ] && [ "$(sed -n 113p $planted | cut -c57-64)" = "ZZ99 2PQ" ] && [ "$(sed -n 158p $planted | cut -c45-48)" = MASH ] && [ "$(sed -n 165p $planted | cut -c21-32)" = "999 000 0069" ] && [ "$(sed -n 197p $planted | cut -c1-10)" = "Staff told" ]'
ok "planted: the text found is never shown" '! grep -Eq "Saffron|20 January 2025|ZZ99|999 000 0069" $T/out'
ok "planted: the case's one finding as with the clean report" '[ "$(grep -c "^examples/05-published.yaml:" $T/out)" -eq 1 ]'
run csp-publish-check --format json --report $planted $case
ok "planted JSON: six findings with a place, the kinds, publishable false" '[ $rc -eq 1 ] && [ "$(jq -c "[.publishable, [.findings[] | select(.line != null) | [.line, .col, .check, .kind]]]" $T/out)" = "[false,[[88,13,\"identifier\",\"name\"],[103,21,\"identifier\",\"dob\"],[113,57,\"identifier\",\"postcode\"],[158,45,\"acronym\",null],[165,21,\"identifier\",\"nhs_number\"],[197,1,\"long-sentence\",null]]]" ]'
ok "planted JSON: one long sentence in the scores" '[ "$(jq .readability.long_sentences $T/out)" = 1 ]'

# ---- where the report comes from ----

run_in $planted csp-publish-check --report - $case
ok "--report -: the report on stdin, shown as <stdin>" '[ $rc -eq 1 ] && [ "$(found "<stdin>" | tr "\n" ";")" = "88:13 identifier name;103:21 identifier dob;113:57 identifier postcode;158:45 acronym;165:21 identifier nhs_number;197:1 long-sentence;" ] && out_has "HSCP-2025-012: final report <stdin>"'
(cd examples && csp-publish-check - <05-published.yaml >"$T/out" 2>"$T/err")
rc=$?
ok "a case on stdin: report.file from the current folder" '[ $rc -eq 1 ] && out_has "HSCP-2025-012: final report reports/HSCP-2025-012.md" && out_has "<stdin>: copy-to-ofsted"'
run csp-publish-check --report tests/data/reports/HSCP-2025-012-layout.txt $case
ok "pdftotext -layout text (capitals, numbered headings, page breaks): nothing in the report" '[ $rc -eq 1 ] && [ -z "$(found tests/data/reports/HSCP-2025-012-layout.txt)" ] && ! out_has missing- && out_has "Publishable: yes"'
if command -v pandoc >/dev/null 2>&1; then
	pandoc -f markdown -t plain $clean | csp-publish-check --report - $case >"$T/out" 2>"$T/err"
	rc=$?
	ok "pandoc -t plain: the headings found, nothing in the report" '[ $rc -eq 1 ] && [ -z "$(found "<stdin>")" ] && ! out_has missing-'
	pandoc -f markdown -t plain $planted | csp-publish-check --report - $case >"$T/out" 2>"$T/err"
	ok "pandoc -t plain, planted: the six findings" '[ "$(found "<stdin>" | cut -d" " -f2- | tr "\n" ";")" = "identifier name;identifier dob;identifier postcode;acronym;identifier nhs_number;long-sentence;" ]'
else
	n=$((n + 2))
	echo "ok $((n - 1)) # SKIP pandoc is not installed"
	echo "ok $n # SKIP pandoc is not installed"
fi
run csp-publish-check examples/
ok "a folder: each case, with its report or without" '[ $rc -eq 1 ] && [ "$(grep -c "^HSCP-" $T/out)" -eq 8 ] && [ "$(grep -c ": no report to check (no report.file in the case, and no --report)$" $T/out)" -eq 7 ]'
run csp-publish-check examples/04-review.yaml
ok "no report: the case's checks only, verdict unknown" '[ $rc -eq 1 ] && out_has "examples/04-review.yaml: late-publication: The report is not published, and the six months from the decision ended on 2026-11-11, 11 working days ago; the reasons for the delay are recorded but have not been sent to the Secretary of State (9.16.1, 9.16.3)." && out_has "Publishable: not known without the report."'
run csp-publish-check --format json examples/06-closed.yaml
ok "no report in JSON: nulls, and how long it stays available" '[ $rc -eq 0 ] && out_is "{\"case\":\"HSCP-2024-037\",\"report\":null,\"publishable\":null,\"readability\":null,\"available_until\":\"2026-06-13\",\"findings\":[]}"'

# ---- the options ----

run csp-publish-check --report $planted --long-sentence 60 --acronyms MASH,CAMHS $case
ok "--long-sentence and --acronyms: those findings go" '[ "$(found $planted | cut -d" " -f2 | sort -u | tr "\n" " ")" = "identifier " ]'
run csp-publish-check --report $planted --long-sentence 59 $case
ok "--long-sentence 59: the 60-word sentence is still long" 'out_has "197:1: long-sentence: A sentence of 60 words, over the 59 that"'
run csp-publish-check --min-reading-ease 80 --max-grade 5.5 $case
ok "--min-reading-ease, --max-grade: the scores judged, and shown against them" '[ $rc -eq 1 ] && out_has "HSCP-2025-012.md: readability: The Flesch Reading Ease is 71.2, below 80: the report is hard for the public to read (9.12.2)." && out_has "HSCP-2025-012.md: readability: The Flesch-Kincaid grade is 5.7, above 5.5:" && tr "\n" " " <$T/out | tr -s " " | grep -qF "(80 or more wanted), Flesch-Kincaid grade 5.7 (5.5 or less wanted)" && out_has "Publishable: no"'
run csp-publish-check --improvements-headings "actions agreed, next steps" --analysis-headings " why ,systemic" $case
ok "--improvements-headings: other words, and what was looked for is said" '[ $rc -eq 1 ] && out_has "HSCP-2025-012.md: missing-improvements: No heading introduces a summary of recommended improvements; the headings looked for hold \"actions agreed\", \"next steps\" (9.12.1)." && ! out_has missing-analysis'
run csp-publish-check -q --report $planted $case
ok "-q: nothing printed, the status tells" '[ $rc -eq 1 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
run csp-publish-check -q $ontime
ok "-q with nothing to find: exit 0" '[ $rc -eq 0 ] && [ ! -s $T/out ]'
run csp-publish-check --names $case
ok "--names: the child named in the heading only" '[ "$(head -n 1 $T/out)" = "HSCP-2025-012 (Bonnie Dummyworth): final report examples/reports/HSCP-2025-012.md" ] && [ $(grep -c Bonnie $T/out) -eq 1 ]'
run csp-publish-check examples/
ok "no name, date of birth, postcode or NHS number in any output" '! grep -Eq "Bonnie|Dummyworth|Saffron|Nottaname|Notreal|Phantom|ZZ99|999 000|2025-01-20" $T/out'
run csp-publish-check --today 2027-09-21 $ontime
ok "--today: the year is over on the anniversary" 'out_has "Published on 2026-09-21: the one year it had to stay available ended on"'

# ---- reports that cannot be read, and usage errors ----

run csp-publish-check --report no-such-report.md $case
ok "a missing report: exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ] && err_is "csp-publish-check: no-such-report.md: cannot open: No such file or directory"'
run csp-publish-check --format json --report no-such-report.md $case
ok "a missing report in JSON: the report, its case and the error" '[ $rc -eq 2 ] && out_is "{\"file\":\"no-such-report.md\",\"case\":\"HSCP-2025-012\",\"errors\":[{\"line\":null,\"col\":null,\"path\":null,\"message\":\"cannot open: No such file or directory\"}]}"'
sed 's|^  file: .*|  file: missing.md|' $ontime >"$T/missing.yaml"
run csp-publish-check "$T/missing.yaml" examples/06-closed.yaml
ok "a case whose report.file is missing: exit 2, the others still done" '[ $rc -eq 2 ] && err_is "csp-publish-check: $T/missing.md: cannot open: No such file or directory" && out_has "HSCP-2024-037: no report"'
run csp-publish-check --report examples $case
ok "a folder for a report: exit 2" '[ $rc -eq 2 ] && err_is "csp-publish-check: examples: cannot read: Is a directory"'
printf '# Report\nText\000more\n' >"$T/nul.md"
run csp-publish-check --report "$T/nul.md" $case
ok "a NUL byte: not a text file, exit 2, with its place" '[ $rc -eq 2 ] && err_is "$T/nul.md:2:5: error: not a text file: a NUL byte"'
run_in "$T/nul.md" csp-publish-check --report - $case
ok "a NUL byte on stdin: placed at <stdin>" '[ $rc -eq 2 ] && err_is "<stdin>:2:5: error: not a text file: a NUL byte"'
run_in "$T/nul.md" csp-publish-check --stdin-name draft.md --report - $case
ok "a NUL byte on stdin with --stdin-name: placed at the name" '[ $rc -eq 2 ] && err_is "draft.md:2:5: error: not a text file: a NUL byte"'
printf '%%PDF-1.7\n' | csp-publish-check --stdin-name draft.pdf --report - $case >"$T/out" 2>"$T/err"
rc=$?
ok "a PDF on stdin with --stdin-name: the name" '[ $rc -eq 2 ] && err_is "csp-publish-check: draft.pdf: not a text file: a PDF file: convert it with pdftotext first"'
printf '%%PDF-1.7\n' | csp-publish-check --format json --stdin-name draft.pdf --report - $case >"$T/out" 2>"$T/err"
rc=$?
ok "a PDF on stdin with --stdin-name, JSON: the name as the file" '[ $rc -eq 2 ] && [ "$(jq -c "[.file, .case, .errors[0].message]" $T/out)" = "[\"draft.pdf\",\"HSCP-2025-012\",\"not a text file: a PDF file: convert it with pdftotext first\"]" ]'
run_in $planted csp-publish-check --stdin-name draft.md --report - $case
ok "--report - with --stdin-name: findings placed at the name" '[ $rc -eq 1 ] && [ "$(found draft.md | head -n 1)" = "88:13 identifier name" ] && out_has "HSCP-2025-012: final report draft.md"'
printf '%%PDF-1.7\n' >"$T/r.pdf"
run csp-publish-check --report "$T/r.pdf" $case
ok "a PDF: says to use pdftotext" '[ $rc -eq 2 ] && err_is "csp-publish-check: $T/r.pdf: not a text file: a PDF file: convert it with pdftotext first"'
printf 'PK\003\004rest' >"$T/r.docx"
run csp-publish-check --report "$T/r.docx" $case
ok "a Word file: says to use pandoc" '[ $rc -eq 2 ] && err_is "csp-publish-check: $T/r.docx: not a text file: a Word (or other zip) file: convert it with pandoc first"'
run csp-publish-check --report $clean $case examples/06-closed.yaml
ok "--report with two cases: usage error" '[ $rc -eq 2 ] && err_is "csp-publish-check: --report goes with one case file"'
run csp-publish-check --report $clean examples/
ok "--report with a folder: usage error" '[ $rc -eq 2 ] && err_is "csp-publish-check: --report goes with one case file"'
run_in $case csp-publish-check --report -
ok "--report - with the case on stdin: usage error" '[ $rc -eq 2 ] && err_is "csp-publish-check: --report - and the case cannot both be standard input"'
for bad in "--long-sentence 0" "--long-sentence 2.5" "--long-sentence x" "--max-grade 1e9" "--min-reading-ease abc" "--acronyms ,," "--improvements-headings  "; do
	run csp-publish-check $bad $case
	ok "bad value $bad: exit 2" '[ $rc -eq 2 ] && [ ! -s $T/out ] && [ $(wc -l <$T/err) -eq 1 ]'
done
run csp-publish-check --long-sentence x $case
ok "a bad number: what was wanted" 'err_is "csp-publish-check: --long-sentence: not a whole number from 1 to 10000: x"'
run csp-publish-check --acronyms , $case
ok "an empty list" 'err_is "csp-publish-check: --acronyms: an empty list"'
run csp-publish-check tests/data/invalid/bad-dates.yaml
ok "an invalid case: exit 2, not checked" '[ $rc -eq 2 ] && err_has "tests/data/invalid/bad-dates.yaml:7:8: error: .child.dob: must be a date" && [ ! -s $T/out ]'
run csp-publish-check --bogus
ok "unknown option: usage, exit 2" '[ $rc -eq 2 ] && err_has "usage: csp-publish-check [-q] [--format text|json] [--report file]"'
run csp-publish-check --help
ok "--help on stdout, exit 0" '[ $rc -eq 0 ] && out_has "--min-reading-ease N" && out_has "(30)" && out_has "(14)" && out_has "(25)"'
run csp-publish-check --version
ok "--version" '[ $rc -eq 0 ] && out_is "csp-publish-check (csp) 0.1.0"'
csp-publish-check $case >/dev/full 2>"$T/err"
rc=$?
ok "output to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-publish-check: cannot write output: No space left on device"'
csp-publish-check --format json $case >/dev/full 2>"$T/err"
rc=$?
ok "JSON to a full disk: exit 2" '[ $rc -eq 2 ] && err_has "csp-publish-check: cannot write output"'

ok "no file was modified" '[ "$(cat examples/*.yaml examples/reports/* | cksum)" = "$sums" ]'
