/*
 * identifiers.c - identifying details in free text (9.4.3, 9.12.2, 9.15.2).
 *
 * csp-notify --anonymise replaces every identifier in a case bound for an
 * external body and scans the result again; csp-publish-check refuses a
 * report that still names anyone.  Both stand on the detector here (the
 * pattern matchers are in patterns.c, their shared state in detect.h): the
 * known items of one case (names, aliases, dates of birth, NHS number,
 * address, postcode, phone, e-mail) plus patterns for the kinds that need no
 * list (NHS numbers, postcodes, phone numbers, e-mail addresses).
 *
 * The text is read once.  Each word is folded (lower case, accents off, one
 * apostrophe) and looked up in a hash of the known words, so the cost does
 * not grow with the number of names; the patterns are tried only where a
 * word or an '@' starts.  Candidates are then sorted and overlaps resolved,
 * the longest winning.  The text is (pointer, length): any bytes, NULs and
 * invalid UTF-8 included, are read within bounds.
 *
 * The rules:
 * - Names and aliases: whole words, any case, the full name or any part
 *   (first name alone, surname alone, each piece of "Smith-Jones").  Letters
 *   of Latin-1 and Latin Extended-A fold to ASCII (e with an acute accent is
 *   e, sharp s is ss), ' and the typographic apostrophes are one.  "Poppy's"
 *   is a hit on "Poppy"; "the Testcases" on "Testcase"; words run together
 *   with an apostrophe are split unless the tail is a contraction's ("don't"
 *   is not "Don").  Neighbouring parts
 *   of one person's name ("Poppy Testcase", "Testcase, Poppy", "Poppy J.
 *   Testcase") make one hit.  A part of one letter (an initial) is never a
 *   hit alone; a title (Mr, Dr...) in a known name is not a part.
 * - However a known name is spelt: with or without its apostrophes and
 *   hyphens ("O'Brien" as "OBrien", "Mary-Jane" as "MaryJane"), split after
 *   a short first piece ("O Brien", "Mc Allister"), Mc for Mac and Mac for
 *   Mc ("McDonald" for "MacDonald").
 * - A part that is also a common English word (the list below: "hope",
 *   "brown", "will", "may", "young", "rose"...) is a hit only when it is
 *   next to another part of the same name ("Rose Hope", "Will Brown") with
 *   one of them capitalised or not common, or when it is capitalised and
 *   (a) follows a title ("Mrs Hope"), (b) is possessive ("Hope's"), (c) is
 *   not the first word of a sentence ("told Hope that"), unless it is a month
 *   in a date ("in May", "May 2026", "2 May"), or (d) starts a sentence and
 *   the next word is one that follows a person ("Hope said", "Brown told").
 *   So "we hope that", "the brown door", "in May 2026", "Young people" are
 *   not hits, while "Hope is ..." at the start of a sentence is not either:
 *   a false negative this rule accepts.  A strict detector
 *   (cspr_detector_strict) drops (d): any capitalised occurrence outside a
 *   date counts, for anonymisation, where a changed word is a small price
 *   and a missed name is not.
 * - The reviewer (9.4.3) is exempt as a full name: "Jane Hope" is not a hit
 *   when she is the reviewer, but "Hope" alone still is when it is a family
 *   name.  A one-word exemption is ignored, as it would silence that word.
 *   A reviewer who shares the child's or a family member's name is not
 *   exempt: the family member must still be found.
 * - Dates of birth: the known ones only, as 2019-04-02, 02/04/2019,
 *   2/4/2019, 2/4/19, 02.04.2019, 02-04-2019, 2 April 2019, 2nd April 2019,
 *   2 Apr 2019, 2nd of April 2019, April 2 2019, April 2nd, 2019, 20190402,
 *   02 04 2019, month names in any case.
 * - NHS numbers: ten digits, contiguous or 3-3-4 with single spaces or
 *   hyphens, passing the modulus 11 check, not inside a longer run of digits
 *   or letters; a known NHS number matches even with a bad check digit, and
 *   in any grouping of spaces, hyphens or dots (3-4-3, 999.000.0018).
 * - Address: the known address's first line (number and street) and the
 *   street without its number, any case and spacing, Rd for Road and the
 *   like; where the first line has no number and no street word (a house
 *   name) the second line too; the flat or unit number alone ("Flat 3B"),
 *   and the house number without the flat.  Never the town or county
 *   alone.
 * - Postcodes: any UK shape (A9, A99, AA9, AA99, A9A, AA9A, a space or none,
 *   9AA), its first letter a capital; not inside a longer word.  The known
 *   postcode in any case, with a space, hyphen, dot or nothing between any
 *   two of its characters.
 * - Phone numbers: 01, 02, 03, 07 or 08 and 10 or 11 digits in all, or
 *   +44 (0) or 0044 forms, in groups separated by single spaces, hyphens or
 *   dots, the area
 *   code maybe in brackets; a known number matches in the same groupings.
 *   Where a phone number and an NHS number are the same digits, phone wins.
 * - E-mail addresses: local@domain.tld.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "detect.h"
#include "fnv.h"

/* ---- word lists ---- */

/* Common English words: a name part that is one of these is a hit only in
 * the contexts the rules at the top allow.  The most frequent words of
 * English and of these reports, and the words that are also names.
 * Sorted (strcmp order). */
/* clang-format off */
static const char *const common[] = {
	"a", "about", "above", "across", "act", "active", "after", "again",
	"against", "age", "agency", "ago", "all", "almost", "alone", "along",
	"also", "always", "am", "among", "an", "and", "angel", "any",
	"april", "are", "area", "arm", "art", "as", "ash", "at", "august",
	"autumn", "away", "baby", "back", "bad", "baker", "bank", "banks",
	"bay", "be", "bear", "bed", "before", "began", "being", "bell",
	"below", "best", "better", "between", "big", "bill", "bird",
	"bishop", "black", "blue", "body", "bolt", "bond", "both", "bright",
	"brook", "brown", "bush", "but", "by", "call", "came", "can", "care",
	"carter", "case", "cash", "chance", "change", "chase", "child",
	"christian", "church", "clay", "close", "cole", "colour", "come",
	"cook", "could", "countess", "court", "cross", "crown", "daisy",
	"dale", "dawn", "day", "dean", "dear", "dee", "did", "do", "does",
	"doing", "done", "door", "down", "drew", "duke", "each", "earl",
	"early", "east", "eve", "ever", "every", "face", "fair", "faith",
	"far", "farmer", "field", "find", "fine", "first", "fish", "fisher",
	"flower", "ford", "forest", "fox", "frank", "free", "friend", "from",
	"full", "gay", "get", "ginger", "give", "glass", "go", "gold",
	"golden", "good", "grace", "grant", "gray", "green", "grey", "guy",
	"had", "hall", "hand", "happy", "hardy", "harmony", "hart", "has",
	"have", "hay", "hazel", "he", "head", "health", "heart", "heather",
	"help", "her", "here", "high", "hill", "him", "his", "holly", "home",
	"honey", "hope", "house", "how", "hunt", "hunter", "i", "if", "in",
	"iris", "is", "it", "its", "ivy", "jack", "jade", "jay", "jewel",
	"joy", "june", "just", "keen", "kind", "king", "knight", "lake",
	"lamb", "land", "lane", "last", "late", "lea", "lee", "left", "less",
	"let", "lily", "little", "long", "look", "lord", "love", "low",
	"made", "major", "make", "man", "mark", "marsh", "mason", "master",
	"may", "me", "mercy", "might", "mill", "miller", "mills", "moon",
	"more", "most", "much", "must", "my", "near", "new", "next", "nice",
	"night", "no", "noble", "north", "not", "now", "oak", "of", "off",
	"old", "olive", "on", "once", "one", "only", "open", "or", "other",
	"our", "out", "over", "own", "page", "park", "parker", "part",
	"pass", "patience", "pearl", "penny", "people", "person", "pike",
	"place", "play", "plum", "pool", "pope", "power", "precious",
	"price", "rain", "ray", "read", "red", "reed", "rich", "ridge",
	"right", "river", "rivers", "robin", "rock", "rose", "ross", "ruby",
	"rush", "said", "sale", "same", "sandy", "saw", "say", "school",
	"see", "shaw", "short", "should", "silver", "sky", "small", "smart",
	"snow", "so", "some", "south", "spring", "stone", "storm", "street",
	"strong", "summer", "sunny", "sweet", "swift", "take", "tanner",
	"than", "that", "the", "their", "them", "then", "there", "these",
	"they", "thing", "this", "those", "time", "to", "told", "too",
	"tower", "turner", "two", "under", "up", "us", "very", "violet",
	"walker", "ward", "was", "water", "waters", "way", "we", "well",
	"wells", "were", "west", "what", "when", "where", "which", "white",
	"who", "why", "will", "wise", "with", "wolf", "wood", "woods",
	"work", "worth", "would", "wren", "year", "yes", "yet", "you",
	"young", "your",
};
/* clang-format on */

