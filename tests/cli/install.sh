# install.sh - `make install PREFIX=dir` puts every tool, man page, the
# libraries (static and shared), the header and a pkg-config file that
# links programs both ways in place, and `make uninstall` takes them away
# again.
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

# the shared library beside the archive: the real file, the soname link
# ldconfig would make, and the link a linker looks for
version=$(sed -n 's/^VERSION = //p' Makefile)
soname=libcsprcore.so.${version%.*}
ok "installs libcsprcore.so.$version, $soname and libcsprcore.so" '[ -f $p/lib/libcsprcore.so.$version ] &&
    [ "$(readlink $p/lib/$soname)" = libcsprcore.so.$version ] && [ "$(readlink $p/lib/libcsprcore.so)" = $soname ]'
ok "its soname is $soname" 'readelf -d $p/lib/libcsprcore.so.$version | grep -q "(SONAME).*\[$soname\]"'
# it exports exactly what csprcore.h declares: nothing internal
grep -oE '\<cspr_[a-z0-9_]+[[:space:]]*[([]' lib/csprcore.h | sed 's/[[:space:]]*[([]$//' |
    LC_ALL=C sort -u >"$T/declared"
nm -D --defined-only "$p/lib/libcsprcore.so.$version" | awk '{ print $3 }' | LC_ALL=C sort >"$T/exported"
ok "it exports what csprcore.h declares" '[ -s $T/exported ] && [ -z "$(LC_ALL=C comm -13 $T/declared $T/exported)" ] &&
    [ "$(wc -l <$T/exported)" -ge 100 ]'
ok "and nothing internal (cspr_read_file, cspr_grow)" '! grep -qx -e cspr_read_file -e cspr_grow $T/exported'

# a program built against the installed library through pkg-config, both
# ways; it uses jansson as csprcore.h's users do
cat >"$T/prog.c" <<'C'
#include <stdlib.h>
#include <csprcore.h>
int main(void)
{
	struct cspr_calendar *c = cspr_calendar_new();
	struct cspr_when w = {0, CSPR_WHEN_DATE};
	cspr_date d = cspr_add_working_days(c, cspr_date_from_ymd(2026, 12, 23), 5);
	json_t *j;
	char *s;

	w.t = (cspr_time)d * 24 * 60;
	j = cspr_when_json(w);
	s = json_dumps(j, JSON_ENCODE_ANY);
	puts(s);
	free(s);
	json_decref(j);
	cspr_calendar_free(&c);
	return 0;
}
C
PKG_CONFIG_PATH=$p/lib/pkgconfig
export PKG_CONFIG_PATH
ok "pkg-config --libs: the library and jansson, whose values it hands out" '[ "$(echo $(pkg-config --libs csprcore))" = "-L$p/lib -lcsprcore -ljansson" ]'
ok "pkg-config --libs --static: libyaml too" 'pkg-config --libs --static csprcore | grep -q -- "-lcsprcore .*-lyaml"'
ok "pkg-config --cflags: the include folder" 'pkg-config --cflags csprcore | grep -q -- "-I$p/include"'

# dynamically (with the flags of the build under test: the sanitizers need
# theirs), as `cc prog.c $(pkg-config --cflags --libs csprcore)` does
${CC:-cc} ${CFLAGS:-} ${LDFLAGS:-} -o "$T/prog" "$T/prog.c" \
    $(pkg-config --cflags --libs csprcore) 2>"$T/err"
rc=$?
ok "pkg-config csprcore builds a program against the shared library" '[ $rc -eq 0 ] &&
    readelf -d $T/prog | grep -q "(NEEDED).*\[$soname\]"'
LD_LIBRARY_PATH=$p/lib run "$T/prog"
ok "which runs" '[ $rc -eq 0 ] && out_is "\"2027-01-04\""'

# statically, the whole program: pkg-config --static gives what the archive
# needs (the sanitizers have no static runtime, so not in their builds)
case "${CFLAGS:-}" in
*-fsanitize*)
	n=$((n + 1)); echo "ok $n # SKIP static linking in a sanitizer build" ;;
*)
	${CC:-cc} ${CFLAGS:-} -static -o "$T/prog-static" "$T/prog.c" \
	    $(pkg-config --cflags --libs --static csprcore) 2>"$T/err"
	rc=$?
	ok "pkg-config --static csprcore builds a static program" '[ $rc -eq 0 ] && ! readelf -d $T/prog-static | grep -q NEEDED'
	run "$T/prog-static"
	ok "which runs" '[ $rc -eq 0 ] && out_is "\"2027-01-04\""'
	;;
esac
run "$p/bin/csp-validate" examples/
ok "the installed csp-validate works from anywhere" '[ $rc -eq 0 ]'

make -s uninstall O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
left=$(find "$p" -type f | wc -l)
ok "make uninstall removes every file it installed" '[ $rc -eq 0 ] && [ "$left" -eq 0 ]'
