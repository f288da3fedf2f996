/*
 * csp-rapid-review - is the rapid review on track?  (8.2, Appendices C
 * and D.)
 *
 * For each case the rapid review applies to: when it is due, whether an
 * extraordinary LIG meeting is needed, whether the meeting was quorate,
 * which involvement requests are outstanding, what the Appendix D form
 * still lacks, and the submission to the Panel and the briefing; all
 * decided in lib/rapid_review.c.  --form prints Appendix D filled in.
 * The form goes to the Panel, outside the partnership, so its free text
 * (which can name people) is printed only with --names (9.4.3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tool.h"

enum { OPT_FORM = OPT_TOOL };

static const struct tool_spec spec = {
	.name = "csp-rapid-review",
	.synopsis = "[-q] [--form] [--format text|json] [--names] "
	    "[--today date] [file|dir ...]",
	.options =
	    "      --form           print the Appendix D form filled in\n"
	    "      --format FMT     text (default) or json, one object per case\n"
	    "      --names          name the child; with --form, print the free "
	    "text\n",
	.status = "Exit status: 0 on track or no rapid review, 1 findings, 2 "
	    "usage error or a file that cannot be processed.\n",
	.formats = FMT_JSON,
};

static int form;

#define HANG "             "

/* "due by D, N working days left", "done on D, due by E", ... */
static void
deadline_line(const char *label, const struct cspr_deadline *d,
    const char *done_word)
{
	char due[11], done[11], from[20], line[512];
	long n = d->days_left < 0 ? -(long)d->days_left : d->days_left;

	cspr_when_str(d->due, due);
	cspr_when_str(d->done, done);
	cspr_when_str(d->from, from);
	switch (d->status) {
	case CSPR_DONE:
		snprintf(line, sizeof(line), "%s %s, on time (due by %s).",
		    done_word, done, due);
		break;
	case CSPR_LATE:
		snprintf(line, sizeof(line), "%s %s, late (due by %s).",
		    done_word, done, due);
		break;
	case CSPR_OVERDUE:
		/* on the weekend after the due day no working day has passed:
		 * never "0 working days ago" */
		if (n > 0)
			snprintf(line, sizeof(line), "overdue: due by %s, %ld "
			    "working day%s ago.", due, n, n == 1 ? "" : "s");
		else
			snprintf(line, sizeof(line), "overdue: due by %s.", due);
		break;
	case CSPR_DUE:
		snprintf(line, sizeof(line), "due by %s, 15 working days after "
		    "the partnership received notice on %s (%s); %ld working "
		    "day%s left.", due, from, d->started_by, n,
		    n == 1 ? "" : "s");
		break;
	case CSPR_PENDING:
		snprintf(line, sizeof(line), "pending: none of %s is recorded, "
		    "so the 15 working days cannot be counted.", d->waits ?
		    d->waits : "incident.notified");
		break;
	}
	text_wrap(label, "  ", line);
}

static void
meeting_line(const json_t *root, const struct cspr_rapid_review *r)
{
	const char *next = cspr_get_str(root, "rapid_review.next_lig_meeting");
	const char *kind = cspr_get_str(root, "rapid_review.meeting.kind");
	const char *held = cspr_get_str(root, "rapid_review.meeting.date");
	int later = next && held && strcmp(next, held) != 0;
	char line[512];

	if (r->extraordinary_required == 1)
		snprintf(line, sizeof(line), "the next one, %s, falls after the "
		    "due date and no extraordinary meeting on or before it is "
		    "recorded: one should be convened.", next);
	else if (r->extraordinary_required == 0 && held)
		snprintf(line, sizeof(line), "a%s meeting was held on %s, "
		    "within the 15 working days%s%s%s.", kind &&
		    strcmp(kind, "extraordinary") == 0 ? "n extraordinary" :
		    kind ? " scheduled" : "", held, later ?
		    " (the next scheduled one is " : "", later ? next : "",
		    later ? ")" : "");
	else if (r->extraordinary_required == 0)
		snprintf(line, sizeof(line), "the next one, %s, falls within the "
		    "15 working days.", next);
	else if (r->due.due.kind == CSPR_WHEN_NONE)
		snprintf(line, sizeof(line), "not known until the due date is.");
	else
		snprintf(line, sizeof(line), "not known: "
		    "rapid_review.next_lig_meeting is not recorded.");
	text_wrap("LIG meeting (8.2.1): ", "  ", line);
	if (r->quorate < 0) {
		text_wrap("Quorum (8.2.1): ", "  ", "no meeting with those "
		    "present is recorded (rapid_review.meeting.present).");
	} else {
		snprintf(line, sizeof(line), "%s%s%s", r->quorate ? "quorate" :
		    "not quorate", held ? " on " : "", held ? held : "");
		for (size_t i = 0; i < r->nmissing; i++)
			text_cat(line, sizeof(line), "%s%s", i ? (i ==
			    r->nmissing - 1 ? " and " : ", ") : ": ",
			    r->missing_from_quorum[i]);
		text_cat(line, sizeof(line), "%s.", r->nmissing ?
		    (r->nmissing > 1 ? " were not present" :
		    " was not present") : "");
		text_wrap("Quorum (8.2.1): ", "  ", line);
	}
}