/* After a name at the start of a sentence, words that show it is a person:
 * "Hope said". Sorted. */
/* clang-format off */
static const char *const person_verbs[] = {
	"admitted", "agreed", "alleged", "also", "arrived", "asked", "asks",
	"attended", "attends", "became", "began", "called", "came", "comes",
	"confirmed", "continued", "could", "declined", "denied", "described",
	"did", "died", "disclosed", "does", "explained", "expressed", "felt",
	"gave", "had", "has", "knew", "left", "lived", "lives", "moved",
	"noted", "phoned", "raised", "rang", "recalled", "recalls", "refused",
	"remained", "remembered", "reported", "reports", "returned", "said",
	"saw", "says", "should", "spoke", "started", "stated", "states",
	"stayed", "tells", "thought", "told", "took", "visited", "visits",
	"wanted", "wants", "was", "went", "would",
};
/* clang-format on */

/* Before a month, words that make it a date: "in May". Sorted. */
/* clang-format off */
static const char *const month_preps[] = {
	"after", "before", "between", "by", "during", "each", "early", "end",
	"every", "from", "in", "last", "late", "mid", "next", "of", "on",
	"since", "this", "through", "throughout", "till", "until",
};
/* clang-format on */

/* Street words and their abbreviations, for the address. */
/* clang-format off */
static const char *const streets[][2] = {
	{"avenue", "ave"}, {"close", "cl"}, {"court", "ct"},
	{"crescent", "cres"}, {"drive", "dr"}, {"gardens", "gdns"},
	{"green", "grn"}, {"grove", "gr"}, {"hill", "hl"}, {"lane", "ln"},
	{"mews", NULL}, {"park", "pk"}, {"place", "pl"}, {"rise", NULL},
	{"road", "rd"}, {"row", NULL}, {"square", "sq"}, {"street", "st"},
	{"terrace", "tce"}, {"view", NULL}, {"walk", NULL}, {"way", NULL},
};
/* clang-format on */

/* ---- the detector ---- */

static int
pushint(int **v, size_t *n, int x)
{
	int *q;

	for (size_t k = 0; k < *n; k++)
		if ((*v)[k] == x)
			return 0;
	if (!(q = realloc(*v, (*n + 1) * sizeof(*q))))
		return -1;
	q[(*n)++] = x;
	*v = q;
	return 0;
}

int
cspr_detector_lookup(const struct cspr_detector *d, const char *w, size_t n)
{
	uint32_t h;
	size_t k;

	if (!d->tabcap)
		return -1;
	h = cspr_fnv1a(w, n);
	for (k = h & (d->tabcap - 1);; k = (k + 1) & (d->tabcap - 1)) {
		int e = d->tab[k];

		if (e < 0)
			return -1;
		if (d->ents[e].h == h && d->ents[e].n == n &&
		    memcmp(d->ents[e].w, w, n) == 0)
			return e;
	}
}

static int
rehash(struct cspr_detector *d, size_t cap)
{
	int *t = malloc(cap * sizeof(*t));

	if (!t)
		return -1;
	for (size_t k = 0; k < cap; k++)
		t[k] = -1;
	for (size_t e = 0; e < d->nents; e++) {
		size_t k = d->ents[e].h & (cap - 1);

		while (t[k] >= 0)
			k = (k + 1) & (cap - 1);
		t[k] = (int)e;
	}
	free(d->tab);
	d->tab = t;
	d->tabcap = cap;
	return 0;
}

/* The entry for folded w, made if new; -1 on out of memory. */
static int
intern(struct cspr_detector *d, const char *w, size_t n)
{
	struct entry *x;
	char z[FOLDMAX + 1];
	int e;

	if ((e = cspr_detector_lookup(d, w, n)) >= 0)
		return e;
	if ((d->nents + 1) * 2 > d->tabcap &&
	    rehash(d, d->tabcap ? d->tabcap * 2 : 64) < 0)
		return -1;
	if (cspr_grow(&d->ents, &d->capents, d->nents + 1, sizeof(*d->ents)) < 0)
		return -1;
	x = &d->ents[d->nents];
	memset(x, 0, sizeof(*x));
	if (!(x->w = malloc(n + 1)))
		return -1;
	memcpy(x->w, w, n);
	x->w[n] = '\0';
	x->n = n;
	x->h = cspr_fnv1a(w, n);
	if (n <= FOLDMAX) {
		memcpy(z, w, n);
		z[n] = '\0';
		if (CSPR_INLIST(common, z))
			x->fl |= E_COMMON;
		for (int m = 0; m < 12; m++)
			if (strcmp(z, cspr_months[m]) == 0)
				x->fl |= E_MONTH;
	}
	/* one letter (or one character of another script) */
	if (n == 1 ||
	    (n <= 4 && (unsigned char)w[0] >= 0xc0 &&
		cspr_u8next((const unsigned char *)w, n, 0, &(uint32_t){0}) == n))
		x->fl |= E_SHORT;
	e = (int)d->nents++;
	{
		size_t k = x->h & (d->tabcap - 1);

		while (d->tab[k] >= 0)
			k = (k + 1) & (d->tabcap - 1);
		d->tab[k] = e;
	}
	return e;
}

struct cspr_detector *
cspr_detector_new(void)
{
	return calloc(1, sizeof(struct cspr_detector));
}

void
cspr_detector_free(struct cspr_detector **dp)
{
	struct cspr_detector *d;

	if (!dp || !(d = *dp))
		return;
	for (size_t k = 0; k < d->nitems; k++) {
		free(d->items[k].label);
		free(d->items[k].norm);
	}
	for (size_t k = 0; k < d->nents; k++) {
		free(d->ents[k].w);
		free(d->ents[k].items);
		free(d->ents[k].phr);
	}
	for (size_t k = 0; k < d->nphr; k++) {
		free(d->phr[k].tok);
		free(d->phr[k].alt);
	}
	free(d->items);
	free(d->ents);
	free(d->tab);
	free(d->phr);
	free(d);
	*dp = NULL;
}

/* clang-format off */
static const char *const placeholders[] = {
	[CSPR_ID_NAME] = "[name removed]",
	[CSPR_ID_ALIAS] = "[name removed]",
	[CSPR_ID_DOB] = "[date of birth removed]",
	[CSPR_ID_NHS_NUMBER] = "[NHS number removed]",
	[CSPR_ID_ADDRESS] = "[address removed]",
	[CSPR_ID_POSTCODE] = "[postcode removed]",
	[CSPR_ID_PHONE] = "[phone removed]",
	[CSPR_ID_EMAIL] = "[email removed]",
};
/* clang-format on */

/* clang-format off */
static const char *const kind_names[] = {
	[CSPR_ID_NAME] = "name",
	[CSPR_ID_ALIAS] = "alias",
	[CSPR_ID_DOB] = "dob",
	[CSPR_ID_NHS_NUMBER] = "nhs_number",
	[CSPR_ID_ADDRESS] = "address",
	[CSPR_ID_POSTCODE] = "postcode",
	[CSPR_ID_PHONE] = "phone",
	[CSPR_ID_EMAIL] = "email",
};
/* clang-format on */

static int
kind_ok(int kind)
{
	return kind >= CSPR_ID_NAME && kind <= CSPR_ID_EMAIL;
}

