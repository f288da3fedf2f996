/*
 * possible.c - identifiers nobody listed (9.12.2, 9.15.2, 9.4.3).
 *
 * identifiers.c finds what the case file lists.  A final report also names
 * people and places the case file never does: the mother's new partner, a
 * neighbour, a friend, the school, the street, the GP surgery, a car.  Any
 * one of them can identify the child once the report is public.  This
 * finds what has the shape of such a detail, for a person to check before
 * publication (csp-publish-check) or to replace before a case leaves the
 * partnership (csp-notify --anonymise).
 *
 * The rules, each with its kind:
 * - name: a capitalised word that is not an ordinary English word (the
 *   lower-case entries of Debian's wbritish list, compiled in by
 *   tools/mkwords.c), not the first word of a sentence, not in capitals
 *   (an acronym), and not known to be harmless: the case's partnership,
 *   local authority, agencies and reviewer, the pseudonym, months and days,
 *   the nations, the words the procedure uses and the apps children
 *   use.  "Keira", "O'Neill",
 *   "Zoë" are names; "Rose", "Hope", "Will" are words.  Whatever follows a
 *   title (Mr, Mrs, Dr, PC, Professor...) is a name, words included ("Mrs
 *   Hope"), and so is what follows a relation after her, his, their, my,
 *   your or our ("her friend Keira", "his uncle Dev").  Neighbouring names
 *   are one ("Keira Smith-Jones").
 * - street, school, place: capitalised words before a street word (Road,
 *   Street, Lane, Close, Avenue, Drive, Way, Crescent...), a school word
 *   (School, Primary, Academy, College, Nursery, Infants...) or another
 *   place (Surgery, Practice, Hospital, Ward, Clinic, Church, Mosque...),
 *   at least one of them particular: not another such word, nor a general
 *   one (Primary, Community, General, Royal...), nor the case's own
 *   organisations.  "Hillcrest Infant School" and "Farrow Road" are found
 *   wherever they are; "the Primary School" is not.
 * - vehicle: a UK registration, AB12 CDE or A123 BCD, in capitals.
 * - ni_number: a National Insurance number, QQ 12 34 56 C (any spacing).
 * - handle: @name, not part of an e-mail address.
 * - url: http://, https:// or www. up to the next space, or a domain
 *   (name.co.uk, name.com...), less the gov.uk, nhs.uk and police.uk
 *   sites everyone may cite.
 * - dob: any full date after "born" or "date of birth" (with "on", "in",
 *   ":" between): "born 2 March 2013", "date of birth: 02/03/2013".
 * What the case lists is identifiers.c's, never reported twice here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "detect.h"
#include "fnv.h"

/* tools/mkwords.c: the hashes of the ordinary words, sorted */
extern const uint32_t cspr_words[];
extern const size_t cspr_words_n;

/* Each kind: its name in JSON, its label in anonymised text, and what
 * csp-publish-check says of one: what it may be, and what to do. */
/* clang-format off */
static const struct maybe_kind {
	const char *name, *label, *what, *instead;
} kinds[] = {
	[CSPR_MAYBE_NAME] = {.name = "name", .label = "[name]",
	    .what = "Possibly a person's name that",
	    .instead = "write a role or relationship instead"},
	[CSPR_MAYBE_STREET] = {.name = "street", .label = "[street]",
	    .what = "Possibly a street that", .instead = "remove it"},
	[CSPR_MAYBE_SCHOOL] = {.name = "school", .label = "[school]",
	    .what = "Possibly a school or nursery that",
	    .instead = "write \"the school\" instead"},
	[CSPR_MAYBE_PLACE] = {.name = "place", .label = "[place]",
	    .what = "Possibly a named place that",
	    .instead = "write what it is instead"},
	[CSPR_MAYBE_VEHICLE] = {.name = "vehicle",
	    .label = "[vehicle registration]",
	    .what = "Possibly a vehicle registration that",
	    .instead = "remove it"},
	[CSPR_MAYBE_NI_NUMBER] = {.name = "ni_number", .label = "[NI number]",
	    .what = "Possibly a National Insurance number that",
	    .instead = "remove it"},
	[CSPR_MAYBE_HANDLE] = {.name = "handle", .label = "[handle]",
	    .what = "Possibly a social media handle that",
	    .instead = "remove it"},
	[CSPR_MAYBE_URL] = {.name = "url", .label = "[web address]",
	    .what = "A web address or domain that",
	    .instead = "remove it unless it is public"},
	[CSPR_MAYBE_DOB] = {.name = "dob", .label = "[date of birth]",
	    .what = "A date of birth that", .instead = "give an age instead"},
};
/* clang-format on */

