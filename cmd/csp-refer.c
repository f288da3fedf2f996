/*
 * csp-refer - is the referral complete and on time?  (Section 7,
 * Appendix B.)
 *
 * For each case: the Appendix B fields that are missing, the 48-hour
 * written confirmation (7.2) and a CDOP referral's consistency (7.5), all
 * decided in lib/referral.c.  --form prints the Appendix B form filled in
 * from the case, for the Partnership Team; --template prints a skeleton
 * case file to start a new case with.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "tool.h"

enum { OPT_FORM = OPT_TOOL, OPT_TEMPLATE };

static const struct tool_spec spec = {
	.name = "csp-refer",
	.synopsis = "[-q] [--form | --template] [--format text|json] [--names] "
	    "[--today date] [file|dir ...]",
	.options =
	    "      --form           print the Appendix B form filled in (it names "
	    "people)\n"
	    "      --template       print a skeleton case file to start a new "
	    "case\n"
	    "      --format FMT     text (default) or json, one object per case\n"
	    "      --names          name the child in the heading\n",
	.status = "Exit status: 0 complete and on time, 1 incomplete, or "
	    "confirmed late or overdue, or a CDOP finding, 2 usage error or a "
	    "file that cannot be processed.\n",
	.formats = FMT_JSON,
};

static const char template[] =
"# A new case for the csp tools (csp-case(5)), starting with the referral\n"
"# to the Learning and Inquiry Group: Appendix B of the procedure.  Fill\n"
"# in what is known and leave the rest empty; the file is valid at every\n"
"# stage.  Then:\n"
"#   csp-validate FILE   is it well-formed?\n"
"#   csp-refer FILE      is the referral complete and confirmed (7.2)?\n"
"#   csp-decide FILE     which criteria are met?\n"
"# Dates are YYYY-MM-DD, date-times YYYY-MM-DDTHH:MM.  The file holds\n"
"# personal data: keep it where only the Partnership Team can read it.\n"
"\n"
"id: HSCP-YYYY-NNN               # the case id, unique in the partnership\n"
"partnership: Hampshire Safeguarding Children Partnership\n"
"local_authority: Hampshire      # the local authority of the area (5.1)\n"
"\n"
"child:                          # Appendix B section 1a\n"
"  first_name:\n"
"  last_name:\n"
"  aliases: []                   # other names the child is known by\n"
"  pseudonym:                    # the name used outside, e.g. Child A "
"(9.4.3)\n"
"  dob:                          # date of birth\n"
"  dod:                          # date of death, if the child died\n"
"  gender:                       # female, male, other or unknown\n"
"  ethnicity:\n"
"  nhs_number:\n"
"  address:\n"
"  postcode:\n"
"  education_setting:\n"
"  educated_otherwise_than_at_school:   # true or false (10.2.2(a))\n"
"  normally_resident:            # the local authority the child lives in "
"(9.3.1)\n"
"  looked_after:                 # true or false (5.3, 9.3.5)\n"
"  looked_after_by:              # the local authority looking after the "
"child\n"
"  child_protection_plan:        # current, previous, never or unknown\n"
"  child_protection_plan_ended:  # the date a previous plan ended "
"(10.2.2(b))\n"
"\n"
"family:                         # section 1b: parents, carers, siblings\n"
"  - name:\n"
"    relationship:               # Mother, Father, Stepfather, Sibling, ...\n"
"    dob:\n"
"    aliases: []\n"
"\n"
"professionals: []               # each {name, role, agency}\n"
"\n"
"incident:                       # what happened (4.1, 5.1)\n"
"  date:\n"
"  summary:\n"
"  outcome:                      # died, seriously_harmed or other\n"
"  abuse_or_neglect:             # known, suspected, not_suspected or "
"unknown\n"
"  place:                        # in_area, elsewhere_in_england or "
"outside_england\n"
"  setting:                      # none, childrens_home, "
"secure_childrens_home,\n"
"                                # police_custody, "
"young_offender_institution,\n"
"                                # secure_training_centre, "
"mental_health_act,\n"
"                                # mental_capacity_act, residential_school "
"or\n"
"                                # other_residential\n"
"  la_aware:                     # the local authority became aware (5.1)\n"
"  notified:                     # the partnership was notified (8.2.1)\n"
"\n"
"referral:                       # Appendix B\n"
"  received:                     # the Team was told: the 48 hours start "
"(7.2)\n"
"  confirmed:                    # confirmed in writing on the form (7.2)\n"
"  source:                       # agency, or cdop for the Child Death "
"Overview\n"
"                                # Panel (7.5)\n"
"  referrer:                     # section 3\n"
"    name:\n"
"    agency:\n"
"    phone:\n"
"    email:\n"
"  types: []                     # section 2: rapid_review, "
"local_learning_review,\n"
"                                # single_agency_review, "
"case_for_discussion,\n"
"                                # positive_case_review\n"
"  agencies: []                  # section 4: childrens_services, police, "
"health,\n"
"                                # education, camhs, nps, probation_crc, "
"yot,\n"
"                                # housing, voluntary_sector, out_of_area, "
"other\n"
"  agencies_other:               # which, if other is ticked\n"
"  out_of_area_organisation:     # which, if out_of_area is ticked\n"
"  reasons: []                   # section 5: abuse_or_neglect_concern, "
"child_died,\n"
"                                # seriously_harmed, multi_agency_concern, "
"other\n"
"  reason_other:                 # which, if other is ticked\n"
"  characteristics: []           # section 6: the tick boxes, see "
"csp-case(5)\n"
"  characteristics_other:        # which, if other is ticked\n"
"  siblings_child_protection_plan:   # current, previous, never or "
"unknown\n"
"  criminal_investigation:       # ongoing, none or possible\n"
"  conviction:                   # convicted, not_convicted or unknown\n"
"  outline:                      # the case outline: why it should be "
"considered\n"
"  analysis:                     # case summary analysis\n"
"  strengths_and_challenges:     # practice strengths and challenges\n"
"\n"
"# Later stages add rapid_review, considerations, decision, review, "
"report,\n"
"# publication, parallel, notifications and actions (csp-case(5)).\n";

static int form;

/* ---- the report ---- */