const char *
cspr_id_kind_name(enum cspr_id_kind kind)
{
	return kind_ok((int)kind) ? kind_names[kind] : "unknown";
}

void
cspr_detector_strict(struct cspr_detector *d, int on)
{
	d->strict = on != 0;
}

int
cspr_detector_count(const struct cspr_detector *d)
{
	return d ? (int)d->nitems : 0;
}

enum cspr_id_kind
cspr_detector_kind(const struct cspr_detector *d, int item)
{
	if (!d || item < 0 || (size_t)item >= d->nitems)
		return CSPR_ID_NAME;
	return d->items[item].kind;
}

const char *
cspr_detector_label(const struct cspr_detector *d, int item)
{
	if (!d || item < 0 || (size_t)item >= d->nitems)
		return NULL;
	return d->items[item].label;
}

const char *
cspr_hit_label(const struct cspr_detector *d, const struct cspr_hit *h)
{
	const char *l = cspr_detector_label(d, h->item);

	if (l)
		return l;
	return kind_ok((int)h->kind) ? placeholders[h->kind] : "[removed]";
}

/* The words of s as [start, end) pairs, at most max. */
static size_t
words(const unsigned char *s, size_t len, size_t (*w)[2], size_t max)
{
	size_t i = 0, n = 0, k;
	uint32_t cp;

	while (i < len && n < max) {
		k = cspr_u8next(s, len, i, &cp);
		if (cspr_cpclass(cp) == CSPR_C_LETTER || cspr_cpclass(cp) == CSPR_C_DIGIT) {
			w[n][0] = i;
			i = w[n][1] = cspr_text_word_end(s, len, i);
			n++;
		} else
			i += k;
	}
	return n;
}

#define istitle cspr_is_title

/* Make a name part of folded f[0..n) for item. */
static int
add_part(struct cspr_detector *d, const char *f, size_t n, int item)
{
	int e;

	if (n == 0)
		return 0;
	if ((e = intern(d, f, n)) < 0)
		return -1;
	return pushint(&d->ents[e].items, &d->ents[e].nitems, item);
}

static int
add_name(struct cspr_detector *d, const char *text, int item)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t w[32][2], nw = words(s, strlen(text), w, 32);
	char f[FOLDMAX + 1];
	int n;

	for (size_t k = 0; k < nw; k++) {
		if ((n = cspr_text_fold(s, w[k][0], w[k][1], f, NULL)) < 0)
			continue;
		f[n] = '\0';
		if (istitle(f))
			continue;
		if (add_part(d, f, (size_t)n, item) < 0)
			return -1;
		/* "O'Brien" as "OBrien", "Mary-Jane" as "MaryJane" */
		if (strpbrk(f, "'-")) {
			char j[FOLDMAX + 1];
			size_t m = 0;

			for (int k2 = 0; k2 < n; k2++)
				if (f[k2] != '\'' && f[k2] != '-')
					j[m++] = f[k2];
			if (add_part(d, j, m, item) < 0)
				return -1;
		}
		/* each piece of "Smith-Jones" is a part too */
		if (memchr(f, '-', (size_t)n)) {
			char *p = f, *q;

			while ((q = strchr(p, '-'))) {
				if (add_part(d, p, (size_t)(q - p), item) < 0)
					return -1;
				p = q + 1;
			}
			if (add_part(d, p, strlen(p), item) < 0)
				return -1;
		}
	}
	return 0;
}

/* The entry of the abbreviation of street word f, or -1. */
static int
street_alt(struct cspr_detector *d, const char *f, int *err)
{
	for (size_t k = 0; k < sizeof(streets) / sizeof(streets[0]); k++) {
		const char *o = NULL;

		if (strcmp(f, streets[k][0]) == 0)
			o = streets[k][1];
		else if (streets[k][1] && strcmp(f, streets[k][1]) == 0)
			o = streets[k][0];
		if (o) {
			int e = intern(d, o, strlen(o));

			if (e < 0)
				*err = 1;
			return e;
		}
	}
	return -1;
}

static int
isstreet(const char *f)
{
	for (size_t k = 0; k < sizeof(streets) / sizeof(streets[0]); k++)
		if (strcmp(f, streets[k][0]) == 0 ||
		    (streets[k][1] && strcmp(f, streets[k][1]) == 0))
			return 1;
	return 0;
}

/* Add the phrase of the words w[0..nw) of s. */
static int
add_phrase(struct cspr_detector *d, const unsigned char *s,
    const size_t (*w)[2], size_t nw, int item)
{
	struct phrase *p;
	char f[FOLDMAX + 1];
	int n, err = 0;

	if (nw == 0)
		return 0;
	if (cspr_grow(&d->phr, &d->capphr, d->nphr + 1, sizeof(*d->phr)) < 0)
		return -1;
	p = &d->phr[d->nphr];
	memset(p, 0, sizeof(*p));
	p->item = item;
	if (!(p->tok = malloc(nw * sizeof(int))) ||
	    !(p->alt = malloc(nw * sizeof(int)))) {
		free(p->tok);
		return -1;
	}
	d->nphr++;
	for (size_t k = 0; k < nw; k++) {
		if ((n = cspr_text_fold(s, w[k][0], w[k][1], f, NULL)) < 0)
			n = FOLDMAX; /* cannot match a folded word */
		f[n] = '\0';
		if ((p->tok[k] = intern(d, f, (size_t)n)) < 0)
			return -1;
		p->alt[k] = item >= 0 ? street_alt(d, f, &err) : -1;
		if (err)
			return -1;
		p->n = k + 1;
	}
	if (pushint(&d->ents[p->tok[0]].phr, &d->ents[p->tok[0]].nphr,
		(int)(d->nphr - 1)) < 0)
		return -1;
	if (p->alt[0] >= 0 &&
	    pushint(&d->ents[p->alt[0]].phr, &d->ents[p->alt[0]].nphr,
		(int)(d->nphr - 1)) < 0)
		return -1;
	return 0;
}

/* An address: its first line with and without the house number, and the
 * second line when the first is a house name or flat. */
static int
add_address(struct cspr_detector *d, const char *text, int item)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t len = strlen(text), a = 0, b, lines = 0;
	size_t pre[16][2], npre = 0;

	while (a < len && lines < 3) {
		size_t w[16][2], nw, k = 0;
		char f[FOLDMAX + 1];
		int n, numbered;

		for (b = a;
		     b < len && s[b] != ',' && s[b] != '\n' && s[b] != ';'; b++)
			;
		nw = words(s + a, b - a, w, 16);
		for (size_t j = 0; j < nw; j++) {
			w[j][0] += a;
			w[j][1] += a;
		}
		a = b + 1;
		if (nw == 0)
			continue;
		lines++;
		/* house number, "Flat 3", "12a" */
		while (k < nw) {
			if ((n = cspr_text_fold(s, w[k][0], w[k][1], f, NULL)) < 0)
				break;
			f[n] = '\0';
			if (!strpbrk(f, "0123456789") && strcmp(f, "flat") &&
			    strcmp(f, "apartment") && strcmp(f, "unit") &&
			    strcmp(f, "no"))
				break;
			k++;
		}
		if (k == nw) {
			/* a line of numbers only: it goes before the street */
			for (size_t j = 0; j < nw && npre < 16; j++) {
				pre[npre][0] = w[j][0];
				pre[npre][1] = w[j][1];
				npre++;
			}
			continue;
		}
		numbered = k > 0 || npre > 0;
		if (add_phrase(
			d, s, (const size_t(*)[2])(w + k), nw - k, item) < 0)
			return -1;
		if (numbered) {
			size_t all[32][2], m = 0, j0 = 0;

			for (size_t j = 0; j < npre; j++, m++)
				memcpy(all[m], pre[j], sizeof(all[m]));
			for (size_t j = 0; j < nw; j++, m++)
				memcpy(all[m], w[j], sizeof(all[m]));
			if (add_phrase(d, s, (const size_t(*)[2])all, m, item) <
			    0)
				return -1;
			/* "12 Madeup Road" without the flat before it, and
			 * "3B Madeup Court" without the word "Flat" */
			if (npre > 0 && k > 0 &&
			    add_phrase(d, s, (const size_t(*)[2])w, nw, item) < 0)
				return -1;
			while (j0 < m) {
				if ((n = cspr_text_fold(s, all[j0][0], all[j0][1], f,
				    NULL)) < 0)
					break;
				f[n] = '\0';
				if (strpbrk(f, "0123456789"))
					break;
				j0++;
			}
			if (j0 > 0 && j0 < m &&
			    add_phrase(d, s, (const size_t(*)[2])(all + j0),
			    m - j0, item) < 0)
				return -1;
			/* "Flat 3B" alone */
			if (j0 > 0 && j0 < npre + k &&
			    add_phrase(d, s, (const size_t(*)[2])(all + j0 - 1),
			    2, item) < 0)
				return -1;
			break;
		}
		/* a street word ends a street; otherwise a house name */
		if ((n = cspr_text_fold(s, w[nw - 1][0], w[nw - 1][1], f, NULL)) >= 0) {
			f[n] = '\0';
			if (isstreet(f))
				break;
		}
		if (lines >= 2)
			break;
	}
	return 0;
}