static const struct maybe_kind *
kind(enum cspr_maybe_kind k)
{
	static const struct maybe_kind unknown = {.name = "unknown",
	    .label = "[removed]", .what = "Something that",
	    .instead = "remove it"};

	return k >= CSPR_MAYBE_NAME && k <= CSPR_MAYBE_DOB ? &kinds[k] :
	    &unknown;
}

const char *
cspr_maybe_kind_name(enum cspr_maybe_kind k)
{
	return kind(k)->name;
}

const char *
cspr_maybe_label(enum cspr_maybe_kind k)
{
	return kind(k)->label;
}

void
cspr_maybe_advice(enum cspr_maybe_kind k, const char **what,
    const char **instead)
{
	*what = kind(k)->what;
	*instead = kind(k)->instead;
}

/* ---- word lists ---- */

/* Is folded w[0..n) an ordinary English word? */
static int
ordinary(const char *w, size_t n)
{
	uint32_t h = cspr_fnv1a(w, n);

	return bsearch(&h, cspr_words, cspr_words_n, sizeof(h),
		   cspr_cmpu32) != NULL;
}

/* Proper words that name no one: days, months, the nations, holidays, and
 * the words the procedure uses that the word list writes with a capital.
 * Sorted. */
/* clang-format off */
static const char *const harmless[] = {
	"april", "august", "bank", "britain", "british", "christmas",
	"december", "easter", "england", "english", "europe", "european",
	"facebook", "february", "friday", "frimley", "google", "hampshire",
	"inspectorate", "instagram", "internet", "ireland", "irish", "isle",
	"january", "july", "june", "march", "may", "monday", "munro",
	"november", "october", "ofsted", "playstation", "portsmouth",
	"radicalisation", "saturday", "scotland", "scottish", "september",
	"snapchat", "southampton", "sunday", "thursday", "tiktok", "timpson",
	"tuesday", "twitter", "wednesday", "welsh", "whatsapp", "wight",
	"xbox", "youtube", "zoom",
};
/* clang-format on */

/* After her, his, their, my, your or our: the next name is a person.
 * Sorted. */
/* clang-format off */
static const char *const relations[] = {
	"aunt", "auntie", "babysitter", "boyfriend", "brother", "carer",
	"classmate", "cousin", "dad", "daughter", "father", "friend",
	"girlfriend", "godfather", "godmother", "gran", "grandad", "granddad",
	"granddaughter", "grandfather", "grandma", "grandmother", "grandson",
	"husband", "mother", "mum", "nan", "nana", "neighbour", "nephew",
	"niece", "partner", "sister", "son", "stepbrother", "stepdad",
	"stepfather", "stepmother", "stepmum", "stepsister", "teacher",
	"uncle", "wife",
};
/* clang-format on */

/* clang-format off */
static const char *const owners[] = {
	"her", "his", "my", "our", "their", "your",
};

/* ... maybe with one of these between: "her new partner". Sorted. */
static const char *const qualifiers[] = {
	"best", "big", "close", "elder", "ex", "former", "little", "new",
	"old", "older", "school", "younger",
};
/* clang-format on */

