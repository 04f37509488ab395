/*
 * validate: checks QĐ 130 claim files with liblienthong_ffi and prints every finding.
 *
 *   validate [--pack 130|4750|3176] [--rules rules.toml] [--json] FILE...
 *
 * Each finding is one line: `FILE:LINE:COLUMN: SEVERITY [RULE] PATH: MESSAGE`. The last line is
 * `N errors, M warnings` over all files. With --json, each file's findings are printed instead as
 * one JSON array per line (the issue objects of `lienthong validate --format json`).
 *
 * Exit status: 0 when no file has an error finding, 1 when one has, 2 when validation could not
 * run (a file that cannot be read, a bad rules file).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lienthong.h"

static void print_error(const char *what, const lienthong_error *err) {
  lienthong_str msg = lienthong_error_message_en(err);
  fprintf(stderr, "validate: %s: " LIENTHONG_STR_FMT " (status %u)\n", what,
          LIENTHONG_STR_ARG(msg), (unsigned)lienthong_error_status(err));
}

/* Reads a whole file into memory; NULL on failure. */
static char *read_text(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while (buf != NULL && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (cap - len - 1 == 0) {
      char *bigger = realloc(buf, cap * 2);
      if (bigger == NULL) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf != NULL) {
    buf[len] = '\0';
  }
  return buf;
}

static void print_finding(const char *file, const lienthong_finding *f) {
  lienthong_str severity = lienthong_finding_severity_name(f);
  lienthong_str rule = lienthong_finding_rule(f);
  lienthong_str path = lienthong_finding_path(f);
  lienthong_str message = lienthong_finding_message_en(f);
  printf("%s:%u:%u: " LIENTHONG_STR_FMT " [" LIENTHONG_STR_FMT "] " LIENTHONG_STR_FMT
         ": " LIENTHONG_STR_FMT "\n",
         file, (unsigned)lienthong_finding_line(f), (unsigned)lienthong_finding_column(f),
         LIENTHONG_STR_ARG(severity), LIENTHONG_STR_ARG(rule), LIENTHONG_STR_ARG(path),
         LIENTHONG_STR_ARG(message));
}

int main(int argc, char **argv) {
  const char *pack = NULL, *rules_path = NULL;
  int json = 0, first_file = argc;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--pack") == 0 && i + 1 < argc) {
      pack = argv[++i];
    } else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
      rules_path = argv[++i];
    } else if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else {
      first_file = i;
      break;
    }
  }
  if (first_file >= argc) {
    fprintf(stderr, "usage: %s [--pack 130|4750|3176] [--rules FILE] [--json] FILE...\n", argv[0]);
    return 2;
  }

  lienthong_error *err = NULL;
  lienthong_validator *validator = NULL;
  if (lienthong_validator_new(&validator, &err) != LIENTHONG_STATUS_OK) {
    print_error("validator", err);
    lienthong_error_free(err);
    return 2;
  }
  int status = 0;
  if (pack != NULL && lienthong_validator_set_pack(validator, pack, &err) != LIENTHONG_STATUS_OK) {
    print_error("--pack", err);
    status = 2;
  }
  if (status == 0 && rules_path != NULL) {
    char *toml = read_text(rules_path);
    if (toml == NULL) {
      fprintf(stderr, "validate: cannot read %s\n", rules_path);
      status = 2;
    } else if (lienthong_validator_set_rules_toml(validator, toml, &err) != LIENTHONG_STATUS_OK) {
      print_error(rules_path, err);
      status = 2;
    }
    free(toml);
  }

  size_t errors = 0, warnings = 0;
  for (int i = first_file; status != 2 && i < argc; i++) {
    lienthong_report *report = NULL;
    if (lienthong_validator_validate_path(validator, argv[i], &report, &err) != LIENTHONG_STATUS_OK) {
      print_error(argv[i], err);
      status = 2;
      break;
    }
    if (json) {
      lienthong_bytes *text = NULL;
      if (lienthong_report_to_json(report, &text, &err) == LIENTHONG_STATUS_OK) {
        fwrite(lienthong_bytes_data(text), 1, lienthong_bytes_len(text), stdout);
        putchar('\n');
      } else {
        print_error("json", err);
        status = 2;
      }
      lienthong_bytes_free(text);
    } else {
      size_t n = lienthong_report_finding_count(report);
      for (size_t k = 0; k < n; k++) {
        print_finding(argv[i], lienthong_report_finding(report, k));
      }
    }
    errors += lienthong_report_errors(report);
    warnings += lienthong_report_warnings(report);
    lienthong_report_free(report);
  }
  if (status != 2) {
    printf("%zu errors, %zu warnings\n", errors, warnings);
    status = errors > 0 ? 1 : 0;
  }
  lienthong_error_free(err);
  lienthong_validator_free(validator);
  return status;
}