static void
requests_line(const struct cspr_rapid_review *r)
{
	size_t n = json_array_size(r->outstanding);
	char line[512];

	if (r->requests_sent == 0) {
		text_wrap("Involvement requests (8.2.3, Appendix C): ", "  ",
		    "none recorded as sent.");
		return;
	}
	snprintf(line, sizeof(line), "%zu of %zu returned",
	    r->requests_received, r->requests_sent);
	for (size_t i = 0; i < n; i++)
		text_cat(line, sizeof(line), "%s%s", i ? (i == n - 1 ? " and " :
		    ", ") : "; outstanding: ",
		    json_string_value(json_array_get(r->outstanding, i)));
	text_cat(line, sizeof(line), ".");
	text_wrap("Involvement requests (8.2.3, Appendix C): ", "  ", line);
}

/* No 15-day clock: why, in the words of csp-decide's serious-case. */
static void
not_serious(const struct tool *t, const json_t *root)
{
	struct cspr_assessment a;
	char line[1024];

	if (cspr_assess(root, t->today, &a) < 0)
		return;
	snprintf(line, sizeof(line), "No rapid review: the incident is not a "
	    "serious child safeguarding case (4.1): %s A rapid review is for "
	    "a serious incident (8.2.1), so there is no 15 working day "
	    "clock.", cspr_criterion_find(&a, "serious-case")->because);
	cspr_assessment_clear(&a);
	text_wrap("", "  ", line);
}

static void
report(const struct tool *t, const json_t *root, const char *id,
    const struct cspr_rapid_review *r)
{
	const char *rec = cspr_get_str(root, "rapid_review.recommendation");
	const char *lig = cspr_get_str(root, "rapid_review.signed_off.lig_chair");
	const char *chair = cspr_get_str(root, "rapid_review.signed_off.chair");
	const char *outcome = cspr_get_str(root, "incident.outcome");
	char when[11], line[512];

	text_heading(root, t->names, id,
	    "the rapid review (8.2, Appendices C and D)");
	if (!r->applies && r->serious == 0) {
		not_serious(t, root);
		return;
	}
	if (!r->applies) {
		text_wrap("", "  ", "No rapid review: the partnership has no "
		    "notice of the incident recorded: neither incident.notified, "
		    "nor a report of it to the partners (5.2), nor a referral "
		    "for a rapid review (referral.types) (8.2.1).");
		return;
	}
	if (r->serious < 0)
		text_wrap("Serious incident (4.1): ", "  ", "not known yet; the "
		    "15 working days run all the same, as it cannot be ruled "
		    "out (8.2.1).");
	deadline_line("Completion (8.2.1): ", &r->due, "completed");
	meeting_line(root, r);
	requests_line(r);
	if (cspr_has(root, "rapid_review.other_children_safeguarded"))
		printf("Immediate safeguarding of other children (9.5): "
		    "recorded.\n");
	if (rec) {
		snprintf(line, sizeof(line), "%s, %s a rationale.", rec,
		    cspr_has(root, "rapid_review.rationale") ? "with" :
		    "without");
		text_wrap("Recommendation (8.2.3, Appendix D section 7): ", "  ",
		    line);
	}
	if (lig || chair) {
		snprintf(line, sizeof(line), "%s%s%s%s%s.", lig ? "LIG chair " :
		    "", lig ? lig : "", lig && chair ? ", " : "",
		    chair ? "independent chair " : "", chair ? chair : "");
		text_wrap("Signed off (Appendix D): ", "  ", line);
	}
	if (outcome && strcmp(outcome, "died") == 0) {
		int cdop = cspr_get_bool(root, "rapid_review.cdop_information");

		text_wrap("CDOP information, where the child died (8.2.3): ",
		    "  ", cdop > 0 ? "used." : cdop == 0 ? "recorded as not "
		    "used." : "not recorded yet.");
	}
	deadline_line("To the Panel (8.2.4): ", &r->to_panel, "sent");
	if (r->briefing.kind != CSPR_WHEN_NONE) {
		snprintf(line, sizeof(line), "sent %s.",
		    cspr_when_str(r->briefing, when));
		text_wrap("Briefing to the safeguarding partners and the "
		    "independent chair (8.2.3): ", "  ", line);
	}
	if (r->nto_record) {
		printf("Still to record\n");
		for (size_t i = 0; i < r->nto_record; i++) {
			char first[64];

			snprintf(first, sizeof(first), "  %-10s ",
			    r->to_record[i].para);
			text_wrap(first, HANG, r->to_record[i].what);
		}
	}
	if (r->findings.n == 0) {
		printf("Findings: none.\n");
		return;
	}
	printf("Findings\n");
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct cspr_finding *f = &r->findings.v[i];
		char first[64], msg[1024];

		snprintf(first, sizeof(first), "  %-10s ", f->para);
		snprintf(msg, sizeof(msg), "%s: %s", f->check, f->message);
		text_wrap(first, HANG, msg);
	}
}