static int
parse_dob(const char *t, int *y, int *m, int *dd)
{
	const unsigned char *s = (const unsigned char *)t;
	size_t len = strlen(t);

	if (len < 10 || ndigits(s, len, 0, 4) != 4 || s[4] != '-' ||
	    ndigits(s, len, 5, 2) != 2 || s[7] != '-' ||
	    ndigits(s, len, 8, 2) != 2)
		return -1;
	*y = numval(s, 4);
	*m = numval(s + 5, 2);
	*dd = numval(s + 8, 2);
	if (*y < 1 || *m < 1 || *m > 12 || *dd < 1 || *dd > 31) {
		*y = 0;
		return -1;
	}
	return 0;
}

/* The normal form of a known phone number, NHS number, postcode or
 * e-mail. */
static char *
normalise(enum cspr_id_kind kind, const char *t)
{
	size_t len = strlen(t), o = 0;
	char *r = malloc(len + 2);

	if (!r)
		return NULL;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)t[k];

		if (kind == CSPR_ID_EMAIL) {
			if (c != ' ')
				r[o++] = (char)lower(c);
		} else if (kind == CSPR_ID_POSTCODE) {
			if (isalpha_a(c) || (c >= '0' && c <= '9'))
				r[o++] =
				    (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		} else if (c >= '0' && c <= '9')
			r[o++] = (char)c;
	}
	r[o] = '\0';
	/* +44 7700 ... is 07700 ... */
	if (kind == CSPR_ID_PHONE && o > 2 && strchr(t, '+') &&
	    strncmp(r, "44", 2) == 0) {
		memmove(r + 1, r + 2, o - 1);
		r[0] = '0';
	}
	return r;
}

static int
group_of(struct cspr_detector *d, const char *label)
{
	for (size_t k = 0; k < d->nitems; k++)
		if (strcmp(d->items[k].label, label) == 0)
			return d->items[k].group;
	return (int)d->nitems;
}

int
cspr_detector_add(struct cspr_detector *d, enum cspr_id_kind kind,
    const char *text, const char *label)
{
	struct item *it;
	int r = 0, idx;

	if (!d || !kind_ok((int)kind))
		return -1;
	if (!text)
		text = "";
	if (!label)
		label = placeholders[kind];
	if (cspr_grow(&d->items, &d->capitems, d->nitems + 1, sizeof(*d->items)) < 0)
		return -1;
	it = &d->items[d->nitems];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->group = group_of(d, label);
	if (!(it->label = strdup(label)))
		return -1;
	idx = (int)d->nitems++;
	switch (kind) {
	case CSPR_ID_NAME:
	case CSPR_ID_ALIAS:
		r = add_name(d, text, idx);
		break;
	case CSPR_ID_DOB:
		if (parse_dob(text, &it->y, &it->m, &it->d) == 0)
			d->ndob++;
		break;
	case CSPR_ID_ADDRESS:
		r = add_address(d, text, idx);
		break;
	default:
		if (!(it->norm = normalise(kind, text)))
			return -1;
		if (kind == CSPR_ID_PHONE && strlen(it->norm) >= 6)
			d->nphone++;
		if (kind == CSPR_ID_NHS_NUMBER && strlen(it->norm) == 10)
			d->nnhs++;
		if (kind == CSPR_ID_POSTCODE && strlen(it->norm) >= 5)
			d->npostcode++;
		break;
	}
	return r < 0 ? -1 : idx;
}

int
cspr_detector_exempt(struct cspr_detector *d, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t w[32][2], nw, k = 0;
	char f[FOLDMAX + 1];
	int n;

	if (!d || !name)
		return 0;
	nw = words(s, strlen(name), w, 32);
	/* no titles: "Dr Jane Hope" is exempt as "Jane Hope" */
	while (k < nw && (n = cspr_text_fold(s, w[k][0], w[k][1], f, NULL)) >= 0) {
		f[n] = '\0';
		if (!istitle(f))
			break;
		k++;
	}
	if (nw - k < 2)
		return 0;
	return add_phrase(d, s, (const size_t(*)[2])(w + k), nw - k, -1);
}

int
cspr_detector_harmless(struct cspr_detector *d, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t w[32][2], nw;
	char f[FOLDMAX + 1];
	int n, e;

	if (!d || !text)
		return 0;
	nw = words(s, strlen(text), w, 32);
	for (size_t k = 0; k < nw; k++) {
		if ((n = cspr_text_fold(s, w[k][0], w[k][1], f, NULL)) <= 0)
			continue;
		if (n > 2 && f[n - 1] == 's' && f[n - 2] == '\'')
			n -= 2;
		if ((e = intern(d, f, (size_t)n)) < 0)
			return -1;
		d->ents[e].fl |= E_HARMLESS;
	}
	return 0;
}

/* ---- from a case file ---- */

#define jtext cspr_label_text

/* Add text (when there is some).  A name that is its own label is
 * already anonymised ("Mother", "Social worker, Police"): its words are
 * not identifying, so a case anonymised once anonymises again unchanged. */
static int
add_opt(struct cspr_detector *d, enum cspr_id_kind kind, const char *text,
    const char *label)
{
	if (!text || !*text)
		return 0;
	if ((kind == CSPR_ID_NAME || kind == CSPR_ID_ALIAS) && label &&
	    strcasecmp(text, label) == 0)
		return 0;
	return cspr_detector_add(d, kind, text, label) < 0 ? -1 : 0;
}

static int
add_aliases(struct cspr_detector *d, json_t *o, const char *label)
{
	json_t *a = json_object_get(o, "aliases"), *v;
	size_t k;

	if (json_is_string(a))
		return add_opt(d, CSPR_ID_ALIAS, json_string_value(a), label);
	json_array_foreach(a, k, v)
	{
		if (json_is_string(v) &&
		    add_opt(d, CSPR_ID_ALIAS, json_string_value(v), label) < 0)
			return -1;
	}
	return 0;
}

/* A person: name and aliases under label (a new string, freed here). */
static int
add_person(struct cspr_detector *d, json_t *o, char *label)
{
	char buf[32];
	int r = -1;

	/* a label names no one: replaced text is not flagged again */
	if (label && add_opt(d, CSPR_ID_NAME, jtext(o, "name", buf,
	    sizeof(buf)), label) == 0 && add_aliases(d, o, label) == 0 &&
	    cspr_detector_harmless(d, label) == 0)
		r = 0;
	free(label);
	return r;
}

static int
add_family(struct cspr_detector *d, json_t *fam)
{
	char buf[32];
	size_t k;
	json_t *m;

	json_array_foreach(fam, k, m)
	{
		if (!json_is_object(m))
			continue;
		if (add_person(d, m, cspr_label_family(fam, k)) < 0 ||
		    add_opt(d, CSPR_ID_DOB, jtext(m, "dob", buf, sizeof(buf)),
			NULL) < 0)
			return -1;
	}
	return 0;
}