/* The last word of a place: its kind.  Sorted. */
/* clang-format off */
static const struct place {
	const char *w;
	enum cspr_maybe_kind kind;
} places[] = {
	{.w = "academy", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "avenue", .kind = CSPR_MAYBE_STREET},
	{.w = "chapel", .kind = CSPR_MAYBE_PLACE},
	{.w = "church", .kind = CSPR_MAYBE_PLACE},
	{.w = "clinic", .kind = CSPR_MAYBE_PLACE},
	{.w = "close", .kind = CSPR_MAYBE_STREET},
	{.w = "college", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "court", .kind = CSPR_MAYBE_STREET},
	{.w = "crescent", .kind = CSPR_MAYBE_STREET},
	{.w = "drive", .kind = CSPR_MAYBE_STREET},
	{.w = "estate", .kind = CSPR_MAYBE_STREET},
	{.w = "gardens", .kind = CSPR_MAYBE_STREET},
	{.w = "grove", .kind = CSPR_MAYBE_STREET},
	{.w = "hospital", .kind = CSPR_MAYBE_PLACE},
	{.w = "infant", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "infants", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "junior", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "juniors", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "lane", .kind = CSPR_MAYBE_STREET},
	{.w = "mosque", .kind = CSPR_MAYBE_PLACE},
	{.w = "nursery", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "practice", .kind = CSPR_MAYBE_PLACE},
	{.w = "primary", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "road", .kind = CSPR_MAYBE_STREET},
	{.w = "school", .kind = CSPR_MAYBE_SCHOOL},
	{.w = "square", .kind = CSPR_MAYBE_STREET},
	{.w = "street", .kind = CSPR_MAYBE_STREET},
	{.w = "surgery", .kind = CSPR_MAYBE_PLACE},
	{.w = "synagogue", .kind = CSPR_MAYBE_PLACE},
	{.w = "temple", .kind = CSPR_MAYBE_PLACE},
	{.w = "terrace", .kind = CSPR_MAYBE_STREET},
	{.w = "ward", .kind = CSPR_MAYBE_PLACE},
	{.w = "way", .kind = CSPR_MAYBE_STREET},
};
/* clang-format on */

/* Words that say what a place is, not which: "the Community Hospital",
 * "a Primary School" name none.  Sorted. */
/* clang-format off */
static const char *const general[] = {
	"a", "an", "cathedral", "catholic", "central", "children's", "city",
	"community", "county", "district", "east", "faith", "free", "general",
	"grammar", "high", "independent", "infant", "junior", "local", "main",
	"maternity", "medical", "new", "north", "nursery", "old", "our",
	"primary", "private", "royal", "secondary", "sixth", "south",
	"special", "state", "the", "this", "upper", "village", "west",
};
/* clang-format on */