static void
confirmation_line(const struct cspr_deadline *d)
{
	char due[20], done[20], line[512];

	cspr_when_str(d->due, due);
	cspr_when_str(d->done, done);
	switch (d->status) {
	case CSPR_DONE:
		if (d->due.kind == CSPR_WHEN_NONE)
			snprintf(line, sizeof(line), "confirmed %s.", done);
		else
			snprintf(line, sizeof(line), "done: confirmed %s, due "
			    "by %s.", done, due);
		break;
	case CSPR_LATE:
		snprintf(line, sizeof(line), "late: confirmed %s, due by %s.",
		    done, due);
		break;
	case CSPR_OVERDUE:
		snprintf(line, sizeof(line), "overdue: due by %s, and "
		    "referral.confirmed is not recorded.", due);
		break;
	case CSPR_DUE:
		snprintf(line, sizeof(line), "due by %s, 48 hours after the "
		    "referral; referral.confirmed is not recorded yet.", due);
		break;
	case CSPR_PENDING:
		snprintf(line, sizeof(line), "pending: referral.received is not "
		    "recorded, so the 48 hours cannot be counted.");
		break;
	}
	text_wrap("Written confirmation (7.2): ", "  ", line);
}

static void
report(const struct tool *t, const json_t *root, const char *id,
    const struct cspr_referral *r)
{
	const char *source = cspr_get_str(root, "referral.source");

	text_heading(root, t->names, id,
	    "the referral (section 7, Appendix B)");
	if (r->nmissing == 0) {
		printf("Appendix B: complete.\n");
	} else {
		printf("Appendix B: incomplete, %zu field%s missing:\n",
		    r->nmissing, r->nmissing > 1 ? "s" : "");
		for (size_t i = 0; i < r->nmissing; i++) {
			char first[80];

			snprintf(first, sizeof(first), "  %-3s %s: ",
			    r->missing[i].section, r->missing[i].path);
			text_wrap(first, "        ", r->missing[i].what);
		}
	}
	confirmation_line(&r->confirmation);
	if (source && strcmp(source, "cdop") == 0)
		printf("Referred by the Child Death Overview Panel (7.5).\n");
	if (r->findings.n == 0)
		return;
	printf("Findings\n");
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct cspr_finding *f = &r->findings.v[i];
		char first[64], line[1024];

		snprintf(first, sizeof(first), "  %-10s ", f->para);
		snprintf(line, sizeof(line), "%s: %s", f->check, f->message);
		text_wrap(first, "             ", line);
	}
}