static json_t *
rapid_review_json(const char *id, const struct cspr_rapid_review *r)
{
	json_t *missing = json_array();

	for (size_t i = 0; missing && i < r->nmissing; i++)
		if (json_array_append_new(missing,
		    json_string(r->missing_from_quorum[i])) < 0) {
			json_decref(missing);
			return NULL;
		}
	return json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o}", "case",
	    id, "due", r->applies ? cspr_when_json(r->due.due) : json_null(),
	    "status", r->applies ? cspr_status_name(r->due.status) :
	    "not_applicable", "extraordinary_meeting_required",
	    r->extraordinary_required < 0 ? json_null() :
	    json_boolean(r->extraordinary_required), "quorate",
	    r->quorate < 0 ? json_null() : json_boolean(r->quorate),
	    "missing_from_quorum", missing, "outstanding_requests",
	    r->outstanding ? json_incref(r->outstanding) : json_array(),
	    "findings", cspr_findings_json(&r->findings));
}

/* ---- the Appendix D form ---- */

/* A labelled line of the form, its labels 42 characters wide. */
static void
field(const char *label, const char *value)
{
	text_field(42, label, value);
}

/* A free-text section.  The form leaves the partnership, so without
 * --names every name, date of birth, number and address the case knows
 * is replaced as csp-notify --anonymise replaces it (9.4.3), and the text
 * is scanned again: if anything identifying is left, it is withheld. */
static void
free_text(const struct tool *t, const struct cspr_detector *d,
    const char *text)
{
	struct cspr_hits hits = {0};
	char *safe;
	size_t len;

	if (!text || !*text)
		return;
	if (t->names) {
		text_wrap("  ", "  ", text);
		return;
	}
	safe = d ? cspr_redact(d, text, strlen(text), &len) : NULL;
	if (safe && cspr_detect(d, safe, len, &hits) == 0)
		text_wrap("  ", "  ", safe);
	else
		printf("  [withheld: it may still identify someone; shown with "
		    "--names]\n");
	cspr_hits_clear(&hits);
	free(safe);
}

/* The form's agencies, in its two columns, by agency id. */
static const struct {
	const char *ids[3];
	const char *label;
} agencies[] = {
	{{"childrens_services"}, "Children's Services"},
	{{"southern_health"}, "Southern Health"},
	{{"police"}, "Police"},
	{{"southampton_hospital"}, "Southampton Hospital"},
	{{"ccg", "icb"}, "CCG/ICB - Designated Nurse/Doctor"},
	{{"camhs"}, "CAMHS"},
	{{"yot"}, "YOT"},
	{{"district_council"}, "District Council"},
	{{"education"}, "Education"},
	{{"crc", "probation_crc"}, "CRC"},
	{{"hampshire_hospitals"}, "Hampshire Hospitals"},
	{{"nps"}, "NPS"},
	{{"portsmouth_hospital"}, "Portsmouth Hospital"},
	{{"cafcass"}, "CAFCASS"},
	{{"frimley_park_hospital"}, "Frimley Park Hospital"},
	{{"scas"}, "SCAS"},
};

#define NAGENCIES ((int)(sizeof(agencies) / sizeof(agencies[0])))

