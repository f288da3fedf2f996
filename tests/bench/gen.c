/*
 * gen.c - make N realistic, varied, valid case files for the benchmark.
 *
 *	gen DIR N [SEED]
 *
 * writes DIR/case-000001.yaml ...: cases at every stage of the procedure
 * (a fresh referral, a rapid review under way or done, a decision, a review
 * in progress, a published report, a closed case with actions, a looked-
 * after child's death, no review), with one to four family members, one to
 * five professionals, notification logs and actions that fit the stage,
 * dates in order, and the layout varied as people write YAML: block or flow
 * collections, plain or quoted strings, comments, folded text.  Every name
 * is invented; numbers are the Ofcom drama ranges and NHS numbers 999...
 * that pass the modulus 11 check.  The same SEED gives the same files.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

/* 0 <= r < n */
static int
pick(int n)
{
	return (int)(rnd() % (uint32_t)n);
}

static int
chance(int percent)
{
	return pick(100) < percent;
}

#define ANY(a) ((a)[pick((int)NELEM(a))])

static const char *const firsts[] = {"Poppy", "Ziggy", "Bonnie", "Ozzy",
    "Rue", "Nova", "Pip", "Sunny", "Tiggy", "Wren", "Lark", "Moss", "Fern",
    "Ember", "Jasper", "Juniper", "Saffron", "Basil", "Clover", "Peony",
    "Flint", "Hattie", "Rocco", "Nell", "Dex", "Zoë", "Élodie", "Seán",
    "Niamh", "Ólafur", "Björn", "Chidi", "Amara", "Kofi", "Priya", "Arjun",
    "Mei", "Yusuf", "Leila", "Tomasz"};
static const char *const lasts[] = {"Testcase", "Testington", "Sampleton",
    "Placeholder", "Notaperson", "Dummyworth", "Fakename", "Madeup",
    "Unreal", "Pseudo", "Fabricated", "Counterfeit", "Imaginary",
    "Phantom", "Makeshift", "Fictional", "Nottaname", "Pretendperson",
    "Exampleson", "O'Testcase", "Ñandú-Testcase", "Øresund-Sample"};
static const char *const relationships[] = {"Mother", "Father",
    "Stepfather", "Mother's partner", "Sibling", "Grandmother", "Aunt",
    "Uncle", "Half-sibling"};
static const char *const roles[][2] = {
    {"Social worker", "Hampshire Children's Services"},
    {"Health visitor", "Testshire Community Health Trust"},
    {"Detective constable", "Hampshire Constabulary"},
    {"Designated safeguarding lead", "Fable Primary School"},
    {"GP", "Shamford Surgery"},
    {"Youth justice worker", "Hampshire Youth Offending Team"},
    {"Paediatrician", "Shamford General Hospital"},
    {"Housing officer", "Shamford Borough Council"},
    {"CAMHS practitioner", "Testshire CAMHS"},
    {"Probation officer", "Probation Service (Testshire)"}};
static const char *const streets[] = {"Fable Court", "Makebelieve Road",
    "Storybook Lane", "Invention Street", "Pretend Avenue", "Dummy Close",
    "Sample Row", "Fiction Way"};
static const char *const towns[] = {"Shamford", "Notborough", "Fakeley",
    "Testbury", "Sampleham"};
static const char *const las[] = {"Hampshire", "Hampshire", "Hampshire",
    "Hampshire", "Borsetshire", "Barsetshire", "Wessex"};
static const char *const ethnicities[] = {"White British", "Mixed White and "
    "Black Caribbean", "Asian British - Indian", "Black British - African",
    "White Irish", "Any other ethnic group", "Not recorded"};