static const struct place *
place_word(const char *f)
{
	size_t lo = 0, hi = sizeof(places) / sizeof(places[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(f, places[mid].w);

		if (c == 0)
			return &places[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ---- the scan ---- */

/* A word of the text. */
struct word {
	size_t off, end;
	char f[CSPR_FOLDMAX + 1]; /* folded, "'s" off; "" when too long */
	int n;
	unsigned cap : 1;     /* starts with a capital */
	unsigned caps : 1;    /* in capitals (an acronym, "GPs" too) */
	unsigned start : 1;   /* starts a sentence */
	unsigned joined : 1;  /* only spaces (one line break) before it */
	unsigned cjoined : 1; /* that, or a comma */
	unsigned harmless : 1;
	unsigned poss : 1;    /* "'s" was cut off */
};

struct pscan {
	const struct cspr_detector *d;
	const unsigned char *s;
	size_t len;
	struct cspr_maybes *out;
	int oom;
};

static void
add(struct pscan *p, size_t off, size_t end, enum cspr_maybe_kind kind)
{
	struct cspr_maybes *o = p->out;

	if (cspr_grow(&o->v, &o->cap, o->n + 1, sizeof(*o->v)) < 0) {
		p->oom = 1;
		return;
	}
	memset(&o->v[o->n], 0, sizeof(o->v[0]));
	o->v[o->n].kind = kind;
	o->v[o->n].off = off;
	o->v[o->n].len = end - off;
	o->n++;
}

/* Fill in w from s[i..e). */
static void
read_word(struct pscan *p, size_t i, size_t e, struct word *w)
{
	const unsigned char *s = p->s;
	int up = 0, letters = 0, cap;
	uint32_t cp;

	w->off = i;
	w->end = e;
	w->n = cspr_text_fold(s, i, e, w->f, &cap);
	w->cap = w->n > 0 && cap;
	if (w->n < 0)
		w->n = 0;
	w->f[w->n] = '\0';
	w->poss = 0;
	if (w->n > 2 && w->f[w->n - 1] == 's' && w->f[w->n - 2] == '\'') {
		w->n -= 2;
		w->f[w->n] = '\0';
		w->poss = 1;
	}
	/* capitals: "NHS", "GPs" (only a capitalised word can be a name) */
	for (size_t k = i; w->cap && k < e;) {
		size_t m = cspr_u8next(s, e, k, &cp);

		if (cspr_cpclass(cp) == CSPR_C_LETTER) {
			letters++;
			up += (cp >= 'A' && cp <= 'Z') ||
			    (cp >= 0xc0 && cp <= 0xde && cp != 0xd7);
		}
		k += m;
	}
	w->caps = letters >= 2 && (up == letters ||
	    (up == letters - 1 && s[e - 1] == 's'));
	w->harmless = 0;
	/* only a capital can make a name: the rest need no look-up */
	if (w->n > 0 && w->cap) {
		int ent = cspr_detector_lookup(p->d, w->f, (size_t)w->n);

		w->harmless = CSPR_INLIST(harmless, w->f) ||
		    (ent >= 0 && (p->d->ents[ent].fl & E_HARMLESS));
	}
}

/* Is folded a[0..l) no ordinary word?  A contraction or possessive
 * ("I'm", "Children's") is judged by its head. */
static int
unusual(const char *a, size_t l)
{
	const char *q = memchr(a, '\'', l);

	if (q && l - (size_t)(q - a) - 1 <= 2) {
		l = (size_t)(q - a);
		if (l <= 1)
			return 0;
	}
	return l >= 2 && !ordinary(a, l);
}

/* Is the word a name by itself: capitalised, not an acronym, not an
 * ordinary word, not harmless?  Hyphenated: any piece that is not a word
 * ("Smith-Jones"; not "Multi-Agency"). */
static int
proper(const struct word *w)
{
	const char *a = w->f, *h;

	if (!w->cap || w->caps || w->harmless || w->n < 2)
		return 0;
	for (;;) {
		size_t l;
		char piece[CSPR_FOLDMAX + 1];

		h = strchr(a, '-');
		l = h ? (size_t)(h - a) : strlen(a);
		memcpy(piece, a, l);
		piece[l] = '\0';
		if (unusual(a, l) && !CSPR_INLIST(harmless, piece))
			return 1;
		if (!h)
			return 0;
		a = h + 1;
	}
}

/* The words of the text, with what is between them. */
struct cursor {
	size_t i;
	struct cspr_sentences sent;
	int nl;    /* line breaks since the last word */
	int gap;   /* anything but spaces since the last word */
	int comma; /* commas since the last word */
};

/* Scan to the next word; 0 at the end. */
static int
next_word(struct pscan *p, struct cursor *c, struct word *w)
{
	const unsigned char *s = p->s;
	size_t len = p->len;
	uint32_t cp;

	c->nl = c->gap = c->comma = 0;
	while (c->i < len) {
		size_t n = cspr_u8next(s, len, c->i, &cp);
		int cls = cspr_cpclass(cp);

		if (cls == CSPR_C_LETTER || cls == CSPR_C_DIGIT) {
			size_t e = cspr_text_word_end(s, len, c->i);

			read_word(p, c->i, e, w);
			/* a capital at a sentence's or a clause's start
			 * says nothing */
			w->start = cspr_sentences_word(&c->sent, s, c->i,
			    e, w->cap) !=
			    CSPR_SENT_IN;
			w->joined = !c->gap && c->nl <= 1;
			w->cjoined = c->gap == c->comma && c->comma <= 1 &&
			    c->nl <= 1;
			c->i = e;
			return 1;
		}
		cspr_sentences_gap(&c->sent, s, len, c->i, cp);
		if (cp == '\n')
			c->nl++;
		else if (cls != CSPR_C_SPACE) {
			c->gap++;
			c->comma += cp == ',';
		}
		c->i += n;
	}
	return 0;
}

/* A run of neighbouring capitalised words ending in a place word:
 * w[0..n) are the run, w[k] the last place word.  "Hillcrest Infant
 * School", "Farrow Road". */
static void
place_run(struct pscan *p, const struct word *w, size_t n)
{
	size_t k = n, first = n;
	const struct place *pl = NULL;

	/* the last place word with a particular word before it */
	while (k-- > 1) {
		if (!(pl = place_word(w[k].f)))
			continue;
		for (size_t j = 0; j < k; j++)
			if (!place_word(w[j].f) && !CSPR_INLIST(general, w[j].f) &&
			    !w[j].harmless && !w[j].caps && w[j].n >= 2) {
				first = j;
				break;
			}
		if (first < n)
			break;
	}
	if (first < n && pl)
		add(p, w[first].off, w[k].end, pl->kind);
}

/* Names and places. */
static void
words_pass(struct pscan *p)
{
	struct cursor c = {.i = 0, .sent = CSPR_SENTENCES_INIT};
	struct word run[8];
	size_t nrun = 0;
	int forced = 0, last_name = 0, owned = 0;
	struct word w;

	while (!p->oom && next_word(p, &c, &w)) {
		int name = 0, title;

		/* a run of capitalised words: places */
		if (nrun && (!w.cap || !w.joined || w.start)) {
			place_run(p, run, nrun);
			nrun = 0;
		}
		if (w.cap && nrun < sizeof(run) / sizeof(run[0]))
			run[nrun++] = w;
		title = w.cap && cspr_is_title(w.f);
		/* after a title or "her friend": a name, whatever it is */
		if (title)
			name = 0;
		else if (forced && w.cap && w.cjoined && !w.caps &&
		    !w.harmless)
			name = 1;
		else if (!w.start && proper(&w))
			name = 1;
		else if (last_name && w.cap && w.joined && !w.caps &&
		    !w.harmless && !place_word(w.f))
			name = 1; /* the rest of a name: "Keira Rose" */
		/* her friend, his new partner, the mother's partner */
		forced = title || (owned && w.joined &&
		    CSPR_INLIST(relations, w.f));
		owned = w.joined && (w.poss || (w.n <= 5 &&
		    CSPR_INLIST(owners, w.f)) || (owned && CSPR_INLIST(qualifiers,
		    w.f)));
		if (name && last_name && w.joined && p->out->n) {
			/* "Keira Smith": one name */
			struct cspr_maybe *m = &p->out->v[p->out->n - 1];

			m->len = w.end - m->off;
		} else if (name)
			add(p, w.off, w.end, CSPR_MAYBE_NAME);
		last_name = name;
		/* a title's own full stop joins it to the name: "Dr.
		 * Farrow" (and ends no sentence: text.c) */
		if (title && w.end < p->len && p->s[w.end] == '.')
			c.i++;
	}
	if (nrun)
		place_run(p, run, nrun);
}

/* ---- shapes ---- */

static int
up(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
dig(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
alnum(unsigned char c)
{
	return up(c) || dig(c) || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* AB12 CDE, A123 BCD: the length, or 0. */
static size_t
vehicle(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i, d = 0;

	if (i > 0 && alnum(s[i - 1]))
		return 0;
	if (j + 7 <= len && up(s[j]) && up(s[j + 1]) && dig(s[j + 2]) &&
	    dig(s[j + 3]))
		j += 4;
	else if (up(s[j])) {
		j++;
		while (j < len && dig(s[j]) && d < 3)
			j++, d++;
		if (d == 0 || (j < len && dig(s[j])))
			return 0;
	} else
		return 0;
	if (j < len && s[j] == ' ')
		j++;
	if (j + 3 > len || !up(s[j]) || !up(s[j + 1]) || !up(s[j + 2]) ||
	    (j + 3 < len && alnum(s[j + 3])))
		return 0;
	return j + 3 - i;
}

/* QQ 12 34 56 C, QQ123456C: the length, or 0. */
static size_t
ni_number(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i + 2;
	int nd = 0;

	if ((i > 0 && alnum(s[i - 1])) || i + 9 > len ||
	    !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
	    !((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'))
		return 0;
	while (nd < 6) {
		if (j < len && s[j] == ' ' && nd % 2 == 0)
			j++;
		if (j + 1 >= len || !dig(s[j]) || !dig(s[j + 1]))
			return 0;
		j += 2;
		nd += 2;
	}
	if (j < len && s[j] == ' ')
		j++;
	if (j >= len || !strchr("ABCDabcd", s[j]) || !s[j] ||
	    (j + 1 < len && alnum(s[j + 1])))
		return 0;
	return j + 1 - i;
}

static int
domain_char(unsigned char c)
{
	return alnum(c) || c == '-' || c == '.';
}

/* Top-level domains a domain may end in. Sorted. */
/* clang-format off */
static const char *const tlds[] = {
	"biz", "co", "com", "info", "io", "me", "net", "org", "tv", "uk",
};
/* clang-format on */

/* Sites everyone may cite: the domain ends in one. */
static const char *const public_sites[] = {".gov.uk", ".nhs.uk",
    ".police.uk", NULL};

/* A web address or domain starting at s[i]: the length, or 0. */
static size_t
url(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i, dot = 0, host, hend;
	char tld[8];
	int http = 0;

	if (i > 0 && (alnum(s[i - 1]) || s[i - 1] == '@' || s[i - 1] == '.' ||
	    s[i - 1] == '/'))
		return 0;
	if (len - i >= 7 && strncmp((const char *)s + i, "http://", 7) == 0)
		j += 7, http = 1;
	else if (len - i >= 8 &&
	    strncmp((const char *)s + i, "https://", 8) == 0)
		j += 8, http = 1;
	host = j;
	while (j < len && domain_char(s[j]))
		j++;
	while (j > host && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	hend = j;
	for (size_t k = host; k < hend; k++)
		if (s[k] == '.')
			dot = k;
	if (!dot || dot == host)
		return 0;
	if (j < len && s[j] == '@')
		return 0; /* the local part of an e-mail address */
	if (!http && !(hend - host > 4 && strncmp((const char *)s + host,
	    "www.", 4) == 0)) {
		size_t n = hend - dot - 1;

		if (n < 2 || n >= sizeof(tld))
			return 0;
		for (size_t k = 0; k < n; k++)
			tld[k] = (char)(s[dot + 1 + k] | 0x20);
		tld[n] = '\0';
		if (!CSPR_INLIST(tlds, tld))
			return 0;
	}
	for (const char *const *p = public_sites; *p; p++) {
		size_t n = strlen(*p);

		if (hend - host >= n &&
		    strncasecmp((const char *)s + hend - n, *p, n) == 0)
			return 0;
	}
	/* a path after the host, to the next space */
	if (hend < len && s[hend] == '/')
		while (hend < len && s[hend] > ' ' && s[hend] != ')' &&
		    s[hend] != '>' && s[hend] != ']')
			hend++;
	while (hend > host && strchr(".,;:!?'\"", s[hend - 1]))
		hend--;
	return hend - i;
}

/* @name: the length, or 0. */
static size_t
handle(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (i > 0 && (alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '_'))
		return 0;
	while (j < len && (alnum(s[j]) || s[j] == '_') && s[j] < 0x80)
		j++;
	if (j - i < 3 || (j < len && (s[j] == '.' && j + 1 < len &&
	    alnum(s[j + 1]))))
		return 0;
	return j - i;
}

/* The year after a date's month and day, s[j]: ", 2013" or " 2013".  The
 * date's length from s[i], or 0. */
static size_t
year_end(const unsigned char *s, size_t len, size_t i, size_t j)
{
	size_t a;

	if (j < len && s[j] == ',')
		j++;
	if (j < len && s[j] == ' ')
		j++;
	for (a = 0; j < len && dig(s[j]) && a < 4; j++)
		a++;
	return a == 4 ? j - i : 0;
}

/* A full date at s[i] (after "born"): 2 March 2013, 2nd of March 2013,
 * March 2 2013, Sept 2nd, 2013, 02/03/2013, 2013-03-02 (a month named in
 * full or in three letters): the length, or 0. */
static size_t
full_date(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i, a = 0, n;

	while (j < len && dig(s[j]) && a < 4)
		j++, a++;
	if (a == 4 && j + 5 < len && (s[j] == '-' || s[j] == '/') &&
	    dig(s[j + 1]) && dig(s[j + 2]) && s[j + 3] == s[j] &&
	    dig(s[j + 4]) && dig(s[j + 5]))
		return j + 6 - i;
	if (a >= 1 && a <= 2 && j < len && strchr("/.-", s[j]) && s[j]) {
		size_t k = j + 1, b = 0, c = 0;

		while (k < len && dig(s[k]) && b < 2)
			k++, b++;
		if (b && k < len && s[k] == s[j]) {
			k++;
			while (k < len && dig(s[k]) && c < 4)
				k++, c++;
			if (c == 2 || c == 4)
				return k - i;
		}
		return 0;
	}
	if (a >= 1 && a <= 2) {
		/* 2 March 2013, 2nd of March 2013 */
		while (j < len && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
		    && j - i - a < 2)
			j++;
		if (j < len && s[j] == ' ')
			j++;
		if (j + 3 < len && strncasecmp((const char *)s + j, "of ", 3) ==
		    0)
			j += 3;
		if (!cspr_month_at(s, len, j, &n))
			return 0;
		return year_end(s, len, i, j + n);
	}
	if (a == 0) {
		/* March 2, 2013 */
		if (!cspr_month_at(s, len, j, &n))
			return 0;
		j += n;
		if (j < len && s[j] == ' ')
			j++;
		for (a = 0; j < len && dig(s[j]) && a < 2; j++)
			a++;
		if (!a)
			return 0;
		while (j < len && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
			j++;
		return year_end(s, len, i, j);
	}
	return 0;
}

/* "born" or "date of birth" (or "DOB") ending at s[e], then on, in, ":"
 * or spaces: where the date starts, or 0. */
static size_t
after_born(const unsigned char *s, size_t len, size_t e)
{
	size_t j = e;

	for (;;) {
		while (j < len && (s[j] == ' ' || s[j] == ':' || s[j] == '\t'))
			j++;
		if (j + 3 <= len && strncasecmp((const char *)s + j, "on ", 3) ==
		    0)
			j += 3;
		else
			break;
	}
	return j > e ? j : 0;
}

static void
shapes_pass(struct pscan *p)
{
	const unsigned char *s = p->s;
	size_t len = p->len, i = 0, n;

	while (i < len && !p->oom) {
		unsigned char c = s[i];

		if (c == '@' && (n = handle(s, len, i))) {
			add(p, i, i + n, CSPR_MAYBE_HANDLE);
			i += n;
			continue;
		}
		if (i > 0 && alnum(s[i - 1])) {
			i++;
			continue;
		}
		if (up(c) && (n = vehicle(s, len, i))) {
			add(p, i, i + n, CSPR_MAYBE_VEHICLE);
			i += n;
			continue;
		}
		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
		    (n = ni_number(s, len, i))) {
			add(p, i, i + n, CSPR_MAYBE_NI_NUMBER);
			i += n;
			continue;
		}
		if (alnum(c) && c < 0x80 && (n = url(s, len, i))) {
			add(p, i, i + n, CSPR_MAYBE_URL);
			i += n;
			continue;
		}
		/* born ..., date of birth ..., DOB ... */
		{
			static const char *const keys[] = {"born",
			    "date of birth", "dob", "d.o.b.", NULL};

			for (const char *const *k = keys;
			    *k && ((c | 0x20) == 'b' || (c | 0x20) == 'd');
			    k++) {
				size_t kl = strlen(*k), at, m;

				if (len - i > kl && strncasecmp((const char *)s + i,
				    *k, kl) == 0 && !alnum(s[i + kl]) &&
				    (at = after_born(s, len, i + kl)) &&
				    (m = full_date(s, len, at))) {
					add(p, at, at + m, CSPR_MAYBE_DOB);
					i = at + m;
					goto next;
				}
			}
		}
		i++;
next:;
	}
}

static int
cmpmaybe(const void *a, const void *b)
{
	const struct cspr_maybe *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return (x->len < y->len) - (x->len > y->len);
}

int
cspr_maybe_scan(const struct cspr_detector *d, const char *text, size_t len,
    const struct cspr_hits *known, struct cspr_maybes *out)
{
	struct pscan p = {.d = d, .s = (const unsigned char *)text,
	    .len = text ? len : 0, .out = out};
	struct cspr_textpos pos = {0};
	size_t n = 0, k = 0;

	if (!out)
		return -1;
	out->n = 0;
	if (!d)
		return -1;
	words_pass(&p);
	shapes_pass(&p);
	if (p.oom)
		return -1;
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), cmpmaybe);
	/* overlaps: the first (longest) wins; what the case lists is
	 * identifiers.c's */
	for (size_t i = 0; i < out->n; i++) {
		struct cspr_maybe *m = &out->v[i];

		if (n && m->off < out->v[n - 1].off + out->v[n - 1].len)
			continue;
		while (known && k < known->n &&
		    known->v[k].off + known->v[k].len <= m->off)
			k++;
		if (known && k < known->n && known->v[k].off < m->off + m->len)
			continue;
		out->v[n++] = *m;
	}
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		cspr_textpos_at(text, len, &pos, out->v[i].off);
		out->v[i].line = pos.line;
		out->v[i].col = pos.col;
	}
	return (int)n;
}

void
cspr_maybes_clear(struct cspr_maybes *m)
{
	if (!m)
		return;
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
