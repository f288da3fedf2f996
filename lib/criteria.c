/*
 * criteria.c - which criteria of the procedure a case meets (4, 5, 8.1,
 * 9.3, 9.6, 10.2), and what follows for the Learning and Inquiry Group.
 *
 * Each criterion is a row of rules[]: its id and paragraph, what it is
 * called, the question to ask while it is unknown, the LIG's recorded
 * consideration that settles it (if any), and a rule that derives it from
 * facts in the case (if any).  The evaluator is three-valued: met, not met,
 * or unknown.  A missing input makes a rule unknown, never a guess; a
 * recorded consideration is the LIG's judgement and wins over a derived
 * answer, which is then mentioned.  Every answer carries one sentence
 * naming the fields it read and their values, which are always codes
 * (incident.outcome is died), local authority names or booleans, never a
 * person's details.  Facts shared with the duty table (a serious case,
 * notifiability, the same local authority) come from predicates.c, so
 * csp-decide and csp-deadlines cannot disagree; only the sentences are
 * made here.
 *
 * From the criteria follow what is indicated, whether the national review
 * criteria are met, which partnership leads, and findings about a recorded
 * decision and the reviewer.  The wording leaves the decision to the
 * partners (4.3): criteria are "met", a review "should be considered".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* ---- sentences ---- */

/* One input of a rule: whether it supports the rule (1), goes against it
 * (0) or is unknown (-1), and how to say so. */
struct in {
	int t;
	char d[200];
	const char *field; /* the field, when it is simply not recorded */
};

/* k bytes of s after the n of buf, as many as fit; the new length. */
static size_t
put(char *buf, size_t size, size_t n, const char *s, size_t k)
{
	if (k > size - 1 - n)
		k = size - 1 - n;
	memcpy(buf + n, s, k);
	return n + k;
}

/* The end of a string appended from start, made at n: a full buffer may
 * have cut it inside a character, which goes. */
static void
end(char *buf, size_t size, size_t start, size_t n)
{
	buf[n] = '\0';
	if (n + 1 == size)
		cspr_u8trim(buf + start);
}

/* s appended to buf: say's "%s", with no format to read, as most of what
 * is said is. */
static void
add(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	end(buf, size, n, put(buf, size, n, s, strlen(s)));
}

