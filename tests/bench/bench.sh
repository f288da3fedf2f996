#!/bin/sh
# bench.sh BUILD [N] - `make bench`: SPEC section 5's performance bars,
# measured.  Makes N realistic case files (default 100,000) in a temporary
# folder, then times over the same files: the floor (tests/bench/floor.c:
# read each file and pull its libyaml events, nothing built), and each of
# csp-validate, csp-deadlines, csp-decide, csp-notify and csp-summary (text
# and json) that the build has (BENCH_TOOLS to choose others; TOOL:OPTION
# runs the tool with one option); then csp-validate over the first N/10
# files, to show memory does not grow with N, and csp-summary, which keeps
# a small record per case; then csp-summary's HTML board over 1,000 files;
# then each tool on one small case, repeated (BENCH_REPEAT, default 200),
# process start included.
# BENCH_ALSO names more runs to show that are not bars (the tools' json).
# Each tool is timed in BENCH_ROUNDS rounds (default 3), each round the
# floor and then the tool, and the best of each is kept: a machine that is
# busier for a moment then slows a round, not the ratio.
# Prints the figures and the bars, and writes them to BUILD/bench.txt.
# A benchmark, not a test: its status is 0 unless it could not run.
set -u
O=${1:-build}
N=${2:-100000}
repeat=${BENCH_REPEAT:-200}
rounds=${BENCH_ROUNDS:-3}
tools=${BENCH_TOOLS:-csp-validate csp-deadlines csp-decide csp-notify csp-summary csp-summary:--format=json}
# measured and shown too, but not among SPEC section 5's bars (which are
# each tool in its own format, and csp-summary's json): what scripts use
also=${BENCH_ALSO-csp-decide:--format=json csp-notify:--format=json csp-deadlines:--format=json}
B=$O/bench
small=examples/01-referral.yaml
export TZ=Europe/London LC_ALL=C CSP_TODAY=2026-11-26
unset CSP_HOLIDAYS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/csp-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
out=$O/bench.txt
: >"$out.tmp"

say() { printf '%s\n' "$*" | tee -a "$out.tmp"; }
# stat CMD...: "wall user sys maxrss status" for one run, stdout discarded
stat() { "$B/runstat" "$@"; }

tenth=$((N / 10))
[ "$tenth" -ge 1 ] || tenth=1
mkdir "$tmp/all" "$tmp/tenth"
t0=$(date +%s)
"$B/gen" "$tmp/all" "$N" || exit 2
# the first tenth again, in a folder of their own (the same seed makes the
# same files)
"$B/gen" "$tmp/tenth" "$tenth" || exit 2
bytes=$(find "$tmp/all" -name '*.yaml' -exec cat {} + | wc -c)
say "csp bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
say "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), $(uname -sr)"
say "files: $N generated in $(($(date +%s) - t0)) s, $((bytes / 1048576)) MiB, $((bytes / N)) bytes on average"

# are they all valid?  (an invalid file is refused early and would flatter
# the tools)
set -- $(stat "$O/bin/csp-validate" -q "$tmp/all")
[ "$5" -eq 0 ] || say "warning: csp-validate exit $5: not every generated file is valid"

# best CMD...: the fastest of $rounds runs of the floor and of the command,
# taken in turn, each as "wall user sys maxrss status": the floor's in $fl,
# the command's in $bl
best() {
	_b=
	_f=
	_i=0
	while [ "$_i" -lt "$rounds" ]; do
		_r=$(stat "$B/floor" "$tmp/all")
		_f=$(printf '%s\n%s\n' "$_f" "$_r" | awk 'NF && (!n || $1 < w) { w = $1; l = $0; n = 1 } END { print l }')
		_r=$(stat "$@")
		_b=$(printf '%s\n%s\n' "$_b" "$_r" | awk 'NF && (!n || $1 < w) { w = $1; l = $0; n = 1 } END { print l }')
		_i=$((_i + 1))
	done
	fl=$_f
	bl=$_b
}