static int
on_form(const char *id)
{
	for (int i = 0; i < NAGENCIES; i++)
		for (int k = 0; k < 3 && agencies[i].ids[k]; k++)
			if (strcmp(id, agencies[i].ids[k]) == 0)
				return 1;
	return 0;
}

/* Tick the agencies in list (agency ids, or objects with an agency and,
 * when received is set, a received date), then "Other" with the rest. */
static void
agency_boxes(const json_t *list, int received)
{
	char cells[NAGENCIES][80], other[512] = "";
	const char *cell[NAGENCIES];
	size_t j;
	json_t *x;

	for (int i = 0; i < NAGENCIES; i++) {
		int tick = 0;

		json_array_foreach(list, j, x) {
			const char *id = received ? cspr_get_str(x, "agency") :
			    json_string_value(x);

			if (!id || (received && !cspr_get(x, "received")))
				continue;
			for (int k = 0; k < 3 && agencies[i].ids[k]; k++)
				tick |= strcmp(id, agencies[i].ids[k]) == 0;
		}
		snprintf(cells[i], sizeof(cells[i]), "%s %s", text_box(tick),
		    agencies[i].label);
		cell[i] = cells[i];
	}
	text_columns("  ", 2, 38, cell, NAGENCIES, 4);
	json_array_foreach(list, j, x) {
		const char *id = received ? cspr_get_str(x, "agency") :
		    json_string_value(x);

		if (!id || on_form(id) || (received && !cspr_get(x, "received")))
			continue;
		text_cat(other, sizeof(other), "%s%s", *other ? ", " : "", id);
	}
	snprintf(cells[0], sizeof(cells[0]), "  %s Other%s",
	    text_box(*other != '\0'), *other ? ": " : "");
	text_wrap(cells[0], "        ", other);
}