static void
say(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(char *buf, size_t size, const char *fmt, ...)
{
	/* only %s and %d, and a sentence at a time: vsnprintf, called some
	 * ninety times a case, was a sixth of csp-decide's own work */
	size_t start = strlen(buf), n = start;
	va_list ap;

	va_start(ap, fmt);
	for (const char *f = fmt; *f && n + 1 < size;) {
		const char *s = f;
		size_t k;
		char num[16];

		if (*f != '%' || (f[1] != 's' && f[1] != 'd')) {
			/* the literal text up to the next conversion */
			const char *pct = strchr(f + 1, '%');

			k = pct ? (size_t)(pct - f) : strlen(f);
			f += k;
		} else if (f[1] == 'd') {
			snprintf(num, sizeof(num), "%d", va_arg(ap, int));
			s = num;
			k = strlen(num);
			f += 2;
		} else {
			s = va_arg(ap, const char *);
			k = strlen(s);
			f += 2;
		}
		n = put(buf, size, n, s, k);
	}
	va_end(ap);
	end(buf, size, start, n);
}

/* Join the descriptions of the inputs whose t is want: "A", "A and B",
 * "A, B and C".  Returns how many were joined. */
static int
join(char *buf, size_t size, const struct in *v, int n, int want)
{
	int k = 0, total = 0, absent = 0;

	for (int i = 0; i < n; i++) {
		total += v[i].t == want;
		absent += v[i].t == want && v[i].field;
	}
	for (int i = 0; i < n; i++) {
		if (v[i].t != want)
			continue;
		if (k > 0)
			add(buf, size, k == total - 1 ? " and " : ", ");
		/* "A, B and C are not recorded" rather than each alone */
		add(buf, size, absent == total && total > 1 ? v[i].field :
		    v[i].d);
		k++;
	}
	if (absent == total && total > 1)
		add(buf, size, " are not recorded");
	return k;
}

/* The result of inputs that must all hold (and) or of which one must hold
 * (or), in Kleene's three-valued logic, and the sentence that explains it:
 * the inputs that settle it, or for an unknown result those known and
 * those missing. */
static int
combine(const struct in *v, int n, int all, char *buf, size_t size)
{
	int ones = 0, zeros = 0, t;

	for (int i = 0; i < n; i++) {
		ones += v[i].t == 1;
		zeros += v[i].t == 0;
	}
	if (all)
		t = zeros ? 0 : ones == n ? 1 : -1;
	else
		t = ones ? 1 : zeros == n ? 0 : -1;
	buf[0] = '\0';
	if (t != -1) {
		join(buf, size, v, n, t);
	} else {
		if (join(buf, size, v, n, all ? 1 : 0) > 0)
			add(buf, size, ", but ");
		join(buf, size, v, n, -1);
	}
	return t;
}

static int
among(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* An enumerated field, its value s (NULL when not recorded) meaning t:
 * 1, 0 or -1. */
static void
in_value(struct in *x, const char *field, const char *s, int t)
{
	x->d[0] = '\0';
	x->t = t;
	x->field = s ? NULL : field;
	if (s)
		say(x->d, sizeof(x->d), "%s is %s", field, s);
	else
		say(x->d, sizeof(x->d), "%s is not recorded", field);
}

/* An enumerated field whose meaning t a predicate gave. */
static void
in_enum(struct in *x, const json_t *root, const char *field, int t)
{
	in_value(x, field, cspr_get_str(root, field), t);
}

/* An enumerated field of value s: 1 when s is in yes, 0 in no, else -1. */
static void
in_list(struct in *x, const char *field, const char *s,
    const char *const *yes, const char *const *no)
{
	in_value(x, field, s, among(s, yes) ? 1 : among(s, no) ? 0 : -1);
}

static void
in_bool(struct in *x, const json_t *root, const char *field)
{
	x->t = cspr_get_bool(root, field);
	x->d[0] = '\0';
	x->field = x->t < 0 ? field : NULL;
	if (x->t < 0)
		say(x->d, sizeof(x->d), "%s is not recorded", field);
	else
		say(x->d, sizeof(x->d), "%s is %s", field,
		    x->t ? "true" : "false");
}

/* A local authority field set against local_authority. */
static void
same(char *buf, size_t size, const char *field, const char *value,
    const char *la)
{
	if (strcmp(value, la) == 0)
		say(buf, size, "%s and local_authority are both %s", field, la);
	else if (cspr_same_authority(value, la) == 1)
		say(buf, size, "%s is %s, the same authority as "
		    "local_authority, %s", field, value, la);
	else
		say(buf, size, "%s is %s while local_authority is %s", field,
		    value, la);
}

/* ---- the rules that derive a criterion from facts ---- */

struct verdict {
	int t;
	char because[400];
	int asked; /* the sentence already names the LIG's consideration */
};

static const char *const died_yes[] = {"died", NULL};
static const char *const died_no[] = {"seriously_harmed", "other", NULL};
static const char *const plan_yes[] = {"current", NULL};
static const char *const plan_no[] = {"never", NULL};

/* Footnote 6: children's homes, custody, detention. */
static const char *const footnote6[] = {"childrens_home",
    "secure_childrens_home", "police_custody", "young_offender_institution",
    "secure_training_centre", "mental_health_act", "mental_capacity_act",
    NULL};
/* Footnote 11: the same, and other settings with residential provision. */
static const char *const footnote11[] = {"childrens_home",
    "secure_childrens_home", "police_custody", "young_offender_institution",
    "secure_training_centre", "mental_health_act", "mental_capacity_act",
    "residential_school", "other_residential", NULL};

/* 4.1: abuse or neglect known or suspected, and died or seriously harmed. */
static void
serious_case(const json_t *root, struct verdict *v)
{
	struct in x[2];

	in_enum(&x[0], root, "incident.abuse_or_neglect",
	    cspr_abuse_suspected(root));
	in_enum(&x[1], root, "incident.outcome", cspr_harmed(root));
	v->t = combine(x, 2, 1, v->because, sizeof(v->because));
}

/* 5.1 (a) in the area, or (b) outside England while normally resident in
 * the area.  The same rule as cspr_notifiable(), which the deadlines use;
 * the unit tests hold the two together. */
static void
notify_panel(const json_t *root, struct verdict *v)
{
	const char *place = cspr_get_str(root, "incident.place");
	const char *home = cspr_get_str(root, "child.normally_resident");
	const char *la = cspr_get_str(root, "local_authority");
	struct in x[3];

	in_enum(&x[0], root, "incident.abuse_or_neglect",
	    cspr_abuse_suspected(root));
	in_enum(&x[1], root, "incident.outcome", cspr_harmed(root));
	x[2].d[0] = '\0';
	x[2].field = NULL;
	if (!place) {
		x[2].field = "incident.place";
		x[2].t = -1;
		add(x[2].d, sizeof(x[2].d), "incident.place is not recorded");
	} else if (strcmp(place, "outside_england") != 0) {
		x[2].t = strcmp(place, "in_area") == 0;
		say(x[2].d, sizeof(x[2].d), "incident.place is %s", place);
	} else if (!home || !la) {
		x[2].t = -1;
		say(x[2].d, sizeof(x[2].d), "incident.place is outside_england "
		    "with %s not recorded", home ? "local_authority" :
		    "child.normally_resident");
	} else {
		x[2].t = cspr_in_area(root);
		add(x[2].d, sizeof(x[2].d), "incident.place is outside_england "
		    "and ");
		same(x[2].d, sizeof(x[2].d), "child.normally_resident", home,
		    la);
	}
	v->t = combine(x, 3, 1, v->because, sizeof(v->because));
}

/* 5.3: a looked-after child died, whether or not abuse or neglect is
 * known or suspected. */
static void
looked_after_death(const json_t *root, struct verdict *v)
{
	struct in x[2];

	in_bool(&x[0], root, "child.looked_after");
	in_list(&x[1], "incident.outcome", cspr_get_str(root,
	    "incident.outcome"), died_yes, died_no);
	v->t = combine(x, 2, 1, v->because, sizeof(v->because));
}

static void
setting(const json_t *root, const char *const *list, const char *note,
    struct verdict *v)
{
	const char *s = cspr_get_str(root, "incident.setting");

	v->because[0] = '\0';
	if (!s) {
		v->t = -1;
		add(v->because, sizeof(v->because),
		    "incident.setting is not recorded");
		return;
	}
	v->t = among(s, list);
	say(v->because, sizeof(v->because), "incident.setting is %s, %s "
	    "institutional setting of %s", s, v->t ? "an" : "not an", note);
}

/* 8.1.1(c), footnote 6. */
static void
institutional(const json_t *root, struct verdict *v)
{
	setting(root, footnote6, "footnote 6", v);
}

/* 10.2.2(d), footnote 11, which adds other residential provision. */
static void
institutional_national(const json_t *root, struct verdict *v)
{
	setting(root, footnote11, "footnote 11", v);
}

/* 1 when a and b name different authorities, 0 the same, -1 unknown. */
static int
different(const char *a, const char *b)
{
	int same = cspr_same_authority(a, b);

	return same < 0 ? -1 : !same;
}

/* 8.1.2(h): another local authority is the child's home or corporate
 * parent, or the incident happened outside the area.  Families that have
 * moved between areas are named too, and nothing records that but the
 * LIG's consideration, so facts can show the criterion met but never
 * rule it out. */
static void
more_than_one_la(const json_t *root, struct verdict *v)
{
	const char *la = cspr_get_str(root, "local_authority");
	const char *home = cspr_get_str(root, "child.normally_resident");
	const char *by = cspr_get_str(root, "child.looked_after_by");
	const char *place = cspr_get_str(root, "incident.place");
	int looked_after = cspr_get_bool(root, "child.looked_after");
	struct in x[3];

	for (int i = 0; i < 3; i++) {
		x[i].d[0] = '\0';
		x[i].field = NULL;
	}
	if (!home) {
		x[0].field = "child.normally_resident";
		x[0].t = -1;
		add(x[0].d, sizeof(x[0].d),
		    "child.normally_resident is not recorded");
	} else {
		x[0].t = different(home, la);
		if (la)
			same(x[0].d, sizeof(x[0].d), "child.normally_resident",
			    home, la);
		else
			say(x[0].d, sizeof(x[0].d), "child.normally_resident "
			    "is %s with local_authority not recorded", home);
	}
	if (looked_after == 0) {
		x[1].t = 0;
		add(x[1].d, sizeof(x[1].d), "child.looked_after is false");
	} else if (looked_after < 0) {
		x[1].field = "child.looked_after";
		x[1].t = -1;
		add(x[1].d, sizeof(x[1].d),
		    "child.looked_after is not recorded");
	} else if (!by) {
		x[1].field = "child.looked_after_by";
		x[1].t = -1;
		add(x[1].d, sizeof(x[1].d),
		    "child.looked_after_by is not recorded");
	} else {
		x[1].t = different(by, la);
		if (la)
			same(x[1].d, sizeof(x[1].d), "child.looked_after_by",
			    by, la);
		else
			say(x[1].d, sizeof(x[1].d), "child.looked_after_by is "
			    "%s with local_authority not recorded", by);
	}
	if (!place) {
		x[2].field = "incident.place";
		x[2].t = -1;
		add(x[2].d, sizeof(x[2].d), "incident.place is not recorded");
	} else {
		/* abroad is no other local authority's area */
		x[2].t = strcmp(place, "elsewhere_in_england") == 0;
		say(x[2].d, sizeof(x[2].d), "incident.place is %s", place);
	}
	v->t = combine(x, 3, 0, v->because, sizeof(v->because));
	if (v->t == 0) {
		/* every fact is local, but the family may have moved */
		v->t = -1;
		v->asked = 1;
		add(v->because, sizeof(v->because), "; whether the family has "
		    "moved between areas, considerations.more_than_one_la, is "
		    "not recorded");
	}
}

/* 10.2.2(a). */
static void
educated_otherwise(const json_t *root, struct verdict *v)
{
	struct in x;

	in_bool(&x, root, "child.educated_otherwise_than_at_school");
	v->t = x.t;
	add(v->because, sizeof(v->because), x.d);
}

/* 10.2.2(b): in the care of a local authority, or on (or recently removed
 * from) a child protection plan.  A previous plan may have ended recently
 * or long ago; the procedure sets no period, so the tool shows the date it
 * ended and leaves the question open rather than invent one. */
static void
in_care_or_plan(const json_t *root, struct verdict *v)
{
	const char *plan = cspr_get_str(root, "child.child_protection_plan");
	const char *ended = cspr_get_str(root,
	    "child.child_protection_plan_ended");
	struct in x[2];

	in_bool(&x[0], root, "child.looked_after");
	in_list(&x[1], "child.child_protection_plan", plan, plan_yes, plan_no);
	if (plan && strcmp(plan, "previous") == 0) {
		x[1].d[0] = '\0';
		if (ended)
			say(x[1].d, sizeof(x[1].d), "child.child_protection_plan "
			    "is previous, ended %s "
			    "(child.child_protection_plan_ended): whether that "
			    "is recently removed is a judgement, the procedure "
			    "setting no period", ended);
		else
			add(x[1].d, sizeof(x[1].d), "child.child_protection_plan "
			    "is previous and child.child_protection_plan_ended "
			    "is not recorded, so whether it was recently "
			    "removed is not known");
	}
	v->t = combine(x, 2, 0, v->because, sizeof(v->because));
}

/* 10.2.2(c): two or more types of abuse among the Appendix B
 * characteristics.  Neglect, recent or long-standing, is one type; a
 * non-accidental injury or abusive head trauma is physical abuse. */
static void
range_of_abuse(const json_t *root, struct verdict *v)
{
	static const struct {
		const char *type;
		const char *const ticks[4];
	} types[] = {
		{"sexual", {"sexual_abuse", NULL}},
		{"physical", {"physical_abuse", "non_accidental_injury",
		    "abusive_head_trauma", NULL}},
		{"emotional", {"emotional_abuse", NULL}},
		{"neglect", {"recent_neglect", "long_standing_neglect", NULL}},
		{"exploitation", {"exploitation", NULL}},
	};
	json_t *ticks = cspr_get(root, "referral.characteristics");
	const char *found[5];
	int n = 0;

	v->because[0] = '\0';
	if (!json_is_array(ticks)) {
		v->t = -1;
		add(v->because, sizeof(v->because),
		    "referral.characteristics is not recorded");
		return;
	}
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		int hit = 0;
		size_t j;
		json_t *t;

		json_array_foreach(ticks, j, t)
			hit |= among(json_string_value(t), types[i].ticks);
		if (hit)
			found[n++] = types[i].type;
	}
	v->t = n >= 2;
	if (n == 0) {
		add(v->because, sizeof(v->because),
		    "referral.characteristics shows no type of abuse");
		return;
	}
	say(v->because, sizeof(v->because), "referral.characteristics shows "
	    "%s type%s of abuse (", n == 1 ? "one" : n == 2 ? "two" :
	    n == 3 ? "three" : n == 4 ? "four" : "five", n == 1 ? "" : "s");
	for (int i = 0; i < n; i++)
		say(v->because, sizeof(v->because), "%s%s",
		    i == 0 ? "" : i == n - 1 ? " and " : ", ", found[i]);
	add(v->because, sizeof(v->because), ")");
}

/* 4.2: good practice, poor practice or a near miss, each the LIG's
 * recorded view. */
static void
other_circumstances(const json_t *root, struct verdict *v)
{
	struct in x[3];

	in_bool(&x[0], root, "considerations.good_practice");
	in_bool(&x[1], root, "considerations.poor_practice");
	in_bool(&x[2], root, "considerations.near_miss");
	v->t = combine(x, 3, 0, v->because, sizeof(v->because));
}

/* ---- the criteria ---- */

struct rule {
	const char *id;
	const char *para;
	const char *title;
	const char *question;
	/* the LIG's recorded view, a field of considerations, or NULL */
	const char *consideration;
	void (*derive)(const json_t *, struct verdict *);
};

/* SPEC's order; indicated() and national() refer to rows by index. */
enum {
	C_SERIOUS, C_NOTIFY, C_LA_DEATH,
	C_A, C_B, C_C, C_D, C_E,  /* 8.1.1 */
	C_F, C_G, C_H, C_I,       /* 8.1.2 */
	C_OTHER,                  /* 4.2 */
	C_LEGISLATIVE, C_EDUCATED, C_CARE, C_RANGE, C_INST_NATIONAL, /* 10.2 */
	C_COUNT
};

static const struct rule rules[] = {
	{
	    .id = "serious-case",
	    .para = "4.1",
	    .title = "A serious child safeguarding case",
	    .question = "Is abuse or neglect of the child known or suspected, "
	    "and has the child died or been seriously harmed?",
	    .derive = serious_case,
	},
	{
	    .id = "notify-panel",
	    .para = "5.1",
	    .title = "An incident the Panel must be told of",
	    .question = "Is abuse or neglect known or suspected, has the "
	    "child died or been seriously harmed, and did it happen in the "
	    "area, or outside England while the child lived here?",
	    .derive = notify_panel,
	},
	{
	    .id = "looked-after-death",
	    .para = "5.3",
	    .title = "The death of a looked-after child",
	    .question = "Was the child looked after by a local authority, and "
	    "has the child died?",
	    .derive = looked_after_death,
	},
	{
	    .id = "improvements-needed",
	    .para = "8.1.1(a)",
	    .title = "Improvements needed",
	    .question = "Does the case highlight, or could it highlight, "
	    "improvements needed to safeguard and promote the welfare of "
	    "children, including ones identified before?",
	    .consideration = "improvements_needed",
	},
	{
	    .id = "recurrent-themes",
	    .para = "8.1.1(b)",
	    .title = "Recurrent themes",
	    .question = "Does the case highlight, or could it highlight, "
	    "recurrent themes in safeguarding and promoting the welfare of "
	    "children?",
	    .consideration = "recurrent_themes",
	},
	{
	    .id = "institutional-setting",
	    .para = "8.1.1(c)",
	    .title = "An institutional setting",
	    .question = "Does the case raise, or may it raise, issues for "
	    "children in institutional settings: children's homes, custody, "
	    "detention (footnote 6)?",
	    .consideration = "institutional_setting",
	    .derive = institutional,
	},
	{
	    .id = "multi-agency-concern",
	    .para = "8.1.1(d)",
	    .title = "Concern about agencies working together",
	    .question = "Does the case highlight, or could it highlight, "
	    "concerns about two or more agencies working together effectively?",
	    .consideration = "multi_agency_concern",
	},
	{
	    .id = "panel-suggested-local-review",
	    .para = "8.1.1(e)",
	    .title = "The Panel suggested a local review",
	    .question = "Has the Panel considered the case and concluded that "
	    "a local review may be more appropriate?",
	    .consideration = "panel_suggested_local_review",
	},
	{
	    .id = "single-agency-concern",
	    .para = "8.1.2(f)",
	    .title = "Concern about a single agency",
	    .question = "Do the safeguarding partners have cause for concern "
	    "about the actions of a single agency?",
	    .consideration = "single_agency_concern",
	},
	{
	    .id = "no-agency-involvement",
	    .para = "8.1.2(g)",
	    .title = "No agency involvement, giving cause for concern",
	    .question = "Was there no agency involvement, and does that give "
	    "the safeguarding partners cause for concern?",
	    .consideration = "no_agency_involvement",
	},
	{
	    .id = "more-than-one-la",
	    .para = "8.1.2(h)",
	    .title = "More than one local authority",
	    .question = "Is more than one local authority involved, including "
	    "through the family moving between areas?",
	    .consideration = "more_than_one_la",
	    .derive = more_than_one_la,
	},
	{
	    .id = "positive-outcome-learning",
	    .para = "8.1.2(i)",
	    .title = "A positive outcome, with learning",
	    .question = "Has a positive outcome for the child been achieved, "
	    "with learning identified?",
	    .consideration = "positive_outcome_learning",
	},
	{
	    .id = "other-circumstances",
	    .para = "4.2",
	    .title = "Good practice, poor practice or a near miss",
	    .question = "Does the case raise issues of importance locally: "
	    "good practice, poor practice or a near miss?",
	    .derive = other_circumstances,
	},
	{
	    .id = "legislative-change",
	    .para = "10.2.1(b)",
	    .title = "Legislative change or new guidance",
	    .question = "Does the case raise, or may it raise, issues "
	    "requiring legislative change or changes to guidance?",
	    .consideration = "legislative_change",
	},
	{
	    .id = "educated-otherwise",
	    .para = "10.2.2(a)",
	    .title = "Educated otherwise than at school",
	    .question = "Is the child educated otherwise than at school?",
	    .derive = educated_otherwise,
	},
	{
	    .id = "in-care-or-cp-plan",
	    .para = "10.2.2(b)",
	    .title = "In care, or on a child protection plan",
	    .question = "Was the child in the care of a local authority, or "
	    "on (or recently removed from) a child protection plan?",
	    .derive = in_care_or_plan,
	},
	{
	    .id = "range-of-abuse",
	    .para = "10.2.2(c)",
	    .title = "A range of types of abuse",
	    .question = "Does the case involve a range of types of abuse: "
	    "sexual, physical, emotional, neglect, exploitation?",
	    .consideration = "range_of_abuse",
	    .derive = range_of_abuse,
	},
	{
	    .id = "institutional-setting-national",
	    .para = "10.2.2(d)",
	    .title = "An institutional setting, residential provision included",
	    .question = "Does the case raise issues for children in "
	    "institutional settings, other settings with residential "
	    "provision included (footnote 11)?",
	    .consideration = "institutional_setting",
	    .derive = institutional_national,
	},
};

static enum cspr_result
result(int t)
{
	return t > 0 ? CSPR_MET : t == 0 ? CSPR_NOT_MET : CSPR_UNKNOWN;
}

/* cons: the case's considerations, looked up once for every row */
static void
evaluate(const struct rule *r, const json_t *root, const json_t *cons,
    struct cspr_criterion *c)
{
	struct verdict d;
	int recorded = r->consideration ?
	    cspr_get_bool(cons, r->consideration) : -1;

	c->id = r->id;
	c->para = r->para;
	c->title = r->title;
	c->question = r->question;
	c->because[0] = '\0';
	d.t = -1;
	d.because[0] = '\0';
	d.asked = 0;
	if (r->derive)
		r->derive(root, &d);
	if (recorded >= 0) {
		c->result = result(recorded);
		say(c->because, sizeof(c->because), "considerations.%s is %s, "
		    "the LIG's recorded view", r->consideration,
		    recorded ? "true" : "false");
		if (r->derive && d.t >= 0 && d.t != recorded)
			say(c->because, sizeof(c->because), ", though %s",
			    d.because);
	} else if (r->derive) {
		c->result = result(d.t);
		add(c->because, sizeof(c->because), d.because);
		if (r->consideration && d.t == 0)
			say(c->because, sizeof(c->because), ", and "
			    "considerations.%s is not recorded",
			    r->consideration);
		else if (r->consideration && d.t < 0 && !d.asked)
			say(c->because, sizeof(c->because), ", nor is "
			    "considerations.%s", r->consideration);
	} else {
		c->result = CSPR_UNKNOWN;
		say(c->because, sizeof(c->because), "considerations.%s is not "
		    "recorded", r->consideration);
	}
	add(c->because, sizeof(c->because), ".");
}

/* ---- what follows from the criteria ---- */

/* "8.1.1(a), (d)": the paragraphs of the rows first..last with result r. */
static int
paras(char *buf, size_t size, const struct cspr_assessment *a, int first,
    int last, enum cspr_result r)
{
	const char *prev = NULL;
	int n = 0;

	for (int i = first; i <= last; i++) {
		const char *p = a->criteria[i].para, *paren;

		if (a->criteria[i].result != r)
			continue;
		/* a letter under the same number as the one before goes
		 * alone: 8.1.1(a), (d) */
		paren = strchr(p, '(');
		if (prev && paren && strncmp(p, prev, (size_t)(paren - p)) ==
		    0 && prev[paren - p] == '(')
			say(buf, size, ", %s", paren);
		else
			say(buf, size, "%s%s", prev ? ", " : "", p);
		prev = p;
		n++;
	}
	return n;
}

static int
count(const struct cspr_assessment *a, int first, int last,
    enum cspr_result r)
{
	int n = 0;

	for (int i = first; i <= last; i++)
		n += a->criteria[i].result == r;
	return n;
}

/* SPEC 4 (0.2), from 4.1, 4.2 and 8.1.  A serious case with any of
 * 8.1.1(a)-(e) points to a local review; a serious case otherwise, or any
 * case with 8.1.2(f)-(i) or 4.2's circumstances, to another type of
 * review; a case that is not serious but has 8.1.1's circumstances is
 * within 4.2, "a review in other circumstances", too.  Nothing considered
 * yet is not enough to say. */
static void
indicated(struct cspr_assessment *a)
{
	enum cspr_result serious = a->criteria[C_SERIOUS].result;
	char *b = a->indicated_because;
	size_t size = sizeof(a->indicated_because);
	int met_ae = count(a, C_A, C_E, CSPR_MET);
	int unknown_ae = count(a, C_A, C_E, CSPR_UNKNOWN);
	int met_fi = count(a, C_F, C_OTHER, CSPR_MET);
	int unknown_fi = count(a, C_F, C_OTHER, CSPR_UNKNOWN);
	int considered = C_OTHER - C_A + 1 - unknown_ae - unknown_fi;

	b[0] = '\0';
	if (serious == CSPR_UNKNOWN) {
		a->indicated = CSPR_INSUFFICIENT_INFORMATION;
		add(b, size, "Whether this is a serious child safeguarding "
		    "case (4.1) is not known yet.");
	} else if (serious == CSPR_MET && met_ae) {
		a->indicated = CSPR_LOCAL_REVIEW_CONSIDERED;
		add(b, size, "A serious child safeguarding case (4.1), and ");
		paras(b, size, a, C_A, C_E, CSPR_MET);
		say(b, size, " %s met.", met_ae > 1 ? "are" : "is");
	} else if (serious == CSPR_MET && !considered) {
		a->indicated = CSPR_INSUFFICIENT_INFORMATION;
		add(b, size, "A serious child safeguarding case (4.1), but none "
		    "of 8.1.1(a)-(e), 8.1.2(f)-(i) or 4.2 is recorded yet: the "
		    "Learning and Inquiry Group has still to consider them.");
	} else if (serious == CSPR_MET) {
		a->indicated = CSPR_OTHER_REVIEW_CONSIDERED;
		add(b, size, "A serious child safeguarding case (4.1), but "
		    "none of 8.1.1(a)-(e) is recorded as met");
		if (unknown_ae)
			say(b, size, " and %d %s unknown: if any is met, a "
			    "local review should be considered instead",
			    unknown_ae, unknown_ae > 1 ? "are" : "is");
		if (met_fi) {
			add(b, size, "; ");
			paras(b, size, a, C_F, C_OTHER, CSPR_MET);
			say(b, size, " %s met", met_fi > 1 ? "are" : "is");
		}
		add(b, size, ".");
	} else if (met_ae || met_fi) {
		a->indicated = CSPR_OTHER_REVIEW_CONSIDERED;
		add(b, size, "Not a serious child safeguarding case (4.1), "
		    "but ");
		paras(b, size, a, C_A, C_OTHER, CSPR_MET);
		say(b, size, " %s met: a review may be undertaken in other "
		    "circumstances (4.2).", met_ae + met_fi > 1 ? "are" : "is");
	} else {
		a->indicated = CSPR_NO_REVIEW_INDICATED;
		add(b, size, "Not a serious child safeguarding case (4.1), and "
		    "none of 8.1.1(a)-(e), 8.1.2(f)-(i) or 4.2 is recorded as "
		    "met");
		if (unknown_ae + unknown_fi)
			say(b, size, "; %d %s unknown", unknown_ae + unknown_fi,
			    unknown_ae + unknown_fi > 1 ? "are" : "is");
		add(b, size, ".");
	}
}

/* 10.2.1 (a), (b) and (c): (a) and (c) are the questions of 8.1.1 (a) and
 * (b) and take their answers. */
static const struct {
	int row;
	const char *para;
} national_rows[] = {
	{.row = C_A, .para = "10.2.1(a)"},
	{.row = C_LEGISLATIVE, .para = "10.2.1(b)"},
	{.row = C_B, .para = "10.2.1(c)"},
};

#define NNATIONAL ((int)(sizeof(national_rows) / sizeof(national_rows[0])))

/* "10.2.1(a), (c)": those of 10.2.1 with result r; how many. */
static int
national_paras(char *buf, size_t size, const struct cspr_assessment *a,
    enum cspr_result r)
{
	int n = 0;

	for (int i = 0; i < NNATIONAL; i++) {
		if (a->criteria[national_rows[i].row].result != r)
			continue;
		say(buf, size, "%s%s", n ? ", " : "", n ?
		    strchr(national_rows[i].para, '(') : national_rows[i].para);
		n++;
	}
	return n;
}

/* The Panel's criteria (10.2): a serious case (4.1) and any of 10.2.1
 * (a)-(c).  Whether this authority must notify (5.1) plays no part: the
 * Panel considers cases notified by any authority.  The circumstances of
 * 10.2.2 are what the Panel "should have regard to", listed after. */
static void
national(struct cspr_assessment *a)
{
	enum cspr_result serious = a->criteria[C_SERIOUS].result;
	char *b = a->national_because;
	size_t size = sizeof(a->national_because);
	int met = 0, not = 0, regard;

	for (int i = 0; i < NNATIONAL; i++) {
		met += a->criteria[national_rows[i].row].result == CSPR_MET;
		not += a->criteria[national_rows[i].row].result ==
		    CSPR_NOT_MET;
	}
	b[0] = '\0';
	if (serious == CSPR_NOT_MET) {
		a->national = 0;
		add(b, size, "Not a serious child safeguarding case (4.1).");
	} else if (not == NNATIONAL) {
		a->national = 0;
		add(b, size, "None of 10.2.1(a)-(c) is met.");
	} else if (serious == CSPR_MET && met) {
		a->national = 1;
		add(b, size, "A serious child safeguarding case (4.1), and ");
		national_paras(b, size, a, CSPR_MET);
		say(b, size, " %s met.", met > 1 ? "are" : "is");
	} else if (serious == CSPR_MET) {
		a->national = -1;
		say(b, size, "A serious child safeguarding case (4.1), but "
		    "none of 10.2.1(a)-(c) is recorded as met and %d %s "
		    "unknown.", NNATIONAL - not, NNATIONAL - not > 1 ? "are" :
		    "is");
	} else {
		a->national = -1;
		add(b, size, "Whether this is a serious child safeguarding "
		    "case (4.1) is not known yet");
		if (met) {
			add(b, size, "; ");
			national_paras(b, size, a, CSPR_MET);
			say(b, size, " %s met", met > 1 ? "are" : "is");
		}
		add(b, size, ".");
	}
	regard = count(a, C_EDUCATED, C_INST_NATIONAL, CSPR_MET);
	if (regard) {
		add(b, size, " The Panel should also have regard to ");
		paras(b, size, a, C_EDUCATED, C_INST_NATIONAL, CSPR_MET);
		say(b, size, ", %s met.", regard > 1 ? "which are" :
		    "which is");
	}
}

/* 9.3.1: the partnership where the child normally lives; 9.3.5: for a
 * looked-after child, the authority looking after the child. */
static void
lead(const json_t *root, struct cspr_assessment *a)
{
	int looked_after = cspr_get_bool(root, "child.looked_after");
	char *b = a->lead_because;
	size_t size = sizeof(a->lead_because);

	b[0] = '\0';
	a->lead = NULL;
	if (looked_after == 1) {
		a->lead_para = "9.3.5";
		a->lead_looked_after = 1;
		a->lead = cspr_get_str(root, "child.looked_after_by");
		if (a->lead)
			say(b, size, "child.looked_after is true and "
			    "child.looked_after_by is %s.", a->lead);
		else
			add(b, size, "child.looked_after is true, but "
			    "child.looked_after_by is not recorded.");
	} else if (looked_after == 0) {
		a->lead_para = "9.3.1";
		a->lead_looked_after = 0;
		a->lead = cspr_get_str(root, "child.normally_resident");
		if (a->lead)
			say(b, size, "child.looked_after is false and "
			    "child.normally_resident is %s.", a->lead);
		else
			add(b, size, "child.looked_after is false, but "
			    "child.normally_resident is not recorded.");
	} else {
		const char *home = cspr_get_str(root,
		    "child.normally_resident");

		a->lead_para = "9.3.1, 9.3.5";
		a->lead_looked_after = -1;
		say(b, size, "child.looked_after is not recorded, so it is not "
		    "known whether 9.3.1 applies (child.normally_resident is "
		    "%s) or 9.3.5 (child.looked_after_by is %s).",
		    home ? home : "not recorded",
		    cspr_get_str(root, "child.looked_after_by") ?
		    cspr_get_str(root, "child.looked_after_by") :
		    "not recorded");
	}
}

/* ---- findings ---- */

/* Does the decision depart from what the criteria indicate?  Only a
 * review where none is indicated, or no further action where a local
 * review is (SPEC 4).  The partners decide (4.3); a finding only asks that
 * the other course be considered and the rationale say why. */
static int
departs(struct cspr_assessment *a, const char *outcome)
{
	struct cspr_findings *f = &a->findings;
	int nfa = strcmp(outcome, "no_further_action") == 0;

	if (a->indicated == CSPR_LOCAL_REVIEW_CONSIDERED && nfa)
		return cspr_findings_add(f, "decision-departs", "4.3",
		    "The criteria for a local review are met (4.1, 8.1.1), but "
		    "decision.outcome is no_further_action: a local review "
		    "should be considered, and the rationale should say why "
		    "not (4.3, 4.4).");
	if (a->indicated == CSPR_NO_REVIEW_INDICATED && !nfa)
		return cspr_findings_add(f, "decision-departs", "4.2",
		    "The recorded criteria indicate no review, but "
		    "decision.outcome is %s: the considerations should be "
		    "checked, and the rationale should say which "
		    "circumstances call for a review (4.2, 8.1.2).", outcome);
	return 0;
}

/* 4.4, 9.4.5: a decision is made transparently and its rationale is
 * communicated, to the family too. */
static int
decision_findings(const json_t *root, struct cspr_assessment *a)
{
	static const char *const family[] = {"family", NULL};
	static const char *const decision[] = {"decision", NULL};
	const char *outcome = cspr_get_str(root, "decision.outcome");
	struct cspr_findings *f = &a->findings;

	if (!outcome)
		return 0;
	if (!cspr_has(root, "decision.rationale") &&
	    cspr_findings_add(f, "decision-rationale", "4.4",
	    "The decision is recorded without a rationale "
	    "(decision.rationale): decisions should be made transparently "
	    "and their rationale communicated (4.4).") < 0)
		return -1;
	if (!cspr_get(root, "decision.communicated_to_family") &&
	    cspr_notice(root, family, decision).kind == CSPR_WHEN_NONE &&
	    cspr_findings_add(f, "decision-family", "9.4.5",
	    "The decision is not recorded as communicated to the family "
	    "(decision.communicated_to_family): its rationale should be "
	    "communicated appropriately, including to families (4.4, "
	    "9.4.5).") < 0)
		return -1;
	return departs(a, outcome);
}

/* 9.6.5-9.6.7: the reviewer's independence. */
static int
reviewer_findings(const json_t *root, cspr_date today,
    struct cspr_assessment *a)
{
	const char *kind = cspr_get_str(root, "review.reviewer.kind");
	int external = kind && strcmp(kind, "external_independent") == 0;
	int internal = kind && strcmp(kind, "internal_independent") == 0;
	const char *para = internal ? "9.6.6" : "9.6.3(f)";
	struct cspr_findings *f = &a->findings;
	cspr_date last, from = today;
	int commissioned;

	if (!cspr_get(root, "review.reviewer"))
		return 0;
	commissioned = cspr_get_date(root, "review.commissioned", &from);
	if (external &&
	    cspr_get_date(root, "review.reviewer.last_employed_by_partner_agency",
	    &last) && last >= cspr_add_months(from, -60) &&
	    cspr_findings_add(f, "reviewer-employment", "9.6.5",
	    "The external reviewer worked for a partner agency within the "
	    "five years before %s (review.reviewer."
	    "last_employed_by_partner_agency): an external independent "
	    "reviewer should not have (9.6.5).", commissioned ?
	    "the review was commissioned" : "today") < 0)
		return -1;
	if (external && cspr_get_bool(root, "review.reviewer.cv") != 1 &&
	    cspr_findings_add(f, "reviewer-cv", "9.6.7", "No CV is recorded "
	    "for the external reviewer (review.reviewer.cv): external "
	    "reviewers are asked for a curriculum vitae (9.6.7).") < 0)
		return -1;
	if (external && cspr_get_bool(root, "review.reviewer.referee") != 1 &&
	    cspr_findings_add(f, "reviewer-referee", "9.6.7", "No referee is "
	    "recorded for the external reviewer (review.reviewer.referee): "
	    "external reviewers are asked for a referee, a senior manager or "
	    "partnership chair where they have reviewed before (9.6.7).") < 0)
		return -1;
	if (cspr_get_bool(root, "review.reviewer.involved_in_case") == 1 &&
	    cspr_findings_add(f, "reviewer-involvement", para, "The reviewer "
	    "is recorded as involved in the case (review.reviewer."
	    "involved_in_case): a reviewer should be independent of the case "
	    "(%s).", para) < 0)
		return -1;
	if (cspr_get_bool(root, "review.reviewer.line_managed_involved") == 1 &&
	    cspr_findings_add(f, "reviewer-line-management", para, "The "
	    "reviewer is recorded as line-managing professionals involved in "
	    "the case (review.reviewer.line_managed_involved): a reviewer "
	    "should have no line management responsibility for them (%s).",
	    para) < 0)
		return -1;
	return 0;
}

/* ---- the public face ---- */

int
cspr_assess(const json_t *root, cspr_date today, struct cspr_assessment *a)
{
	const json_t *cons = cspr_get(root, "considerations");

	/* every field is set below, so the 11 KB are not cleared first */
	a->findings = (struct cspr_findings){.v = NULL};
	for (int i = 0; i < C_COUNT; i++)
		evaluate(&rules[i], root, cons, &a->criteria[i]);
	indicated(a);
	national(a);
	lead(root, a);
	if (decision_findings(root, a) < 0 ||
	    reviewer_findings(root, today, a) < 0) {
		cspr_assessment_clear(a);
		return -1;
	}
	return 0;
}

void
cspr_assessment_clear(struct cspr_assessment *a)
{
	cspr_findings_clear(&a->findings);
}

int
cspr_criterion_eval(const json_t *root, const char *id,
    struct cspr_criterion *c)
{
	for (int i = 0; i < C_COUNT; i++)
		if (strcmp(rules[i].id, id) == 0) {
			evaluate(&rules[i], root, cspr_get(root,
			    "considerations"), c);
			return 0;
		}
	return -1;
}

const struct cspr_criterion *
cspr_criterion_find(const struct cspr_assessment *a, const char *id)
{
	for (int i = 0; i < CSPR_NCRITERIA; i++)
		if (strcmp(a->criteria[i].id, id) == 0)
			return &a->criteria[i];
	return NULL;
}

const char *
cspr_result_name(enum cspr_result r)
{
	static const char *const names[] = {"not-met", "met", "unknown"};

	return names[r];
}

const char *
cspr_indicated_name(enum cspr_indicated i)
{
	static const char *const names[] = {"insufficient_information",
	    "local_review_considered", "other_review_considered",
	    "no_review_indicated"};

	return names[i];
}

json_t *
cspr_criterion_json(const struct cspr_criterion *c)
{
	return cspr_json_object(4, "id", json_string(c->id), "para",
	    json_string(c->para), "result",
	    json_string(cspr_result_name(c->result)), "because",
	    json_string(c->because));
}

/* Keep the table and the header's count in step. */
typedef char criteria_count_check[(sizeof(rules) / sizeof(rules[0]) ==
    C_COUNT && C_COUNT == CSPR_NCRITERIA) ? 1 : -1];