static json_t *
referral_json(const char *id, const struct cspr_referral *r)
{
	const struct cspr_deadline *d = &r->confirmation;

	return json_pack("{s:s, s:b, s:o, s:{s:o, s:o, s:s}, s:o}", "case", id,
	    "complete", r->nmissing == 0, "missing",
	    cspr_referral_missing_json(r), "confirmation", "due",
	    cspr_when_json(d->due), "done", cspr_when_json(d->done), "status",
	    cspr_status_name(d->status), "findings",
	    cspr_findings_json(&r->findings));
}

/* ---- the Appendix B form ---- */

/* A labelled line of the form, its labels 26 characters wide. */
static void
field(const char *label, const char *value)
{
	text_field(26, label, value);
}

/* Text that is written only when there is some. */
static void
more(const char *indent, const char *text)
{
	if (text && *text)
		text_wrap(indent, indent, text);
}

static int
ticked(const json_t *root, const char *path, const char *box)
{
	json_t *list = cspr_get(root, path), *x;
	size_t i;

	json_array_foreach(list, i, x)
		if (json_is_string(x) && strcmp(json_string_value(x), box) == 0)
			return 1;
	return 0;
}

struct box {
	const char *id;
	const char *label;
};

/* Tick boxes in columns, as the paper lays them out. */
static void
boxes(const json_t *root, const char *path, const struct box *b, int n,
    int ncols)
{
	char cells[40][320];
	const char *cell[40];

	for (int i = 0; i < n && i < 40; i++) {
		snprintf(cells[i], sizeof(cells[i]), "%s %s",
		    b[i].id ? text_box(ticked(root, path, b[i].id)) : "   ",
		    b[i].label);
		cell[i] = cells[i];
	}
	text_columns("  ", ncols, 76 / ncols, cell, n, 4);
}

/* A question answered by ticking one of its boxes. */
static void
choice(const char *question, const char *value, const struct box *b, int n)
{
	char line[256] = "";

	for (int i = 0; i < n; i++)
		text_cat(line, sizeof(line), "%s%s %s", i ? "  " : "",
		    text_box(value && strcmp(value, b[i].id) == 0), b[i].label);
	text_wrap("  ", "    ", question);
	printf("      %s\n", line);
}

static void
free_text(const char *title, const char *prompt, const char *text)
{
	printf("\n%s\n", title);
	if (prompt)
		text_wrap("  ", "  ", prompt);
	if (text && *text)
		text_wrap("  ", "  ", text);
	else
		printf("\n");
}

static int
sibling(const char *relationship)
{
	static const char *const words[] = {"sibling", "brother", "sister",
	    NULL};

	for (const char *const *w = words; relationship && *w; w++) {
		for (const char *p = relationship; *p; p++)
			if (strncasecmp(p, *w, strlen(*w)) == 0)
				return 1;
	}
	return 0;
}

static void
family(const json_t *root, int siblings)
{
	json_t *list = cspr_get(root, "family"), *m;
	size_t i;

	printf("  %s\n", siblings ? "Siblings" :
	    "Parents'/Carers' (please include any known aliases)");
	json_array_foreach(list, i, m) {
		const char *rel = cspr_get_str(m, "relationship");
		json_t *aliases = cspr_get(m, "aliases"), *a;
		char name[512];
		size_t j;

		if (sibling(rel) != siblings)
			continue;
		snprintf(name, sizeof(name), "%s%s%s%s", text_get(m, "name"),
		    rel ? " (" : "", rel ? rel : "", rel ? ")" : "");
		json_array_foreach(aliases, j, a)
			if (json_is_string(a))
				text_cat(name, sizeof(name), "%s%s", j ? ", " :
				    ", also known as ", json_string_value(a));
		text_clean(name);
		if (!*text_get(m, "dob"))
			text_wrap("    ", "      ", name);
		else if (text_width(name) >= 52)
			printf("    %s\n    %-52s %s\n", name, "",
			    text_get(m, "dob"));
		else
			printf("    %s%*s %s\n", name, 52 - text_width(name), "",
			    text_get(m, "dob"));
	}
}

static const struct box types[] = {
	{"rapid_review", "To undertake a Rapid Review"},
	{"local_learning_review", "For a Local Learning Review"},
	{"single_agency_review", "For a Single Agency Review"},
	{"case_for_discussion", "As a case for discussion"},
	{"positive_case_review", "For a Positive Case Review"},
};