/* Are a and b one name, titles, case, accents and punctuation aside? */
static int
same_name(const char *a, const char *b)
{
	const unsigned char *sa = (const unsigned char *)a;
	const unsigned char *sb = (const unsigned char *)b;
	size_t wa[32][2], wb[32][2], na, nb, i = 0, j = 0;
	char fa[FOLDMAX + 1], fb[FOLDMAX + 1];
	int la, lb;

	if (!a || !b)
		return 0;
	na = words(sa, strlen(a), wa, 32);
	nb = words(sb, strlen(b), wb, 32);
	for (;;) {
		la = lb = -1;
		while (i < na && (la = cspr_text_fold(sa, wa[i][0], wa[i][1], fa,
		    NULL)) >= 0 && (fa[la] = '\0', istitle(fa)))
			i++;
		while (j < nb && (lb = cspr_text_fold(sb, wb[j][0], wb[j][1], fb,
		    NULL)) >= 0 && (fb[lb] = '\0', istitle(fb)))
			j++;
		if (i == na || j == nb)
			return i == na && j == nb && na > 0;
		if (la < 0 || la != lb || memcmp(fa, fb, (size_t)la) != 0)
			return 0;
		i++;
		j++;
	}
}

/* Does the child (full name child_name) or a family member bear name? */
static int
family_named(json_t *root, const char *child_name, const char *name)
{
	json_t *m;
	size_t k;

	if (same_name(child_name, name))
		return 1;
	json_array_foreach(json_object_get(root, "family"), k, m)
		if (json_is_string(json_object_get(m, "name")) &&
		    same_name(json_string_value(json_object_get(m, "name")),
		    name))
			return 1;
	return 0;
}

struct cspr_detector *
cspr_detector_from_case(json_t *root)
{
	struct cspr_detector *d = cspr_detector_new();
	json_t *child = json_object_get(root, "child"), *v, *ref, *pros;
	char buf[32], b2[32], *name = NULL, *lab = NULL;
	const char *first, *last;
	size_t k;

	if (!d)
		return NULL;
	if (!json_is_object(root))
		return d;
	first = jtext(child, "first_name", buf, sizeof(buf));
	last = jtext(child, "last_name", b2, sizeof(b2));
	if (!(lab = cspr_label_child(root)))
		goto fail;
	if (first || last) {
		size_t n = (first ? strlen(first) : 0) +
		    (last ? strlen(last) : 0) + 2;

		if (!(name = malloc(n)))
			goto fail;
		snprintf(name, n, "%s%s%s", first ? first : "",
		    first && last ? " " : "", last ? last : "");
	}
	if (add_opt(d, CSPR_ID_NAME, name, lab) < 0 ||
	    add_aliases(d, child, lab) < 0 ||
	    cspr_detector_harmless(d, lab) < 0)
		goto fail;
	for (k = 0; k < d->nitems; k++)
		d->items[k].minor = 1;
	if (add_opt(d, CSPR_ID_DOB, jtext(child, "dob", buf, sizeof(buf)),
		NULL) < 0 ||
	    add_opt(d, CSPR_ID_NHS_NUMBER,
		jtext(child, "nhs_number", buf, sizeof(buf)), NULL) < 0 ||
	    add_opt(d, CSPR_ID_ADDRESS,
		jtext(child, "address", buf, sizeof(buf)), NULL) < 0 ||
	    add_opt(d, CSPR_ID_POSTCODE,
		jtext(child, "postcode", buf, sizeof(buf)), NULL) < 0)
		goto fail;
	if (add_family(d, json_object_get(root, "family")) < 0)
		goto fail;
	pros = json_object_get(root, "professionals");
	json_array_foreach(pros, k, v)
	{
		if (json_is_object(v) &&
		    add_person(d, v, cspr_label_professional(pros, k)) < 0)
			goto fail;
	}
	ref = json_object_get(json_object_get(root, "referral"), "referrer");
	if (json_is_object(ref)) {
		if (add_person(d, ref, cspr_label_referrer(root)) < 0 ||
		    add_opt(d, CSPR_ID_PHONE,
			jtext(ref, "phone", buf, sizeof(buf)), NULL) < 0 ||
		    add_opt(d, CSPR_ID_EMAIL,
			jtext(ref, "email", buf, sizeof(buf)), NULL) < 0)
			goto fail;
	}
	/* what the case names that names no one: its organisations and
	 * places, the reviewer, the pseudonym (possible.c) */
	{
		static const char *const where[] = {"partnership",
		    "local_authority", "child.pseudonym",
		    "child.normally_resident", "child.looked_after_by",
		    "child.ethnicity", "referral.referrer.agency",
		    "referral.out_of_area_organisation",
		    "referral.agencies_other", "review.reviewer.name", NULL};

		for (const char *const *w = where; *w; w++)
			if (cspr_detector_harmless(d, cspr_get_str(root, *w)) <
			    0)
				goto fail;
		json_array_foreach(json_object_get(root, "professionals"), k,
		    v)
			if (cspr_detector_harmless(d, cspr_get_str(v,
			    "agency")) < 0 || cspr_detector_harmless(d,
			    cspr_get_str(v, "role")) < 0)
				goto fail;
	}
	/* the reviewer is named (9.4.3), unless the child or a family
	 * member has the same name: then it is theirs too, and goes */
	v = json_object_get(
	    json_object_get(json_object_get(root, "review"), "reviewer"),
	    "name");
	if (json_is_string(v) && !family_named(root, name,
	    json_string_value(v)) &&
	    cspr_detector_exempt(d, json_string_value(v)) < 0)
		goto fail;
	free(name);
	free(lab);
	return d;
fail:
	free(name);
	free(lab);
	cspr_detector_free(&d);
	return NULL;
}

/* ---- scanning ---- */

/* What lies between two words. */
struct gap {
	unsigned nl, comma, dot, other;
};

static void
gap_add(struct gap *g, uint32_t cp, int cls)
{
	if (cp == '\n') {
		g->nl++;
		return;
	}
	if (cls == CSPR_C_SPACE)
		return;
	if (cp == '.')
		g->dot++;
	else if (cp == ',')
		g->comma++;
	else
		g->other++;
}

static int
gap_class(const struct gap *g)
{
	if (g->other || g->dot > 1 || g->comma > 1 || (g->dot && g->comma))
		return G_OTHER;
	if (g->dot)
		return g->nl <= 1 ? G_DOT : G_OTHER;
	if (g->comma)
		return g->nl <= 1 ? G_COMMA : G_OTHER;
	return g->nl <= 1 ? G_WS : G_WSMANY;
}

void
cspr_scan_cand(struct scan *sc, size_t off, size_t len, int kind, int item)
{
	struct cand *c;
	/* clang-format off */
	static const int kprio[] = {
		[CSPR_ID_PHONE] = 0, [CSPR_ID_NHS_NUMBER] = 1,
		[CSPR_ID_EMAIL] = 2, [CSPR_ID_POSTCODE] = 3,
		[CSPR_ID_DOB] = 4, [CSPR_ID_ADDRESS] = 5,
		[CSPR_ID_NAME] = 6, [CSPR_ID_ALIAS] = 7,
	};
	/* clang-format on */

	if (cspr_grow(&sc->c, &sc->capc, sc->nc + 1, sizeof(*sc->c)) < 0) {
		sc->oom = 1;
		return;
	}
	c = &sc->c[sc->nc++];
	c->off = off;
	c->len = len;
	c->kind = kind;
	c->item = item;
	/* a known item first; among patterns a phone before an NHS number */
	c->prio = (item >= 0 ? 0 : 8) + kprio[kind];
}

/* The known item of kind whose normal form is norm[0..n), or -1. */
int
cspr_scan_known(const struct scan *sc, int kind, const char *norm, size_t n)
{
	const struct cspr_detector *d = sc->d;

	for (size_t k = 0; k < d->nitems; k++)
		if ((int)d->items[k].kind == kind && d->items[k].norm &&
		    strlen(d->items[k].norm) == n &&
		    memcmp(d->items[k].norm, norm, n) == 0)
			return (int)k;
	return -1;
}