# the page cache warmed, then the floor
stat "$B/floor" "$tmp/all" >/dev/null
best "$B/floor" "$tmp/all"
set -- $fl
floor=$1
floor_cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { print u + s }')
say ""
say "(best of $rounds rounds, each the floor and then the tool; x floor is"
say "against the floor's best in the tool's own rounds)"
say "(cpu x floor: user and system time against the floor's, steadier than"
say "the wall clock when the machine is shared)"
say "over $N files          files/s   time   x floor   cpu x floor   peak RSS   exit"
row() { # name wall user sys maxrss status [floor-wall floor-cpu]
	awk -v name="$1" -v w="$2" -v f="${7:-$floor}" -v n="$N" -v c="$3" -v sy="$4" \
	    -v fc="${8:-$floor_cpu}" -v rss="$5" -v st="$6" \
	    'BEGIN { printf "%-20s %10.0f %6.2fs %8.2f  %12.2f  %7.1f MiB   %d\n", name, n / w, w, w / f, (c + sy) / fc, rss / 1024, st }' |
	    tee -a "$out.tmp"
}
row floor "$1" "$2" "$3" "$4" "$5"
worst_ratio=1
worst_rss=$4
summary_rss=0
for t in $tools -- $also; do
	if [ "$t" = -- ]; then
		[ -n "$also" ] && say "for scripts, not among SPEC section 5's bars:"
		bar_row=
		continue
	fi
	bin=${t%%:*}
	opt=
	[ "$bin" = "$t" ] || opt=${t#*:}
	if [ ! -x "$O/bin/$bin" ]; then
		say "$(printf '%-20s (not built yet: skipped)' "$t")"
		continue
	fi
	best "$O/bin/$bin" $opt "$tmp/all"
	set -- $fl
	f_wall=$1
	f_cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { print u + s }')
	set -- $bl
	row "$bin${opt:+ ${opt#--format=}}" "$1" "$2" "$3" "$4" "$5" "$f_wall" "$f_cpu"
	[ -z "${bar_row-1}" ] && continue
	worst_ratio=$(awk -v a="$worst_ratio" -v w="$1" -v f="$f_wall" 'BEGIN { r = w / f; print (r > a ? r : a) }')
	# csp-summary's record per case is reported on its own, below
	if [ "$bin" = csp-summary ]; then
		[ "$4" -gt "$summary_rss" ] && summary_rss=$4
	elif [ "$4" -gt "$worst_rss" ]; then
		worst_rss=$4
	fi
done

# Memory in N.  The walk (cspr_walk, the floor's too) keeps the names of
# a folder's files to visit them in sorted order; everything else should
# not grow with N.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
say ""
set -- $(stat "$O/bin/csp-validate" "$tmp/tenth")
rss_tenth=$4
set -- $(stat "$O/bin/csp-validate" "$tmp/all")
rss_all=$4
set -- $(stat "$B/floor" "$tmp/tenth")
floor_tenth=$4
set -- $(stat "$B/floor" "$tmp/all")
floor_all=$4
say "memory in N: csp-validate peak RSS $(mib "$rss_tenth") MiB over $tenth files, $(mib "$rss_all") MiB over $N;"
say "  the floor $(mib "$floor_tenth") and $(mib "$floor_all") MiB: the sorted walk keeps each name in a folder,"
say "  $(awk -v a="$floor_tenth" -v b="$floor_all" -v n="$N" -v t="$tenth" 'BEGIN { printf "%.0f", (b - a) * 1024 / (n - t) }') bytes a file; beyond that the tool grows $(awk -v a="$rss_tenth" -v b="$rss_all" -v c="$floor_tenth" -v d="$floor_all" 'BEGIN { printf "%+.1f", (b - a - (d - c)) / 1024 }') MiB"

if [ -x "$O/bin/csp-summary" ]; then
	set -- $(stat "$O/bin/csp-summary" "$tmp/tenth")
	sum_tenth=$4
	say "csp-summary keeps a record per case: peak RSS $(mib "$sum_tenth") MiB over $tenth files, $(mib "$summary_rss") MiB over $N;"
	say "  $(awk -v a="$sum_tenth" -v b="$summary_rss" -v c="$floor_tenth" -v d="$floor_all" -v n="$N" -v t="$tenth" 'BEGIN { printf "%.0f", ((b - a) - (d - c)) * 1024 / (n - t) }') bytes a case beyond the walk's names"
	# the board, for a partnership's folder
	mkdir "$tmp/thousand"
	"$B/gen" "$tmp/thousand" 1000 >/dev/null || exit 2
	set -- $(stat "$O/bin/csp-summary" --format html "$tmp/thousand")
	html_s=$1
	"$O/bin/csp-summary" --format html "$tmp/thousand" >"$tmp/board.html"
	say "csp-summary --format html over 1000 files: $(awk -v w="$html_s" 'BEGIN { printf "%.2f", w }') s, $(($(wc -c <"$tmp/board.html") / 1024)) KiB of HTML, peak RSS $(mib "$4") MiB"
fi

say ""
say "one small case ($small), mean of $repeat runs, process start included"
worst_ms=0
for t in floor $tools; do
	opt=
	if [ "$t" = floor ]; then bin=$B/floor; else bin=$O/bin/${t%%:*}; fi
	[ "${t%%:*}" = "$t" ] || opt=${t#*:}
	[ -x "$bin" ] || continue
	set -- $(stat -n "$repeat" "$bin" $opt "$small")
	ms=$(awk -v w="$1" 'BEGIN { printf "%.2f", w * 1000 }')
	say "$(printf '%-20s %6s ms   peak RSS %s MiB' "$t" "$ms" "$(awk -v k="$4" 'BEGIN { printf "%.1f", k / 1024 }')")"
	[ "$t" = floor ] || worst_ms=$(awk -v a="$worst_ms" -v b="$ms" 'BEGIN { print (b > a ? b : a) }')
done

# the bars of SPEC section 5
bar() { # ok? text
	if [ "$1" = 1 ]; then say "  met:    $2"; else say "  MISSED: $2"; fi
}
say ""
say "SPEC section 5:"
bar "$(awk -v r="$worst_ratio" 'BEGIN { print (r <= 2 ? 1 : 0) }')" \
    "each tool within 2x of the floor (worst $(awk -v r="$worst_ratio" 'BEGIN { printf "%.2f", r }')x)"
bar "$(awk -v k="$worst_rss" 'BEGIN { print (k < 16384 ? 1 : 0) }')" \
    "peak memory under 16 MiB, csp-summary apart (worst $(awk -v k="$worst_rss" 'BEGIN { printf "%.1f", k / 1024 }') MiB)"
[ -n "${html_s:-}" ] && bar "$(awk -v w="$html_s" 'BEGIN { print (w < 0.5 ? 1 : 0) }')" \
    "csp-summary's board over 1000 files well under a second ($(awk -v w="$html_s" 'BEGIN { printf "%.2f", w }') s)"
# SPEC allows the walk's names (the floor's growth, tens of bytes a file):
# beyond those the tool may not grow
bar "$(awk -v a="$rss_tenth" -v b="$rss_all" -v c="$floor_tenth" -v d="$floor_all" 'BEGIN { print (b - (d - c) <= a * 1.1 + 1024 ? 1 : 0) }')" \
    "peak memory flat in N (x10 files: +$(awk -v a="$rss_tenth" -v b="$rss_all" 'BEGIN { printf "%.1f", (b - a) / 1024 }') MiB, of which the walk's names +$(awk -v c="$floor_tenth" -v d="$floor_all" 'BEGIN { printf "%.1f", (d - c) / 1024 }') MiB)"
bar "$(awk -v m="$worst_ms" 'BEGIN { print (m <= 5 ? 1 : 0) }')" \
    "one small case in a few milliseconds (worst $worst_ms ms)"
mv "$out.tmp" "$out"
echo "(written to $out)"