static const struct box agencies[] = {
	{"childrens_services", "Children's Services"}, {"nps", "NPS"},
	{"police", "Police"}, {"probation_crc", "Probation CRC"},
	{"health", "Health Services"}, {"yot", "YOT"},
	{"education", "Education"}, {"housing", "Housing"},
	{"camhs", "CAMHS"}, {"voluntary_sector", "Voluntary Sector"},
	{"out_of_area", "Out of area services"}, {"other", "Others"},
};

static const struct box reasons[] = {
	{"abuse_or_neglect_concern", "Abuse or neglect of a child is known or "
	    "suspected, and the case gives cause for concern as to the way in "
	    "which the local authority, their Board partners or other "
	    "relevant persons have worked together to safeguard the child."},
	{"child_died", "A child has died (including suicide)"},
	{"seriously_harmed", "A child has been seriously harmed"},
	{"multi_agency_concern", "There is a concern about the way multi "
	    "agency partners have worked together to safeguarding the child / "
	    "children"},
	{"other", "Other reason:"},
};

static const struct box characteristics[] = {
	{"domestic_abuse", "Domestic abuse"},
	{"alcohol_abuse", "Alcohol abuse"},
	{"substance_abuse", "Substance abuse"},
	{"parental_mental_health", "Parental mental health"},
	{"fabricated_or_induced_illness", "Fabricated or induced illness"},
	{"abusive_head_trauma", "Abusive head trauma"},
	{"sexual_abuse", "Sexual abuse"},
	{"child_in_care", "Child in care"},
	{"more_than_one_child_abused", "More than one child abused"},
	{"child_of_teenage_pregnancy", "Child of teenage pregnancy"},
	{"parent_is_care_leaver", "Parent is care leaver"},
	{"homelessness_or_housing_issues", "Homelessness/ housing issues"},
	{"emotional_abuse", "Emotional abuse"},
	{"recent_neglect", "Recent neglect"},
	{"long_standing_neglect", "Long standing neglect"},
	{"physical_abuse", "Physical abuse"},
	{"non_accidental_injury", "Non-Accidental Injury"},
	{"overlaying", "Overlaying"},
	{"complex_family", "Complex family"},
	{"hidden_adults", "Hidden adults"},
	{"exploitation", "Exploitation (including CSE, criminal, county "
	    "lines, modern slavery)"},
	{"disability_parent_carer", "Disability- parent/ carer"},
	{"serious_illness_parent_carer", "Serious illness/ chronic "
	    "condition- parent/ carer"},
	{"learning_difficulties_parent_carer", "Learning difficulties- "
	    "parent/carers"},
	{"disability_child", "Disability- Child"},
	{"serious_illness_child", "Serious illness/ chronic condition- "
	    "Child"},
	{"learning_difficulties_child", "Learning difficulties- Child"},
	{"child_mental_health", "Child mental health including self-harm "
	    "and suicide"},
	{"disguised_compliance", "Disguised compliance"},
	{"non_engagement", "Non-engagement"},
	{"cross_border_issues", "Cross border issues"},
	{"radicalisation", "Radicalisation"},
	{"other", "Other- Please specify"},
};