static void
push_unit(struct scan *sc, size_t off, size_t len, size_t ord, int ent, int gap,
    int fl)
{
	struct unit *u;

	if (cspr_grow(&sc->u, &sc->capu, sc->nu + 1, sizeof(*sc->u)) < 0) {
		sc->oom = 1;
		return;
	}
	u = &sc->u[sc->nu++];
	u->off = off;
	u->len = len;
	u->ord = ord;
	u->ent = ent;
	u->gap = (unsigned char)gap;
	u->fl = (unsigned char)fl;
}

/* The start of the character before s[e], not before s[i]. */
static size_t
back(const unsigned char *s, size_t i, size_t e)
{
	if (e > i)
		e--;
	while (e > i && (s[e] & 0xc0) == 0x80)
		e--;
	return e;
}

/* Look a word up: as it is, then without "'s", then (for a capitalised
 * word whose stem is a name part) without a plural "s".  Returns the entry
 * and sets *stem to the bytes of s[i..e) it covers. */
/* A folded word as a name is spelt several ways: as it is, without its
 * apostrophes and hyphens ("O'Brien" for a known "OBrien"), and with Mc
 * for Mac or Mac for Mc ("McDonald" for a known "MacDonald").  The entry
 * of the first spelling known, or -1. */
static int
lookup_name(const struct cspr_detector *d, const char *f, size_t n)
{
	char v[FOLDMAX + 2], j[FOLDMAX + 1];
	size_t m = 0;
	int ent;

	if ((ent = cspr_detector_lookup(d, f, n)) >= 0)
		return ent;
	for (size_t k = 0; k < n && k < FOLDMAX; k++)
		if (f[k] != '\'' && f[k] != '-')
			j[m++] = f[k];
	if (m != n && (ent = cspr_detector_lookup(d, j, m)) >= 0)
		return ent;
	/* Mc and Mac before at least three letters */
	if (m >= 5 && j[0] == 'm' && j[1] == 'c') {
		memcpy(v, "mac", 3);
		memcpy(v + 3, j + 2, m - 2);
		return cspr_detector_lookup(d, v, m + 1);
	}
	if (m >= 6 && j[0] == 'm' && j[1] == 'a' && j[2] == 'c') {
		memcpy(v, "mc", 2);
		memcpy(v + 2, j + 3, m - 3);
		return cspr_detector_lookup(d, v, m - 1);
	}
	return -1;
}

static int
find_word(const struct scan *sc, size_t i, size_t e, const char *f, size_t n,
    int cap, size_t *stem, int *poss)
{
	const struct cspr_detector *d = sc->d;
	const unsigned char *s = sc->s;
	int ent;

	*stem = e;
	*poss = 0;
	if ((ent = lookup_name(d, f, n)) >= 0)
		return ent;
	if (n > 2 && f[n - 1] == 's' && f[n - 2] == '\'' &&
	    (ent = lookup_name(d, f, n - 2)) >= 0) {
		/* back over "s" and the apostrophe */
		*stem = back(s, i, back(s, i, e));
		*poss = 1;
		return ent;
	}
	if (cap && n > 3 && f[n - 1] == 's' &&
	    (ent = cspr_detector_lookup(d, f, n - 1)) >= 0 && d->ents[ent].nitems &&
	    !(d->ents[ent].fl & E_COMMON)) {
		*stem = back(s, i, e);
		*poss = 1;
		return ent;
	}
	return -1;
}

/* The word before, kept folded (when short) for what it tells its
 * neighbour: a title, a preposition before a month, a number. */
struct prev {
	char f[16];
	int n;      /* -1: none, or too long to matter */
	size_t off; /* where it starts */
	size_t ord; /* its first word number */
	int gc;     /* the gap before it */
	int fl;     /* its flags as a unit */
};

/* Is the previous word a short run of letters ("O", "Mc", "de")? */
static int
short_prefix(const struct prev *p)
{
	if (p->n < 1 || p->n > 3)
		return 0;
	for (int k = 0; k < p->n; k++)
		if (p->f[k] < 'a' || p->f[k] > 'z')
			return 0;
	return 1;
}

/* A number: 2, 2nd, 2019. */
static int
isnum(const char *f, int n)
{
	int k = 0;

	while (k < n && f[k] >= '0' && f[k] <= '9')
		k++;
	return k > 0 && (k == n || (k + 2 == n && (!strcmp(f + k, "st") ||
						      !strcmp(f + k, "nd") ||
						      !strcmp(f + k, "rd") ||
						      !strcmp(f + k, "th"))));
}

/* The flags a unit takes from the word before it. */
static int
prev_flags(const struct prev *p, int gc)
{
	int fl = 0;

	if (p->n <= 0 || (gc != G_WS && gc != G_DOT))
		return 0;
	if (istitle(p->f))
		fl |= U_TITLE;
	if (isnum(p->f, p->n) || CSPR_INLIST(month_preps, p->f))
		fl |= U_PREVCTX;
	return fl;
}

/* The letters and digits at s[i...], up to e, counted to 3. */
static int
tail_len(const unsigned char *s, size_t i, size_t e)
{
	int n = 0;
	uint32_t cp;

	while (i < e && n < 3) {
		i += cspr_u8next(s, e, i, &cp);
		if (cspr_cpclass(cp) != CSPR_C_LETTER && cspr_cpclass(cp) != CSPR_C_DIGIT)
			break;
		n++;
	}
	return n;
}

/* One word of the text, s[i..e). */
static void
do_word(struct scan *sc, size_t i, size_t e, const struct gap *g, size_t *ord,
    struct prev *pv, struct cspr_sentences *sent)
{
	const struct cspr_detector *d = sc->d;
	const unsigned char *s = sc->s;
	char f[FOLDMAX + 1];
	int n, cap, gc = gap_class(g), fl = 0, ent, poss, ufl, concat = 0;
	size_t stem, first = *ord;

	n = cspr_text_fold(s, i, e, f, &cap);
	if (n >= 0)
		f[n] = '\0';
	/* what this word tells the unit before it */
	if (sc->nu && sc->u[sc->nu - 1].ord + 1 == first && gc == G_WS &&
	    n > 0) {
		if (isnum(f, n))
			sc->u[sc->nu - 1].fl |= U_NEXTNUM;
		if (CSPR_INLIST(person_verbs, f))
			sc->u[sc->nu - 1].fl |= U_VERB;
	}
	if (cap)
		fl |= U_CAP;
	if (cspr_sentences_word(sent, s, i, e, cap) == CSPR_SENT_START)
		fl |= U_INITIAL;
	/* the flags from the word before: for a unit, or for a short word
	 * a name may continue ("O Brien"); most words are neither */
	ufl = fl;
	if (n > 0 && n <= 3 && d->nents)
		ufl |= prev_flags(pv, gc);
	if (n > 0 && d->nents && gc == G_WS && short_prefix(pv) &&
	    pv->ord + 1 == first && pv->n + n <= FOLDMAX) {
		/* "O Brien", "Mc Allister": the short word and this one as
		 * one name */
		char cf[FOLDMAX + 1];

		memcpy(cf, pv->f, (size_t)pv->n);
		memcpy(cf + pv->n, f, (size_t)n + 1);
		ent = find_word(sc, i, e, cf, (size_t)(pv->n + n), cap, &stem,
		    &poss);
		if (ent >= 0 && d->ents[ent].nitems) {
			if (sc->nu && sc->u[sc->nu - 1].off == pv->off)
				sc->nu--;
			push_unit(sc, pv->off, stem - pv->off, pv->ord, ent,
			    pv->gc, pv->fl | (cap ? U_CAP : 0) |
			    (poss ? U_POSS : 0));
			*ord = pv->ord + 1;
			first = pv->ord; /* the unit is made */
			ufl = pv->fl;
			concat = 1;
		}
	}
	if (concat) {
		/* done above */
	} else if (n > 0 && d->nents &&
	    (ent = find_word(sc, i, e, f, (size_t)n, cap, &stem, &poss)) >= 0) {
		push_unit(sc, i, stem - i, (*ord)++, ent, gc,
		    fl | prev_flags(pv, gc) | (poss ? U_POSS : 0));
	} else if (d->nents && (n < 0 || strpbrk(f, "'-"))) {
		/* the pieces of a hyphenated word, or of words run together
		 * with an apostrophe ("Poppy'placeholder") */
		size_t a = i, b;
		int piece = 0, pn, pcap;
		char pf[FOLDMAX + 1];

		while (a < e) {
			uint32_t cp;

			for (b = a; b < e;) {
				size_t k = cspr_u8next(s, e, b, &cp);

				if (cspr_cpclass(cp) == CSPR_C_HYPHEN)
					break;
				/* not "don't", "we'll": a contraction's
				 * tail is short */
				if (cspr_cpclass(cp) == CSPR_C_APOS &&
				    tail_len(s, b + k, e) >= 3)
					break;
				b += k;
			}
			pn = cspr_text_fold(s, a, b, pf, &pcap);
			if (pn > 0 && (ent = find_word(sc, a, b, pf, (size_t)pn,
					   pcap, &stem, &poss)) >= 0)
				push_unit(sc, a, stem - a, *ord, ent,
				    piece ? G_HYPHEN : gc,
				    (piece ? 0
					   : (fl & ~U_CAP) |
						 prev_flags(pv, gc)) |
					(pcap ? U_CAP : 0) |
					(poss ? U_POSS : 0));
			(*ord)++;
			piece = 1;
			a = b < e ? b + cspr_u8next(s, e, b, &cp) : e;
		}
	} else
		(*ord)++;
	if (*ord == first)
		(*ord)++;
	/* patterns that start with a word, or with a piece of one after an
	 * apostrophe or hyphen ("ref-9990000026") */
	cspr_patterns_at(sc, i, e);
	if (n < 0 || strpbrk(f, "'-")) {
		uint32_t cp;
		size_t k = i, m;
		int pc = CSPR_C_OTHER;

		while (k < e) {
			m = cspr_u8next(s, e, k, &cp);
			if ((pc == CSPR_C_APOS || pc == CSPR_C_HYPHEN) && cp < 0x80)
				cspr_patterns_at(sc, k, e);
			pc = cspr_cpclass(cp);
			k += m;
		}
	}
	pv->n = n >= 0 && n < (int)sizeof(pv->f) ? n : -1;
	if (pv->n >= 0)
		memcpy(pv->f, f, (size_t)n + 1);
	pv->off = i;
	pv->ord = first;
	pv->gc = gc;
	pv->fl = ufl;
}