static const char *const sentences[] = {
    "The child was taken to hospital by ambulance after a call from a "
    "neighbour.",
    "Agencies had been involved with the family for several months.",
    "School attendance had fallen over the previous two terms.",
    "A referral had been made to children's services the year before.",
    "The family moved between two local authority areas.",
    "Health visitors recorded missed appointments and concerns about home "
    "conditions.",
    "Police attended the address twice in the month before the incident.",
    "There were concerns about domestic abuse and parental mental health.",
    "The child was known to the youth offending team.",
    "Information was not shared between agencies in good time.",
    "Practitioners recognised the signs promptly and acted together.",
    "The learning is about disguised compliance and professional "
    "curiosity.",
    "Everything in this account is invented for the benchmark.",
};
static const char *const agencies[] = {"childrens_services", "police",
    "health", "education", "camhs", "nps", "probation_crc", "yot",
    "housing", "voluntary_sector", "out_of_area", "other"};
static const char *const characteristics[] = {"domestic_abuse",
    "alcohol_abuse", "substance_abuse", "parental_mental_health",
    "abusive_head_trauma", "sexual_abuse", "child_in_care",
    "emotional_abuse", "recent_neglect", "long_standing_neglect",
    "physical_abuse", "non_accidental_injury", "complex_family",
    "hidden_adults", "exploitation", "child_mental_health",
    "disguised_compliance", "non_engagement", "cross_border_issues"};

static FILE *out;

static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

static char *
date(cspr_date d)
{
	static char buf[8][16];
	static int i;

	i = (i + 1) % 8;
	return cspr_date_str(d, buf[i]);
}

/* A string as YAML: plain, or quoted now and then as people do. */
static const char *
str(const char *s)
{
	static char buf[8][256];
	static int i;

	i = (i + 1) % 8;
	if (strchr(s, '\'') || strchr(s, ':') || strchr(s, '#'))
		snprintf(buf[i], sizeof(buf[i]), "\"%s\"", s);
	else if (chance(15))
		snprintf(buf[i], sizeof(buf[i]), "'%s'", s);
	else if (chance(10))
		snprintf(buf[i], sizeof(buf[i]), "\"%s\"", s);
	else
		snprintf(buf[i], sizeof(buf[i]), "%s", s);
	return buf[i];
}

/* Free text: one to five sentences, folded, literal or on one line. */
static void
text(const char *key, int indent)
{
	int n = 1 + pick(5);

	switch (pick(3)) {
	case 0:
		say("%*s%s: >-\n", indent, "", key);
		for (int i = 0; i < n; i++)
			say("%*s%s\n", indent + 2, "", ANY(sentences));
		break;
	case 1:
		say("%*s%s: |\n", indent, "", key);
		for (int i = 0; i < n; i++)
			say("%*s%s\n", indent + 2, "", ANY(sentences));
		break;
	default:
		say("%*s%s: \"%s", indent, "", key, ANY(sentences));
		for (int i = 1; i < n && i < 3; i++)
			say(" %s", ANY(sentences));
		say("\"\n");
	}
}

static void
nhs_number(char *buf)
{
	for (;;) {
		int d[10] = {9, 9, 9}, sum = 0, check;

		for (int i = 3; i < 9; i++)
			d[i] = pick(10);
		for (int i = 0; i < 9; i++)
			sum += d[i] * (10 - i);
		check = 11 - sum % 11;
		if (check == 11)
			check = 0;
		if (check == 10)
			continue;
		d[9] = check;
		for (int i = 0; i < 10; i++)
			buf[i] = (char)('0' + d[i]);
		buf[10] = '\0';
		return;
	}
}

/* A list of distinct items from a table, block or flow style. */
static void
some(const char *key, const char *const *v, int nv, int lo, int hi,
    int indent)
{
	int n = lo + pick(hi - lo + 1), used[64] = {0}, flow = chance(60);

	say("%*s%s:%s", indent, "", key, flow ? " [" : "\n");
	for (int i = 0; i < n; i++) {
		int k = pick(nv);

		while (used[k])
			k = (k + 1) % nv;
		used[k] = 1;
		if (flow)
			say("%s%s", i ? ", " : "", v[k]);
		else
			say("%*s- %s\n", indent + 2, "", v[k]);
	}
	if (flow)
		say("]\n");
}