static const struct box plan[] = {
	{"current", "Yes"}, {"never", "No"}, {"previous", "Previously"},
	{"unknown", "Don't know"},
};
static const struct box investigation[] = {
	{"ongoing", "Yes"}, {"none", "No"}, {"possible", "Possible"},
};
static const struct box conviction[] = {
	{"convicted", "Yes"}, {"not_convicted", "No"},
	{"unknown", "Don't know"},
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
appendix_b(const json_t *root, const char *id)
{
	const char *gender = cspr_get_str(root, "child.gender");
	const char *rec = cspr_get_str(root, "rapid_review.recommendation");
	json_t *nhs = cspr_get(root, "child.nhs_number"), *aliases, *a;
	char buf[512] = "", nhsbuf[32] = "";
	size_t i;

	printf("Referral Form%65s\n", "Appendix B");
	snprintf(buf, sizeof(buf), "%s, Learning and Inquiry Group",
	    text_get(root, "partnership"));
	text_wrap("", "", buf);
	snprintf(buf, sizeof(buf), "Case %s.  Personal data: for the "
	    "Partnership Team only (7.2, 9.4.3).", id);
	text_wrap("", "", buf);
	buf[0] = '\0';

	printf("\n1a. Child's Details\n");
	field("Child's First Name", text_get(root, "child.first_name"));
	field("Child's Last Name", text_get(root, "child.last_name"));
	aliases = cspr_get(root, "child.aliases");
	json_array_foreach(aliases, i, a)
		if (json_is_string(a))
			text_cat(buf, sizeof(buf), "%s%s", i ? ", " : "",
			    json_string_value(a));
	field("Any known aliases", buf);
	field("Ethnicity", text_get(root, "child.ethnicity"));
	field("D.O.B", text_get(root, "child.dob"));
	snprintf(buf, sizeof(buf), "%s Male  %s Female%s%s%s",
	    text_box(gender && strcmp(gender, "male") == 0),
	    text_box(gender && strcmp(gender, "female") == 0),
	    gender && strcmp(gender, "male") && strcmp(gender, "female") ?
	    " (recorded: " : "", gender && strcmp(gender, "male") &&
	    strcmp(gender, "female") ? gender : "",
	    gender && strcmp(gender, "male") && strcmp(gender, "female") ?
	    ")" : "");
	field("Gender", buf);
	field("D.O.D (if applicable)", text_get(root, "child.dod"));
	if (json_is_integer(nhs))
		snprintf(nhsbuf, sizeof(nhsbuf), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(nhs));
	field("NHS Number", json_is_string(nhs) ? json_string_value(nhs) :
	    nhsbuf);
	field("Education Setting", text_get(root, "child.education_setting"));
	snprintf(buf, sizeof(buf), "%s%s%s", text_get(root, "child.address"),
	    cspr_get_str(root, "child.address") &&
	    cspr_get_str(root, "child.postcode") ? ", " : "",
	    text_get(root, "child.postcode"));
	/* a postcode is not split across lines */
	if (cspr_get_str(root, "child.postcode") &&
	    strlen(buf) >= strlen(text_get(root, "child.postcode")))
		for (char *p = buf + strlen(buf) -
		    strlen(text_get(root, "child.postcode")); *p; p++)
			if (*p == ' ')
				*p = TEXT_NBSP;
	field("Address", buf);

	printf("\n1b. Family Member Details\n");
	printf("    %-52s %s\n", "Name", "DOB");
	family(root, 0);
	family(root, 1);

	printf("\n2. This case is being referred;\n");
	boxes(root, "referral.types", types, N(types), 1);

	printf("\n3. Referral Details\n");
	field("Date of referral", text_get(root, "referral.received"));
	field("Name of referrer", text_get(root, "referral.referrer.name"));
	field("Agency", text_get(root, "referral.referrer.agency"));
	field("Tel. No.", text_get(root, "referral.referrer.phone"));
	field("Email", text_get(root, "referral.referrer.email"));

	printf("\n4. Agencies known to be involved with the case (please "
	    "tick)\n");
	boxes(root, "referral.agencies", agencies, N(agencies), 2);
	field("Others (please specify)", text_get(root, "referral.agencies_other"));
	field("Out of area organisation",
	    text_get(root, "referral.out_of_area_organisation"));

	printf("\n5. Reason for notification (more than one box may be "
	    "ticked)\n");
	boxes(root, "referral.reasons", reasons, N(reasons), 1);
	more("      ", text_get(root, "referral.reason_other"));

	printf("\n6. Characteristics of Case\n");
	boxes(root, "referral.characteristics", characteristics,
	    N(characteristics), 3);
	more("      ", text_get(root, "referral.characteristics_other"));
	choice("Is the child subject to a child protection plan?",
	    cspr_get_str(root, "child.child_protection_plan"), plan, N(plan));
	choice("Are any siblings on a child protection plan?",
	    cspr_get_str(root, "referral.siblings_child_protection_plan"), plan,
	    N(plan));
	choice("Is there a criminal investigation taking place?",
	    cspr_get_str(root, "referral.criminal_investigation"),
	    investigation, N(investigation));
	choice("Has there been a conviction?",
	    cspr_get_str(root, "referral.conviction"), conviction,
	    N(conviction));

	free_text("6. Case Outline", "Please give a summary of the "
	    "circumstances of this case and explain why you feel this case "
	    "should be considered:", cspr_get_str(root, "referral.outline"));
	free_text("7. Case Summary Analysis", "Please provide a case summary "
	    "analysis:", cspr_get_str(root, "referral.analysis"));
	free_text("8. Identification of practice strengths and challenges",
	    "Please provide a summary of identified strengths and challenges "
	    "in this case:",
	    cspr_get_str(root, "referral.strengths_and_challenges"));

	printf("\nPLEASE RETURN THIS COMPLETED FORM SECURELY TO THE "
	    "PARTNERSHIP TEAM\n");

	printf("\nFor Office Use\n");
	field("Date referral received by the Partnership Team",
	    text_get(root, "referral.received"));
	field("Date case discussed at Learning and Inquiry Group",
	    text_get(root, "rapid_review.meeting.date"));
	text_wrap("  ", "  ", "Recommendation to be made by Learning and "
	    "Inquiry Group to Independent Chair:");
	{
		int local = rec && (strcmp(rec, "local_learning_review") == 0 ||
		    strcmp(rec, "partnership_review") == 0 ||
		    strcmp(rec, "table_top_workshop") == 0 ||
		    strcmp(rec, "national_review") == 0);
		char line[256];

		snprintf(line, sizeof(line), "%s This case fits the criteria "
		    "within Working Together 2018 and should be considered for "
		    "a local safeguarding practice review", text_box(local));
		text_wrap("    ", "        ", line);
		snprintf(line, sizeof(line), "%s This case does not meet the "
		    "criteria within Working Together 2018 and should not be "
		    "considered for a review", text_box(rec &&
		    strcmp(rec, "no_review") == 0));
		text_wrap("    ", "        ", line);
		snprintf(line, sizeof(line), "%s This case does not fit the "
		    "criteria within Working Together 2018 for a local "
		    "safeguarding practice review, however we recommend that a "
		    "single agency review / other action should be taken",
		    text_box(rec && strcmp(rec, "single_agency_review") == 0));
		text_wrap("    ", "        ", line);
		snprintf(line, sizeof(line), "%s This case should be considered "
		    "for a positive learning review", text_box(cspr_get_bool(
		    root, "considerations.positive_outcome_learning") == 1));
		text_wrap("    ", "        ", line);
	}
	printf("  Chair of Learning and Inquiry Group:\n");
	text_wrap("  Signed ..............................  Date ", "",
	    text_get(root, "rapid_review.signed_off.lig_chair"));
}

/* ---- one case ---- */

/* One case's referral, as tool_case writes it. */
struct one {
	const json_t *root;
	const char *id;
	struct cspr_referral r;
};

static json_t *
one_json(void *arg)
{
	const struct one *x = arg;

	return referral_json(x->id, &x->r);
}

static void
one_text(struct tool *t, void *arg)
{
	const struct one *x = arg;

	if (form)
		appendix_b(x->root, x->id);
	else
		report(t, x->root, x->id, &x->r);
}

static int
refer(struct tool *t, struct cspr_case *c, void *arg)
{
	struct one x = {.root = cspr_case_root(c), .id = cspr_case_id(c)};
	int status;

	(void)arg;
	if (cspr_referral_check(x.root, t->cal, t->today, &x.r) < 0)
		return tool_oom(t, c);
	status = tool_case(t, c, x.r.nmissing || x.r.findings.n ?
	    CSPR_FINDINGS : CSPR_OK, one_json, one_text, &x);
	cspr_referral_clear(&x.r);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"form", no_argument, NULL, OPT_FORM},
		{"template", no_argument, NULL, OPT_TEMPLATE},
		TOOL_OPTIONS
	};
	struct tool t;
	int c, skeleton = 0;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		if (c == OPT_FORM)
			form = 1;
		else if (c == OPT_TEMPLATE)
			skeleton = 1;
		else
			tool_option(&t, c, optarg);
	}
	if ((form || skeleton) && t.format != FMT_TEXT)
		tool_usage_error(&t, "--%s writes text only",
		    form ? "form" : "template");
	if (skeleton && (form || optind < argc)) {
		fprintf(stderr, "csp-refer: --template takes no files\n");
		tool_usage(&t);
	}
	if (skeleton) {
		/* an editor with yaml-language-server then checks and
		 * describes each field as it is typed */
		char schema[PATH_MAX];

		printf("# yaml-language-server: $schema=%s\n",
		    tool_schema_file(schema, sizeof(schema)));
		fputs(template, stdout);
		return tool_finish(&t);
	}
	/* the form is for the Partnership Team, and names people by its
	 * nature (9.4.3 exempts the Team from anonymisation) */
	if (form) {
		t.names = 1;
		t.between = "\f\n"; /* a form to a page */
	}
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, refer, NULL);
	return tool_finish(&t);
}
