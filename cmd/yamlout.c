/*
 * yamlout.c - a JSON value written as a YAML document, with libyaml's
 * emitter (see yamlout.h): how csp-notify --anonymise --format yaml prints
 * a case, in the style the case files are written in.
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "yamlout.h"

/* Plain scalars that a YAML reader would not take as strings: the YAML 1.2
 * core schema's null, booleans and numbers, which csp's loader follows,
 * and YAML 1.1's yes/no/on/off, which other readers still take as
 * booleans.  Such a string is written double-quoted. */
static const char typed_re[] =
    "^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|"
    "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|"
    "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
    "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
    "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$";

struct yaml_out {
	yaml_emitter_t em;
	regex_t typed;
	int ok;
};

static void
emit(struct yaml_out *y, yaml_event_t *ev, int made)
{
	if (!made || !yaml_emitter_emit(&y->em, ev))
		y->ok = 0;
}

static void
scalar(struct yaml_out *y, const char *s, size_t len, int string)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (!y->ok)
		return;
	if (string && (memchr(s, '\0', len) ||
	    regexec(&y->typed, s, 0, NULL, 0) == 0))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)len, 1, 1, style));
}

static int
scalars(json_t *a)
{
	json_t *x;
	size_t i;

	json_array_foreach(a, i, x)
		if (json_is_object(x) || json_is_array(x))
			return 0;
	return 1;
}

static void
node(struct yaml_out *y, json_t *v)
{
	yaml_event_t ev;
	const char *k;
	json_t *x;
	size_t i;
	char num[64];

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL,
		    NULL, 1, YAML_BLOCK_MAPPING_STYLE));
		json_object_foreach(v, k, x) {
			scalar(y, k, strlen(k), 1);
			node(y, x);
		}
		emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
		break;
	case JSON_ARRAY:
		/* a list of scalars stays on one line, as the examples write
		 * them */
		emit(y, &ev, yaml_sequence_start_event_initialize(&ev, NULL,
		    NULL, 1, scalars(v) ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE));
		json_array_foreach(v, i, x)
			node(y, x);
		emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
		break;
	case JSON_STRING:
		scalar(y, json_string_value(v), json_string_length(v), 1);
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		scalar(y, num, strlen(num), 0);
		break;
	case JSON_REAL:
		snprintf(num, sizeof(num), "%.17g", json_real_value(v));
		scalar(y, num, strlen(num), 0);
		break;
	case JSON_TRUE:
		scalar(y, "true", 4, 0);
		break;
	case JSON_FALSE:
		scalar(y, "false", 5, 0);
		break;
	default:
		scalar(y, "null", 4, 0);
		break;
	}
}

int
yamlout_document(json_t *v, int first)
{
	struct yaml_out y;
	yaml_event_t ev;

	memset(&y, 0, sizeof(y));
	if (regcomp(&y.typed, typed_re, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	if (!yaml_emitter_initialize(&y.em)) {
		regfree(&y.typed);
		return -1;
	}
	y.ok = 1;
	yaml_emitter_set_output_file(&y.em, stdout);
	yaml_emitter_set_unicode(&y.em, 1);
	yaml_emitter_set_width(&y.em, 78);
	emit(&y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, first));
	node(&y, v);
	emit(&y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&y, &ev, yaml_stream_end_event_initialize(&ev));
	yaml_emitter_flush(&y.em);
	yaml_emitter_delete(&y.em);
	regfree(&y.typed);
	return y.ok ? 0 : -1;
}
