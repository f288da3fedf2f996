/*
 * text.c - the text layer: how the library reads the bytes of a report or
 * of free text before any rule looks at them.
 *
 * A report is UTF-8.  One that is not (a Word document saved as "Text
 * only" on Windows writes Windows-1252) is decoded as Windows-1252 rather
 * than read as bytes: "Chloë" with the byte 0xEB is then the name it is,
 * and the detector finds it.  Every byte of Windows-1252 is one
 * character, so a line:col in the decoded text is the same in the file.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Windows-1252's 0x80-0x9F; the five bytes it leaves undefined are the C1
 * controls of the same number, as browsers decode them. */
/* clang-format off */
static const uint16_t cp1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};
/* clang-format on */

int
cspr_text_is_utf8(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		n = cspr_u8next(s, len, i, &cp);
		/* U+FFFD from one byte is the decoder's mark for a bad one */
		if (cp == 0xfffd && n == 1)
			return 0;
		i += n;
	}
	return 1;
}

char *
cspr_text_from_cp1252(const char *text, size_t len, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t o = 0;
	char *out;

	if (len > (SIZE_MAX - 1) / 3 || !(out = malloc(len * 3 + 1)))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = s[i] >= 0x80 && s[i] < 0xa0 ?
		    cp1252[s[i] - 0x80] : s[i];

		if (cp < 0x80) {
			out[o++] = (char)cp;
		} else if (cp < 0x800) {
			out[o++] = (char)(0xc0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[o++] = (char)(0xe0 | cp >> 12);
			out[o++] = (char)(0x80 | (cp >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}