static void
appendix_d(const struct tool *t, const json_t *root, const char *id,
    const struct cspr_rapid_review *r)
{
	static const char *const about[] = {"incident", NULL};
	static const struct {
		const char *id, *label;
	} recs[] = {
		{"no_review", "This case does not meet the criteria of a Serious "
		    "Case Review or other type of review."},
		{"national_review", "Serious Child Safeguarding Case (national "
		    "review)"},
		{"local_learning_review", "Non Statutory Local Learning Review"},
		{"partnership_review", "Partnership review"},
		{"table_top_workshop", "Table top workshop"},
		{"single_agency_review", "Single agency review/ health review"},
	};
	const char *rec = cspr_get_str(root, "rapid_review.recommendation");
	json_t *log = cspr_get(root, "notifications"), *x;
	struct cspr_detector *d = cspr_detector_from_case((json_t *)root);
	struct cspr_assessment a;
	const struct cspr_criterion *serious;
	char received[20];
	char line[1024];
	size_t i;

	printf("Rapid Review Form%61s\n", "Appendix D");
	snprintf(line, sizeof(line), "Case %s.  %s", id, t->names ? "Free "
	    "text as recorded: anonymise it before the form leaves the "
	    "partnership (9.4.3)." : "Free text anonymised from what the case "
	    "knows (9.4.3): read it before the form leaves the partnership.");
	text_wrap("", "", line);
	printf("\n");
	field("Submitted by", text_get(root, "partnership"));
	field("Contact details", "");
	/* the partnership's earliest receipt, as the duty table has it */
	field("Date of notification to the partnership", r->applies ?
	    cspr_when_str(r->due.from, received) :
	    text_get(root, "incident.notified"));
	field("Date of Rapid Review", text_get(root, "rapid_review.meeting.date"));
	field("Date of sign off by LIG chair",
	    text_get(root, "rapid_review.signed_off.lig_chair"));
	field("Date of sign off by the independent chair",
	    text_get(root, "rapid_review.signed_off.chair"));
	field("Date of submission to the National Panel",
	    text_get(root, "rapid_review.submitted_to_panel"));

	printf("\n1. Referral Type\n");
	if (cspr_assess(root, t->today, &a) < 0) {
		cspr_detector_free(&d);
		return;
	}
	/* a rapid review is for a serious incident (4.1, 8.2.1) */
	serious = cspr_criterion_find(&a, "serious-case");
	snprintf(line, sizeof(line), "%s Yes  %s No",
	    text_box(serious->result == CSPR_MET),
	    text_box(serious->result == CSPR_NOT_MET));
	cspr_assessment_clear(&a);
	text_wrap("  Does this case meet the criteria for Rapid Review? (4.1)  ",
	    "      ", line);
	field("Notification of Serious Incident Reference",
	    text_get(root, "rapid_review.reference"));
	line[0] = '\0';
	json_array_foreach(log, i, x) {
		const char *to = cspr_get_str(x, "to");
		const char *ab = cspr_get_str(x, "about");

		if (!to || !ab || strcmp(ab, about[0]) != 0)
			continue;
		text_cat(line, sizeof(line), "%s%s %s", *line ? ", " : "",
		    cspr_recipient(to), text_get(x, "date"));
	}
	text_wrap("  Incident notified to other professional bodies "
	    "including:", "    ", "");
	if (*line)
		text_wrap("    ", "    ", line);

	printf("\n2. Incident that lead to referral\n");
	free_text(t, d, cspr_get_str(root, "incident.summary"));
	printf("\n3. Immediate Safeguarding of other children\n");
	free_text(t, d, cspr_get_str(root, "rapid_review.other_children_safeguarded"));
	printf("\n4. Background information\n");
	free_text(t, d, cspr_get_str(root, "rapid_review.background"));
	printf("\n5. Initial learning and action taken to respond to this\n");
	free_text(t, d, cspr_get_str(root, "rapid_review.initial_learning"));
	printf("\n6. Particular considerations\n");
	text_wrap("  ", "  ", "Please specify any considerations for this "
	    "case, for example; Is there media interest? Are there criminal "
	    "proceedings? Is the case linked to a complex abuse case?");
	free_text(t, d, cspr_get_str(root, "rapid_review.particular_considerations"));
	{
		static const char *const facts[][2] = {
			{"referral.criminal_investigation",
			    "Criminal investigation"},
			{"parallel.criminal_proceedings",
			    "Criminal proceedings"},
			{"parallel.inquest", "Inquest"},
			{"parallel.family_proceedings", "Family proceedings"},
			{"parallel.court_order_restrictions",
			    "Court order restrictions"},
			{"rapid_review.cdop_information",
			    "CDOP information used (8.2.3)"},
		};

		for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
			json_t *v = cspr_get(root, facts[i][0]);

			if (json_is_string(v))
				printf("  %s: %s\n", facts[i][1],
				    json_string_value(v));
			else if (json_is_boolean(v))
				printf("  %s: %s\n", facts[i][1],
				    json_is_true(v) ? "yes" : "no");
		}
	}

	printf("\n7. Recommendation\n");
	for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
		snprintf(line, sizeof(line), "%s %s", text_box(rec &&
		    strcmp(rec, recs[i].id) == 0), recs[i].label);
		text_wrap("  ", "      ", line);
	}
	printf("\n8. Rationale for decision\n");
	free_text(t, d, cspr_get_str(root, "rapid_review.rationale"));

	printf("\n9. Present for discussion\n");
	agency_boxes(cspr_get(root, "rapid_review.meeting.present"), 0);
	printf("\n10. Submission of reports\n");
	agency_boxes(cspr_get(root, "rapid_review.requests"), 1);
	cspr_detector_free(&d);
}

/* ---- one case ---- */

/* One case's rapid review, as tool_case writes it. */
struct one {
	const json_t *root;
	const char *id;
	struct cspr_rapid_review r;
};

static json_t *
one_json(void *arg)
{
	const struct one *x = arg;

	return rapid_review_json(x->id, &x->r);
}

static void
one_text(struct tool *t, void *arg)
{
	const struct one *x = arg;

	if (form)
		appendix_d(t, x->root, x->id, &x->r);
	else
		report(t, x->root, x->id, &x->r);
}

static int
rapid(struct tool *t, struct cspr_case *c, void *arg)
{
	struct one x = {.root = cspr_case_root(c), .id = cspr_case_id(c)};
	int status;

	(void)arg;
	if (cspr_rapid_review_check(x.root, t->cal, t->today, &x.r) < 0)
		return tool_oom(t, c);
	status = tool_case(t, c, x.r.findings.n ? CSPR_FINDINGS : CSPR_OK,
	    one_json, one_text, &x);
	cspr_rapid_review_clear(&x.r);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"form", no_argument, NULL, OPT_FORM},
		TOOL_OPTIONS
	};
	struct tool t;
	int c;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		if (c == OPT_FORM)
			form = 1;
		else
			tool_option(&t, c, optarg);
	}
	if (form && t.format != FMT_TEXT)
		tool_usage_error(&t, "--form writes text only");
	if (form)
		t.between = "\f\n"; /* a form to a page */
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, rapid, NULL);
	return tool_finish(&t);
}
