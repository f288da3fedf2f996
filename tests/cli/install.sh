# install.sh - `make install PREFIX=dir` puts every tool, man page, the
# library, its header and a working pkg-config file in place, and
# `make uninstall` takes them away again.
. tests/lib.sh

O=$(cd "$CSP_BIN/.." && pwd)
p=$T/prefix
tools=$(sed -n 's/^TOOLS = //p' Makefile)

make -s install O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
ok "make install PREFIX=dir succeeds" '[ $rc -eq 0 ]'
for t in $tools; do
	ok "installs $t" '[ -x "$p/bin/$t" ] && [ -f "$p/share/man/man1/$t.1" ]'
done
ok "installs csp-case(5) and csprcore(7)" '[ -f $p/share/man/man5/csp-case.5 ] && [ -f $p/share/man/man7/csprcore.7 ]'
ok "installs the library and header" '[ -f $p/lib/libcsprcore.a ] && [ -f $p/include/csprcore.h ]'

# a program built against the installed library through pkg-config
cat >"$T/prog.c" <<'C'
#include <csprcore.h>
int main(void)
{
	struct cspr_calendar *c = cspr_calendar_new();
	cspr_date d = cspr_add_working_days(c, cspr_date_from_ymd(2026, 12, 23), 5);
	char buf[11];
	puts(cspr_date_str(d, buf));
	cspr_calendar_free(&c);
	return 0;
}
C
PKG_CONFIG_PATH=$p/lib/pkgconfig
export PKG_CONFIG_PATH
# (with the flags of the build under test: the sanitizers need theirs)
${CC:-cc} ${CFLAGS:-} ${LDFLAGS:-} -o "$T/prog" "$T/prog.c" \
    $(pkg-config --cflags --libs --static csprcore) 2>"$T/err"
rc=$?
ok "pkg-config csprcore builds a program" '[ $rc -eq 0 ]'
run "$T/prog"
ok "which runs" '[ $rc -eq 0 ] && out_is 2027-01-04'
run "$p/bin/csp-validate" examples/
ok "the installed csp-validate works from anywhere" '[ $rc -eq 0 ]'

make -s uninstall O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
left=$(find "$p" -type f | wc -l)
ok "make uninstall removes every file it installed" '[ $rc -eq 0 ] && [ "$left" -eq 0 ]'