/* Split the text into words and gaps; collect units and pattern
 * candidates. */
static void
tokenise(struct scan *sc)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, i = 0, ord = 0, n;
	struct gap g;
	struct prev pv;
	struct cspr_sentences sent = CSPR_SENTENCES_INIT;
	uint32_t cp;
	int c;

	memset(&g, 0, sizeof(g));
	memset(&pv, 0, sizeof(pv));
	pv.n = -1;
	while (i < len && !sc->oom) {
		n = cspr_u8next(s, len, i, &cp);
		c = cspr_cpclass(cp);
		if (c == CSPR_C_LETTER || c == CSPR_C_DIGIT) {
			size_t e = cspr_text_word_end(s, len, i);

			do_word(sc, i, e, &g, &ord, &pv, &sent);
			memset(&g, 0, sizeof(g));
			i = e;
			continue;
		}
		gap_add(&g, cp, c);
		cspr_sentences_gap(&sent, s, len, i, cp);
		if (cp == '@')
			cspr_email_at(sc, i);
		i += n;
	}
}

static int
single_ok(const struct entry *e, unsigned fl, int strict)
{
	if (e->fl & E_SHORT)
		return 0;
	if (!(e->fl & E_COMMON))
		return 1;
	if (!(fl & U_CAP))
		return 0;
	if (fl & (U_TITLE | U_POSS))
		return 1;
	if ((e->fl & E_MONTH) && (fl & (U_PREVCTX | U_NEXTNUM)))
		return 0;
	if (!(fl & U_INITIAL) || strict)
		return 1;
	return (fl & U_VERB) != 0;
}

static int
cmpcand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->prio - y->prio;
}

/* Mark the units that overlap a pattern's match (an e-mail address, a
 * date): they belong to it.  Otherwise a name run starting inside an
 * e-mail address would lose to it whole and leave its tail unredacted. */
static void
cover(struct scan *sc)
{
	size_t k = 0, maxend = 0;

	if (sc->nc)
		qsort(sc->c, sc->nc, sizeof(*sc->c), cmpcand);
	for (size_t i = 0; i < sc->nu; i++) {
		struct unit *u = &sc->u[i];

		while (k < sc->nc && sc->c[k].off < u->off + u->len) {
			if (sc->c[k].off + sc->c[k].len > maxend)
				maxend = sc->c[k].off + sc->c[k].len;
			k++;
		}
		if (maxend > u->off)
			u->fl |= U_COVERED;
	}
}

/* The first item of a group. */
static int
group_item(const struct cspr_detector *d, int g)
{
	for (size_t k = 0; k < d->nitems; k++)
		if (d->items[k].group == g)
			return (int)k;
	return 0;
}

/* A part in lower case that is also an everyday word: alone it is not a
 * name, and it joins no other part. */
static int
weak(const struct cspr_detector *d, const struct unit *u)
{
	return (d->ents[u->ent].fl & E_COMMON) && !(u->fl & U_CAP);
}

/* Join neighbouring parts of one person's name into runs and decide which
 * runs are hits. */
static void
name_runs(struct scan *sc)
{
	const struct cspr_detector *d = sc->d;
	size_t i = 0, j;

	while (i < sc->nu) {
		const struct entry *e = &d->ents[sc->u[i].ent];
		int grp[MAXGROUPS], ng = 0, strong = 0, nonshort = 0;

		if (!e->nitems || (sc->u[i].fl & U_COVERED)) {
			i++;
			continue;
		}
		for (size_t k = 0; k < e->nitems && ng < MAXGROUPS; k++)
			grp[ng++] = d->items[e->items[k]].group;
		for (j = i; j + 1 < sc->nu; j++) {
			const struct unit *a = &sc->u[j], *b = &sc->u[j + 1];
			const struct entry *eb = &d->ents[b->ent];
			int keep[MAXGROUPS], nk = 0;

			/* "will" after "Will Brown" is the verb */
			if (b->ord != a->ord + 1 || !eb->nitems || weak(d, a) ||
			    weak(d, b) || (b->fl & U_COVERED))
				break;
			if (!(b->gap == G_WS || b->gap == G_HYPHEN ||
				b->gap == G_COMMA ||
				(b->gap == G_DOT &&
				    (d->ents[a->ent].fl & E_SHORT))))
				break;
			for (int x = 0; x < ng; x++)
				for (size_t k = 0; k < eb->nitems; k++)
					if (d->items[eb->items[k]].group ==
					    grp[x]) {
						keep[nk++] = grp[x];
						break;
					}
			if (!nk)
				break;
			memcpy(grp, keep, (size_t)nk * sizeof(int));
			ng = nk;
		}
		for (size_t k = i; k <= j; k++) {
			const struct entry *ek = &d->ents[sc->u[k].ent];

			if (ek->fl & E_SHORT)
				continue;
			nonshort++;
			if (!(ek->fl & E_COMMON) || (sc->u[k].fl & U_CAP))
				strong = 1;
		}
		/* after a title, an adult sharing the surname rather than the
		 * child */
		if ((sc->u[i].fl & U_TITLE) && ng > 1) {
			int nk = 0;

			for (int x = 0; x < ng; x++)
				if (!d->items[group_item(d, grp[x])].minor)
					grp[nk++] = grp[x];
			if (nk)
				ng = nk;
		}
		if (j > i ? nonshort && strong : single_ok(e, sc->u[i].fl, d->strict)) {
			/* the item: the first one of the run's person */
			int item = -1, kind = CSPR_ID_ALIAS;

			for (size_t k = i; k <= j; k++) {
				const struct entry *ek = &d->ents[sc->u[k].ent];

				for (size_t x = 0; x < ek->nitems; x++) {
					const struct item *it =
					    &d->items[ek->items[x]];

					if (it->group != grp[0])
						continue;
					if (item < 0 || ek->items[x] < item)
						item = ek->items[x];
					if (it->kind == CSPR_ID_NAME)
						kind = CSPR_ID_NAME;
				}
			}
			cspr_scan_cand(sc, sc->u[i].off,
			    sc->u[j].off + sc->u[j].len - sc->u[i].off, kind,
			    item);
		}
		i = j + 1;
	}
}