enum stage { REFERRAL, RAPID_REVIEW, RAPID_DONE, DECISION, REVIEW,
	PUBLISHED, CLOSED, NSTAGES };

static void
notification(const char *to, const char *about, cspr_date d, int flow)
{
	if (flow)
		say("  - {to: %s, about: %s, date: %s}\n", to, about, date(d));
	else
		say("  - to: %s\n    about: %s\n    date: %s\n", to, about,
		    date(d));
}

static void
one_case(long n)
{
	enum stage stage = (enum stage)pick(NSTAGES);
	cspr_date incident = cspr_date_from_ymd(2023, 1, 1) + pick(1400);
	cspr_date aware = incident + pick(4), notified = aware + pick(4);
	cspr_date dob = incident - 200 - pick(6000), rr_done, decided;
	const char *la = ANY(las), *outcome;
	int died = chance(25), looked_after = chance(15), flow = chance(50);
	int nfam = 1 + pick(4), npro = 1 + pick(5), lr;
	char nhs[11];

	outcome = died ? "died" : chance(85) ? "seriously_harmed" : "other";
	if (chance(20))
		say("# Case file kept by the Partnership Team.  Everything "
		    "here is invented.\n");
	say("id: HSCP-%04d-%06ld\n", 2023 + pick(4), n);
	say("partnership: Hampshire Safeguarding Children Partnership\n");
	say("local_authority: Hampshire\n\n");

	say("child:\n");
	say("  first_name: %s\n", str(ANY(firsts)));
	say("  last_name: %s\n", str(ANY(lasts)));
	if (chance(30))
		say("  aliases: [%s]\n", ANY(firsts));
	say("  pseudonym: Child %c\n", 'A' + pick(26));
	say("  dob: %s\n", date(dob));
	if (died)
		say("  dod: %s\n", date(incident + pick(3)));
	say("  gender: %s\n", ANY(((const char *const[]){"female", "male",
	    "other", "unknown"})));
	say("  ethnicity: %s\n", ANY(ethnicities));
	nhs_number(nhs);
	if (chance(50))
		say("  nhs_number: '%s'\n", nhs);
	else
		say("  nhs_number: %s\n", nhs);
	say("  address: \"%s%d %s, %s\"\n", chance(40) ? "Flat 2, " : "",
	    1 + pick(120), ANY(streets), ANY(towns));
	say("  postcode: ZZ99 %d%c%c\n", pick(10), 'A' + pick(26),
	    'A' + pick(26));
	say("  normally_resident: %s\n", chance(85) ? "Hampshire" : la);
	say("  looked_after: %s\n", looked_after ? "true" : "false");
	if (looked_after)
		say("  looked_after_by: %s\n", la);
	say("  child_protection_plan: %s\n\n", ANY(((const char *const[]){
	    "current", "never", "previous", "unknown"})));

	say("family:\n");
	for (int i = 0; i < nfam; i++) {
		const char *rel = ANY(relationships);
		/* siblings near the child's age, grandparents a generation
		 * further back, the rest a generation */
		cspr_date fdob = strstr(rel, "ibling") ?
		    dob - 3000 + pick(6000) : strstr(rel, "Grand") ?
		    dob - 14000 - pick(6000) : dob - 6500 - pick(7000);

		if (fdob > incident - 30)
			fdob = incident - 30 - pick(300);
		if (flow)
			say("  - {name: %s %s, relationship: %s, dob: %s}\n",
			    ANY(firsts), ANY(lasts), str(rel), date(fdob));
		else
			say("  - name: %s %s\n    relationship: %s\n"
			    "    dob: %s\n", ANY(firsts), ANY(lasts), str(rel),
			    date(fdob));
	}
	say("\nprofessionals:\n");
	for (int i = 0; i < npro; i++) {
		int r = pick((int)NELEM(roles));

		if (flow)
			say("  - {name: %s %s, role: %s, agency: %s}\n",
			    ANY(firsts), ANY(lasts), roles[r][0],
			    str(roles[r][1]));
		else
			say("  - name: %s %s\n    role: %s\n    agency: %s\n",
			    ANY(firsts), ANY(lasts), roles[r][0],
			    str(roles[r][1]));
	}

	say("\nincident:\n  date: %s\n", date(incident));
	text("summary", 2);
	say("  outcome: %s\n", outcome);
	say("  abuse_or_neglect: %s\n", ANY(((const char *const[]){"known",
	    "suspected", "suspected", "not_suspected", "unknown"})));
	say("  place: %s\n", chance(85) ? "in_area" : ANY(((const char *const[]){
	    "elsewhere_in_england", "outside_england"})));
	say("  setting: %s\n", looked_after ? "childrens_home" : "none");
	say("  la_aware: %s\n  notified: %s\n\n", date(aware), date(notified));

	say("referral:\n");
	say("  received: %sT%02d:%02d\n", date(notified), 8 + pick(9),
	    pick(60));
	if (stage > REFERRAL || chance(50))
		say("  confirmed: %sT%02d:%02d\n", date(notified + 1 + pick(2)),
		    8 + pick(9), pick(60));
	say("  source: %s\n", died && chance(30) ? "cdop" : "agency");
	say("  referrer: {name: %s %s, agency: %s, phone: 01632 960%03d, "
	    "email: referrer%ld@example.org}\n", ANY(firsts), ANY(lasts),
	    str(roles[pick((int)NELEM(roles))][1]), pick(1000), n);
	say("  types: [rapid_review]\n");
	some("agencies", agencies, 10, 2, 5, 2);
	say("  reasons: [abuse_or_neglect_concern, %s]\n",
	    died ? "child_died" : "seriously_harmed");
	some("characteristics", characteristics, (int)NELEM(characteristics),
	    1, 5, 2);
	say("  criminal_investigation: %s\n", ANY(((const char *const[]){
	    "ongoing", "none", "possible"})));
	text("outline", 2);
	say("\n");

	rr_done = notified + 14 + pick(10);
	decided = rr_done + 10 + pick(30);
	if (stage >= RAPID_REVIEW) {
		say("rapid_review:\n");
		say("  next_lig_meeting: %s\n", date(notified + 7 + pick(20)));
		say("  meeting:\n    date: %s\n    kind: %s\n", date(rr_done - 1),
		    chance(30) ? "extraordinary" : "scheduled");
		say("    present: [childrens_services, police, %s, education]\n",
		    chance(50) ? "icb" : "ccg");
		say("  requests:\n");
		for (int i = 0; i < 2 + pick(3); i++) {
			say("    - {agency: %s, sent: %s", agencies[i],
			    date(notified));
			if (stage > RAPID_REVIEW || chance(50))
				say(", received: %s",
				    date(notified + 5 + pick(8)));
			say(", known_to_agency: %s}\n", chance(80) ? "true" :
			    "false");
		}
		text("other_children_safeguarded", 2);
		if (died)
			say("  cdop_information: true\n");
	}
	lr = chance(70);
	if (stage >= RAPID_DONE) {
		say("  recommendation: %s\n", lr ? "local_learning_review" :
		    "no_review");
		text("rationale", 2);
		say("  completed: %s\n", date(rr_done));
		say("  signed_off: {lig_chair: %s, chair: %s}\n", date(rr_done),
		    date(rr_done + pick(3)));
		say("  submitted_to_panel: %s\n", date(rr_done + pick(3)));
		if (chance(80))
			say("  panel_response: {date: %s, national_review: "
			    "false}\n", date(rr_done + 10 + pick(10)));
		say("\nconsiderations:\n");
		say("  improvements_needed: %s\n", lr ? "true" : "false");
		say("  recurrent_themes: %s\n", chance(50) ? "true" : "false");
		say("  multi_agency_concern: %s\n", chance(60) ? "true" :
		    "false");
		if (chance(50))
			say("  good_practice: true\n");
	}
	if (stage >= DECISION) {
		say("\ndecision:\n  date: %s\n", date(decided));
		say("  outcome: %s\n", lr ? "local_review" :
		    "no_further_action");
		if (lr)
			say("  methodology: %s\n", ANY(((const char *const[]){
			    "local_learning_review", "table_top_workshop",
			    "partnership_review"})));
		text("rationale", 2);
		if (chance(85))
			say("  communicated_to_family: %s\n",
			    date(decided + 3 + pick(10)));
	}
	if (stage >= REVIEW && lr) {
		say("\nreview:\n  reviewer:\n    name: %s %s\n", ANY(firsts),
		    "Examplereviewer");
		say("    kind: external_independent\n");
		say("    last_employed_by_partner_agency: %s\n",
		    date(decided - 2000 - pick(2000)));
		say("    involved_in_case: false\n    cv: true\n"
		    "    referee: true\n");
		say("  commissioned: %s\n", date(decided + 14 + pick(14)));
		say("\nreport:\n  draft_shared: %s\n", date(decided + 120 +
		    pick(40)));
		if (stage >= PUBLISHED)
			say("  completed: %s\n  quality_assured: %s\n"
			    "  approved: %s\n", date(decided + 170),
			    date(decided + 172), date(decided + 175));
		say("\npublication:\n  kind: full\n");
		if (stage >= PUBLISHED)
			say("  published: %s\n  url: https://example.org/"
			    "reviews/%ld\n", date(decided + 178), n);
		else if (chance(40))
			text("delay_reason", 2);
	}
	if (chance(40))
		say("\nparallel: {criminal_proceedings: %s, inquest: %s}\n",
		    chance(50) ? "true" : "false", died ? "true" : "false");

	say("\nnotifications:\n");
	notification("panel", "incident", aware + 1 + pick(6), flow);
	notification("safeguarding_partners", "incident", aware + pick(3),
	    flow);
	notification("independent_chair", "incident", aware + pick(3), flow);
	notification("business_manager", "incident", aware + pick(3), flow);
	if (stage >= RAPID_DONE) {
		notification("safeguarding_partners", "rapid_review",
		    rr_done + 2, flow);
		notification("independent_chair", "rapid_review", rr_done + 2,
		    flow);
	}
	if (stage >= DECISION) {
		notification("panel", "decision", decided + 2, flow);
		notification("ofsted", "decision", decided + 2, flow);
		notification("dfe", "decision", decided + 2, flow);
		notification("family", "decision", decided + 6, flow);
	}
	if (stage >= PUBLISHED && lr) {
		notification("panel", "final_report", decided + 176, flow);
		notification("secretary_of_state", "final_report",
		    decided + 176, flow);
		notification("ofsted", "final_report", decided + 177, flow);
	}
	if (stage >= CLOSED) {
		say("\nactions:\n");
		for (int i = 0; i < 1 + pick(8); i++) {
			say("  - id: A%d\n    action: %s\n    owner: %s\n"
			    "    due: %s\n", i + 1, ANY(sentences),
			    roles[pick((int)NELEM(roles))][1],
			    date(decided + 200 + 30 * i));
			if (chance(70))
				say("    completed: %s\n",
				    date(decided + 190 + 30 * i));
		}
		say("\nclosed: %s\n", date(decided + 500));
	}
}

int
main(int argc, char **argv)
{
	long n;
	char path[4096];

	if (argc < 3 || argc > 4 || (n = strtol(argv[2], NULL, 10)) <= 0) {
		fprintf(stderr, "usage: gen dir n [seed]\n");
		return 2;
	}
	if (argc == 4)
		rng ^= strtoull(argv[3], NULL, 10) * 0x2545f4914f6cdd1dULL;
	for (long i = 1; i <= n; i++) {
		snprintf(path, sizeof(path), "%s/case-%06ld.yaml", argv[1], i);
		if (!(out = fopen(path, "w"))) {
			fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
			return 2;
		}
		one_case(i);
		if (fclose(out) != 0) {
			fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
			return 2;
		}
	}
	return 0;
}
