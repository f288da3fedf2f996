# twins.sh - awkward but valid case files are read as their plain twins:
# every example saved with CRLF line ends (a case saved on Windows), with a
# UTF-8 byte-order mark, with very long text fields (a 1 MiB block scalar,
# a 512 KiB quoted line), and with non-ASCII names (every name's vowels
# accented, in the case and in any report beside it, so that the same
# words are found at the same line:col).  Every tool in the build gives the
# same output, diagnostics and exit status on each twin folder as on the
# plain one, in text and in JSON, but for the folder's name.  Under
# tests/valgrind.sh (CSP_VALGRIND set) the long fields are a hundredth as
# long and only text is compared.
. tests/lib.sh

if [ -n "${CSP_VALGRIND:-}" ]; then
	scale=100 formats=text
else
	scale=1 formats="text json"
fi

tools=$(cd "$CSP_BIN" && ls)
mkdir -p "$T/plain" "$T/crlf" "$T/bom" "$T/long" "$T/names"
# the examples and anything beside them (the reports, in their folder)
cp -R examples/. "$T/plain/"
for k in crlf bom long names; do
	cp -R examples/. "$T/$k/"
done

# every name in the examples, and its accented twin, as a sed script
sed -n 's/.*\(^\|[ {]\)\(first_name\|last_name\|name\): *\([^,}#]*[^,}# ]\).*/\3/p' \
    examples/*.yaml | sort -u >"$T/names.txt"
while IFS= read -r name; do
	acc=$(printf '%s\n' "$name" |
	    sed 's/a/á/g; s/e/é/g; s/i/í/g; s/o/ö/g; s/u/ü/g')
	re=$(printf '%s\n' "$name" | sed 's/[][\.*^$/]/\\&/g')
	printf 's/%s/%s/g\n' "$re" "$acc"
done <"$T/names.txt" >"$T/names.sed"
ok "names found to accent" '[ "$(wc -l <$T/names.txt)" -gt 20 ]'

for f in examples/* examples/*/*; do
	[ -d "$f" ] && continue
	b=${f#examples/}
	case $b in
	*.yaml) ;;
	*) sed -f "$T/names.sed" "$f" >"$T/names/$b"; continue ;;
	esac
	sed 's/$/\r/' "$f" >"$T/crlf/$b"
	{ printf '\357\273\277'; cat "$f"; } >"$T/bom/$b"
	sed -f "$T/names.sed" "$f" >"$T/names/$b"
	# the incident summary a 1 MiB block, the referral outline a 512 KiB
	# quoted line; the old value's continuation lines dropped
	awk -v scale=$scale '
	function words(n,   s, t) {
		s = "Everything in this account is invented for the tests. "
		t = s; while (length(t) < n) t = t t
		return substr(t, 1, n)
	}
	skip && /^    / { next }
	{ skip = 0 }
	/^  summary:/ {
		print "  summary: |"
		line = words(100)
		for (i = 0; i < 10486 / scale; i++) print "    " line
		skip = 1; next
	}
	/^  outline:/ {
		print "  outline: \"" words(524288 / scale) "\""
		skip = 1; next
	}
	{ print }' "$f" >"$T/long/$b"
done
ok "the CRLF twins have CRs" 'grep -q "$(printf "\r")" $T/crlf/01-referral.yaml'
ok "the long twins are long" '[ "$(wc -c <$T/long/01-referral.yaml)" -gt $((1500000 / scale)) ]'
ok "the names twins differ" '! cmp -s $T/names/04-review.yaml examples/04-review.yaml &&
    grep -q "Zíggy" $T/names/04-review.yaml'

for k in crlf bom long names; do
	run csp-validate "$T/$k"
	ok "csp-validate: the $k twins are valid" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
done

for t in $tools; do
	for fmt in $formats; do
		run "$t" --format $fmt "$T/plain"
		prc=$rc
		mv "$T/out" "$T/plain.out"
		mv "$T/err" "$T/plain.err"
		for k in crlf bom long names; do
			run "$t" --format $fmt "$T/$k"
			sed "s|$T/$k/|$T/plain/|g" "$T/out" >"$T/out.x"
			sed "s|$T/$k/|$T/plain/|g" "$T/err" >"$T/err.x"
			mv "$T/out.x" "$T/out"
			mv "$T/err.x" "$T/err"
			ok "$t --format $fmt: $k twins exit as the plain ($prc)" '[ $rc -eq $prc ]'
			same "$t --format $fmt: $k twins, the same output" "$T/plain.out" out
			same "$t --format $fmt: $k twins, the same diagnostics" "$T/plain.err" err
		done
	done
done