/* Address lines and exemptions. */
static void
phrases(struct scan *sc)
{
	const struct cspr_detector *d = sc->d;

	for (size_t i = 0; i < sc->nu && !sc->oom; i++) {
		const struct entry *e = &d->ents[sc->u[i].ent];

		if (sc->u[i].fl & U_COVERED)
			continue;
		for (size_t k = 0; k < e->nphr; k++) {
			const struct phrase *p = &d->phr[e->phr[k]];
			size_t t;

			if (i + p->n > sc->nu)
				continue;
			for (t = 1; t < p->n; t++) {
				const struct unit *a = &sc->u[i + t - 1];
				const struct unit *b = &sc->u[i + t];

				if (b->ord != a->ord + 1 ||
				    (b->fl & U_COVERED) ||
				    (b->ent != p->tok[t] &&
					b->ent != p->alt[t]))
					break;
				if (!(b->gap == G_WS || b->gap == G_HYPHEN ||
					(p->item >= 0 &&
					    (b->gap == G_WSMANY ||
						b->gap == G_COMMA))))
					break;
			}
			if (t < p->n)
				continue;
			t = i + p->n - 1;
			if (p->item >= 0)
				cspr_scan_cand(sc, sc->u[i].off,
				    sc->u[t].off + sc->u[t].len - sc->u[i].off,
				    CSPR_ID_ADDRESS, p->item);
			else if (!cspr_grow(&sc->x, &sc->capx, sc->nx + 1,
				     sizeof(*sc->x))) {
				sc->x[sc->nx].off = sc->u[i].off;
				sc->x[sc->nx].len =
				    sc->u[t].off + sc->u[t].len - sc->u[i].off;
				sc->nx++;
			} else
				sc->oom = 1;
		}
	}
}

/* Drop the name candidates inside an exemption.  Both lists are in text
 * order; x[k].len becomes the furthest end of x[0..k] so that one pass
 * finds any exemption containing a candidate. */
static void
drop_exempt(struct scan *sc)
{
	size_t k = 0, n = 0, maxend = 0;

	for (size_t j = 0; j < sc->nx; j++) {
		if (sc->x[j].off + sc->x[j].len > maxend)
			maxend = sc->x[j].off + sc->x[j].len;
		sc->x[j].len = maxend;
	}
	for (size_t i = 0; i < sc->nc; i++) {
		const struct cand *c = &sc->c[i];

		while (k + 1 < sc->nx && sc->x[k + 1].off <= c->off)
			k++;
		if ((c->kind == CSPR_ID_NAME || c->kind == CSPR_ID_ALIAS) &&
		    k < sc->nx && sc->x[k].off <= c->off &&
		    sc->x[k].len >= c->off + c->len)
			continue;
		sc->c[n++] = *c;
	}
	sc->nc = n;
}

int
cspr_detect(const struct cspr_detector *d, const char *text, size_t len,
    struct cspr_hits *hits)
{
	struct scan sc;
	struct cspr_textpos pos = {0};
	size_t n = 0, i;
	int r = -1;

	if (!d || !hits || (!text && len))
		return -1;
	hits->n = 0;
	memset(&sc, 0, sizeof(sc));
	sc.d = d;
	sc.s = (const unsigned char *)text;
	sc.len = len;
	tokenise(&sc);
	cover(&sc);
	name_runs(&sc);
	phrases(&sc);
	if (sc.oom)
		goto out;
	/* exempt names go first, then the longest of overlapping hits */
	if (sc.nc)
		qsort(sc.c, sc.nc, sizeof(*sc.c), cmpcand);
	drop_exempt(&sc);
	for (i = 0; i < sc.nc; i++) {
		struct cand *c = &sc.c[i];

		if (n && c->off < sc.c[n - 1].off + sc.c[n - 1].len) {
			if (c->len > sc.c[n - 1].len)
				sc.c[n - 1] = *c;
			continue;
		}
		sc.c[n++] = *c;
	}
	if (cspr_grow(&hits->v, &hits->cap, n, sizeof(*hits->v)) < 0)
		goto out;
	/* line and column: one walk over the text */
	for (i = 0; i < n; i++) {
		struct cspr_hit *h = &hits->v[i];

		cspr_textpos_at(text, len, &pos, sc.c[i].off);
		h->kind = (enum cspr_id_kind)sc.c[i].kind;
		h->off = sc.c[i].off;
		h->len = sc.c[i].len;
		h->item = sc.c[i].item;
		h->line = pos.line;
		h->col = pos.col;
	}
	hits->n = n;
	r = (int)n;
out:
	free(sc.u);
	free(sc.c);
	free(sc.x);
	return r;
}

void
cspr_hits_clear(struct cspr_hits *hits)
{
	if (!hits)
		return;
	free(hits->v);
	hits->v = NULL;
	hits->n = hits->cap = 0;
}

/* The length of a title ("Mrs ", "Dr. ") ending just before s[off], or 0. */
static size_t
title_before(const unsigned char *s, size_t off)
{
	size_t k = off, e;
	char f[8];

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == off)
		return 0;
	if (k > 0 && s[k - 1] == '.')
		k--;
	e = k;
	while (k > 0 && isalpha_a(s[k - 1]) && e - k < 5)
		k--;
	if (k == e || e - k >= 5 ||
	    (k > 0 && (isalpha_a(s[k - 1]) || (s[k - 1] & 0x80))))
		return 0;
	for (size_t j = 0; j < e - k; j++)
		f[j] = (char)lower(s[k + j]);
	f[e - k] = '\0';
	return istitle(f) ? off - k : 0;
}

/* One pass of cspr_redact: replace the hits h of text. */
static char *
redact_once(const struct cspr_detector *d, const char *text, size_t len,
    const struct cspr_hits *hp, size_t *outlen)
{
	const struct cspr_hits h = *hp;
	size_t size = len + 1, o = 0, pos = 0;
	char *out = NULL;

	for (size_t k = 0; k < h.n; k++)
		size += strlen(cspr_hit_label(d, &h.v[k]));
	if (!(out = malloc(size)))
		return NULL;
	for (size_t k = 0; k < h.n; k++) {
		const struct cspr_hit *x = &h.v[k];
		const char *l = cspr_hit_label(d, x);
		size_t start = x->off;

		if ((x->kind == CSPR_ID_NAME || x->kind == CSPR_ID_ALIAS) &&
		    start > pos) {
			size_t t =
			    title_before((const unsigned char *)text, start);

			if (t && start - t >= pos)
				start -= t;
		}
		memcpy(out + o, text + pos, start - pos);
		o += start - pos;
		memcpy(out + o, l, strlen(l));
		o += strlen(l);
		pos = x->off + x->len;
	}
	if (len > pos)
		memcpy(out + o, text + pos, len - pos);
	o += len - pos;
	out[o] = '\0';
	*outlen = o;
	return out;
}

char *
cspr_redact(
    const struct cspr_detector *d, const char *text, size_t len, size_t *outlen)
{
	struct cspr_hits h = {0};
	char *out = NULL, *next;
	size_t n = len;
	int round;

	/* Replacing a hit can change its neighbours' words (text run
	 * together with an e-mail address becomes a word of its own), so
	 * scan the result again, a few times at most; what is left then is
	 * for the caller's own scan to report. */
	for (round = 0; round < 4; round++) {
		if (cspr_detect(d, out ? out : text, out ? n : len, &h) < 0)
			goto fail;
		if (h.n == 0 && out)
			break;
		next = redact_once(d, out ? out : text, out ? n : len, &h, &n);
		if (!next)
			goto fail;
		free(out);
		out = next;
		if (h.n == 0)
			break;
	}
	cspr_hits_clear(&h);
	if (outlen)
		*outlen = n;
	return out;
fail:
	cspr_hits_clear(&h);
	free(out);
	return NULL;
}
