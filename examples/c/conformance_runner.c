/*
 * conformance_runner: runs the Lienthong conformance suite on a vendor's files with
 * liblienthong_ffi. The C counterpart of examples/python/conformance_runner.py.
 *
 *   conformance_runner CASES_DIR VENDOR_DIR
 *
 * The cases (`CASES_DIR/<ID>/`: `case.json`, `input.json`, `expected.xml`) are language-neutral.
 * The vendor's system turns each `input.json` into `VENDOR_DIR/<ID>.xml`; a case passes when that
 * file reads, passes the case's rule pack without errors, carries a valid signature over the whole
 * document when the case requires one, and matches `expected.xml`:
 *
 * - a `GIAMDINHHS` envelope is compared field for field: HOSO matched by MA_LK, each table XML1 ...
 *   XML15 row by row (by index), each element of the table's dictionary by name, as wire text
 *   (the header, so NGAYLAP, and the signature are not compared);
 * - a standalone document (a check-in `CHI_TIEU_TRANG_THAI_KCB` or an XML12 document) cannot be
 *   read into handles by the C library, so it is validated (the validator accepts it) and compared
 *   byte for byte outside its `<CHUKYDONVI>...</CHUKYDONVI>` or `<CHUKYDONVI/>` element (signing
 *   changes no other byte).
 *
 * Each case prints `PASS <ID>`, `FAIL <ID>` (with one indented line per reason, such as
 * `  <MA_LK>/<TABLE>[row] <ELEMENT>: expected '<a>', got '<b>'`), `SKIP <ID>` (no vendor file) or
 * `ERROR <ID>` (the vendor file does not read). The last line is `N/M passed`.
 *
 * Exit status: 0 when every case passes, 1 otherwise, 2 on bad usage or when the cases cannot be
 * listed.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lienthong.h"

enum outcome { PASS, FAIL, SKIP, ERROR };

/* Reads a whole file into memory (NUL-terminated, `*len_out` bytes); NULL on failure. */
static char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  size_t cap = 4096, len = 0, n;
  char *buf = malloc(cap);
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
    *len_out = len;
  }
  return buf;
}

static char *join(const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
  char *s = malloc(n);
  if (s != NULL) {
    snprintf(s, n, "%s%s%s", a, b, c);
  }
  return s;
}

/* The first case status line is printed lazily, so that reasons come after it. */
struct result {
  const char *id;
  enum outcome outcome;
  bool header_printed;
};

static void reason(struct result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void reason(struct result *r, const char *fmt, ...) {
  if (r->outcome == PASS) {
    r->outcome = FAIL;
  }
  if (!r->header_printed) {
    printf("%s %s\n", r->outcome == ERROR ? "ERROR" : "FAIL", r->id);
    r->header_printed = true;
  }
  va_list ap;
  va_start(ap, fmt);
  printf("  ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
}

static void library_error(struct result *r, const char *what, lienthong_error *err) {
  lienthong_str msg = lienthong_error_message_en(err);
  reason(r, "%s: " LIENTHONG_STR_FMT " (status %u)", what, LIENTHONG_STR_ARG(msg),
         (unsigned)lienthong_error_status(err));
  lienthong_error_free(err);
}

/* Whether `key` (such as `"signature_required": true`) appears in the JSON text, allowing any
 * spaces after the colon. A tiny check, enough for the suite's case.json files. */
static bool json_has(const char *json, const char *name, const char *value) {
  size_t nlen = strlen(name);
  for (const char *p = strstr(json, name); p != NULL; p = strstr(p + 1, name)) {
    const char *q = p + nlen;
    while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') {
      q++;
    }
    if (*q != ':') {
      continue;
    }
    q++;
    while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') {
      q++;
    }
    if (strncmp(q, value, strlen(value)) == 0) {
      return true;
    }
  }
  return false;
}

static const char *case_pack(const char *json) {
  static const char *packs[] = {"130", "4750", "3176"};
  for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++) {
    char quoted[16];
    snprintf(quoted, sizeof quoted, "\"%s\"", packs[i]);
    if (json_has(json, "\"pack\"", quoted)) {
      return packs[i];
    }
  }
  return NULL; /* each HOSO's pack follows its dates */
}

/* Validates the vendor's file with the case's pack: every error finding is a reason; a `parse.*`
 * finding makes the case an ERROR. False when validation could not run. */
static bool validate(struct result *r, const char *pack, const char *data, size_t len) {
  lienthong_error *err = NULL;
  lienthong_validator *v = NULL;
  lienthong_report *report = NULL;
  if (lienthong_validator_new(&v, &err) != LIENTHONG_STATUS_OK ||
      lienthong_validator_set_pack(v, pack, &err) != LIENTHONG_STATUS_OK ||
      lienthong_validator_validate(v, (const uint8_t *)data, len, &report, &err) !=
          LIENTHONG_STATUS_OK) {
    r->outcome = ERROR;
    library_error(r, "validate", err);
    lienthong_validator_free(v);
    return false;
  }
  for (size_t i = 0; i < lienthong_report_finding_count(report); i++) {
    const lienthong_finding *f = lienthong_report_finding(report, i);
    if (lienthong_finding_severity(f) != LIENTHONG_SEVERITY_ERROR) {
      continue;
    }
    lienthong_str rule = lienthong_finding_rule(f);
    if (rule.len >= 6 && strncmp(rule.data, "parse.", 6) == 0 && r->outcome == PASS) {
      r->outcome = ERROR;
    }
    lienthong_str path = lienthong_finding_path(f);
    lienthong_str msg = lienthong_finding_message_en(f);
    reason(r, LIENTHONG_STR_FMT " " LIENTHONG_STR_FMT ": " LIENTHONG_STR_FMT,
           LIENTHONG_STR_ARG(rule), LIENTHONG_STR_ARG(path), LIENTHONG_STR_ARG(msg));
  }
  lienthong_report_free(report);
  lienthong_validator_free(v);
  return true;
}

static void verify(struct result *r, const char *data, size_t len) {
  lienthong_error *err = NULL;
  lienthong_verification *ver = NULL;
  if (lienthong_verify((const uint8_t *)data, len, &ver, &err) != LIENTHONG_STATUS_OK) {
    library_error(r, "signature", err);
    return;
  }
  if (!lienthong_verification_is_valid(ver) ||
      !lienthong_verification_covers_whole_document(ver)) {
    reason(r, "signature invalid or partial");
  }
  lienthong_verification_free(ver);
}

static bool str_eq(lienthong_str a, lienthong_str b) {
  return a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
}

static const lienthong_hoso *find_hoso(const lienthong_envelope *env, lienthong_str ma_lk) {
  for (size_t i = 0; i < lienthong_envelope_hoso_count(env); i++) {
    const lienthong_hoso *h = lienthong_envelope_hoso(env, i);
    if (str_eq(lienthong_hoso_ma_lk(h), ma_lk)) {
      return h;
    }
  }
  return NULL;
}

static size_t row_count(struct result *r, const lienthong_hoso *h, const char *table) {
  size_t n = 0;
  lienthong_error *err = NULL;
  if (lienthong_hoso_row_count(h, table, &n, &err) != LIENTHONG_STATUS_OK) {
    library_error(r, table, err);
    return 0;
  }
  return n;
}

/* One row of one table, element by element over the table's dictionary. */
static void compare_row(struct result *r, lienthong_str ma_lk, const char *table, size_t row,
                        const lienthong_hoso *want, const lienthong_hoso *got) {
  lienthong_error *err = NULL;
  lienthong_record *rec = NULL;
  if (lienthong_hoso_record(want, table, row, &rec, &err) != LIENTHONG_STATUS_OK) {
    library_error(r, table, err);
    return;
  }
  for (size_t i = 0; i < lienthong_record_element_count(rec); i++) {
    lienthong_str name = lienthong_record_element_name(rec, i);
    char element[128];
    snprintf(element, sizeof element, LIENTHONG_STR_FMT, LIENTHONG_STR_ARG(name));
    lienthong_str a, b;
    if (lienthong_hoso_get(want, table, row, element, &a, &err) != LIENTHONG_STATUS_OK ||
        lienthong_hoso_get(got, table, row, element, &b, &err) != LIENTHONG_STATUS_OK) {
      library_error(r, element, err);
      err = NULL;
      continue;
    }
    if (!str_eq(a, b)) {
      reason(r, LIENTHONG_STR_FMT "/%s[%zu] %s: expected '" LIENTHONG_STR_FMT "', got '"
                LIENTHONG_STR_FMT "'",
             LIENTHONG_STR_ARG(ma_lk), table, row, element, LIENTHONG_STR_ARG(a),
             LIENTHONG_STR_ARG(b));
    }
  }
  lienthong_record_free(rec);
}

static void compare_hoso(struct result *r, lienthong_str ma_lk, const lienthong_hoso *want,
                         const lienthong_hoso *got) {
  for (int t = 1; t <= 15; t++) {
    if (t == 12) {
      continue; /* XML12 travels on its own, never inside a HOSO */
    }
    char table[8];
    snprintf(table, sizeof table, "XML%d", t);
    size_t nw = row_count(r, want, table), ng = row_count(r, got, table);
    size_t n = nw > ng ? nw : ng;
    for (size_t row = 0; row < n; row++) {
      if (row >= nw || row >= ng) {
        reason(r, LIENTHONG_STR_FMT "/%s[%zu]: expected %s, got %s", LIENTHONG_STR_ARG(ma_lk),
               table, row, row < nw ? "row" : "none", row < ng ? "row" : "none");
        continue;
      }
      compare_row(r, ma_lk, table, row, want, got);
    }
  }
}

static void compare_envelopes(struct result *r, const char *expected, size_t elen,
                              const char *actual, size_t alen) {
  lienthong_error *err = NULL;
  lienthong_envelope *want = NULL, *got = NULL;
  if (lienthong_envelope_parse((const uint8_t *)expected, elen, &want, &err) !=
      LIENTHONG_STATUS_OK) {
    r->outcome = ERROR;
    library_error(r, "expected.xml", err);
    return;
  }
  if (lienthong_envelope_parse((const uint8_t *)actual, alen, &got, &err) != LIENTHONG_STATUS_OK) {
    r->outcome = ERROR;
    library_error(r, "parse", err);
    lienthong_envelope_free(want);
    return;
  }
  for (size_t i = 0; i < lienthong_envelope_hoso_count(want); i++) {
    const lienthong_hoso *w = lienthong_envelope_hoso(want, i);
    lienthong_str ma_lk = lienthong_hoso_ma_lk(w);
    const lienthong_hoso *g = find_hoso(got, ma_lk);
    if (g == NULL) {
      reason(r, "HOSO " LIENTHONG_STR_FMT ": expected 'present', got 'missing'",
             LIENTHONG_STR_ARG(ma_lk));
    } else {
      compare_hoso(r, ma_lk, w, g);
    }
  }
  for (size_t i = 0; i < lienthong_envelope_hoso_count(got); i++) {
    lienthong_str ma_lk = lienthong_hoso_ma_lk(lienthong_envelope_hoso(got, i));
    if (find_hoso(want, ma_lk) == NULL) {
      reason(r, "HOSO " LIENTHONG_STR_FMT ": expected 'absent', got 'unexpected'",
             LIENTHONG_STR_ARG(ma_lk));
    }
  }
  lienthong_envelope_free(got);
  lienthong_envelope_free(want);
}

/* The bytes before and after the CHUKYDONVI element: [0, *head) and [*tail, len). False when the
 * document has no CHUKYDONVI. */
static bool around_signature(const char *data, size_t len, size_t *head, size_t *tail) {
  const char *open = strstr(data, "<CHUKYDONVI");
  if (open == NULL) {
    return false;
  }
  const char *gt = strchr(open, '>');
  if (gt == NULL) {
    return false;
  }
  const char *end;
  if (gt > open && gt[-1] == '/') {
    end = gt + 1; /* <CHUKYDONVI/> */
  } else {
    const char *close = strstr(gt, "</CHUKYDONVI>");
    if (close == NULL) {
      return false;
    }
    end = close + strlen("</CHUKYDONVI>");
  }
  *head = (size_t)(open - data);
  *tail = (size_t)(end - data);
  (void)len;
  return true;
}

/* The line of `data` around byte `at`, for a message. */
static void line_at(const char *data, size_t start, size_t end, size_t at, const char **from,
                    int *n) {
  size_t a = at, b = at;
  while (a > start && data[a - 1] != '\n') {
    a--;
  }
  while (b < end && data[b] != '\n') {
    b++;
  }
  *from = data + a;
  *n = (int)(b - a);
}

static void compare_span(struct result *r, const char *what, const char *e, size_t es, size_t ee,
                         const char *a, size_t as, size_t ae) {
  size_t i = 0;
  while (es + i < ee && as + i < ae && e[es + i] == a[as + i]) {
    i++;
  }
  if (es + i == ee && as + i == ae) {
    return;
  }
  const char *el, *al;
  int en, an;
  line_at(e, es, ee, es + i, &el, &en);
  line_at(a, as, ae, as + i, &al, &an);
  reason(r, "%s byte %zu: expected '%.*s', got '%.*s'", what, i, en, el, an, al);
}

/* A check-in or XML12 document: the C library reads no handles from it, so its bytes are compared
 * outside the signature element (signing replaces that element's content and nothing else). */
static void compare_documents(struct result *r, const char *expected, size_t elen,
                              const char *actual, size_t alen) {
  size_t eh, et, ah, at;
  if (!around_signature(expected, elen, &eh, &et)) {
    eh = et = elen;
  }
  if (!around_signature(actual, alen, &ah, &at)) {
    reason(r, "CHUKYDONVI: expected 'present', got 'missing'");
    return;
  }
  compare_span(r, "before CHUKYDONVI,", expected, 0, eh, actual, 0, ah);
  compare_span(r, "after CHUKYDONVI,", expected, et, elen, actual, at, alen);
}

static enum outcome run_case(const char *cases_dir, const char *vendor_dir, const char *id) {
  struct result r = {id, PASS, false};
  char *case_dir = join(cases_dir, "/", id);
  char *meta_path = join(case_dir, "/", "case.json");
  char *expected_path = join(case_dir, "/", "expected.xml");
  char *vendor_base = join(vendor_dir, "/", id);
  char *vendor_path = join(vendor_base, ".xml", "");
  size_t mlen = 0, elen = 0, alen = 0;
  char *meta = read_file(meta_path, &mlen);
  char *expected = read_file(expected_path, &elen);
  char *actual = read_file(vendor_path, &alen);
  if (meta == NULL || expected == NULL) {
    r.outcome = ERROR;
    reason(&r, "cannot read %s", meta == NULL ? meta_path : expected_path);
  } else if (actual == NULL) {
    r.outcome = SKIP;
    printf("SKIP %s\n  %s.xml not found\n", id, id);
  } else if (validate(&r, case_pack(meta), actual, alen) && r.outcome != ERROR) {
    if (json_has(meta, "\"signature_required\"", "true")) {
      verify(&r, actual, alen);
    }
    size_t head = elen < 512 ? elen : 512;
    char saved = expected[head];
    expected[head] = '\0';
    bool is_envelope = strstr(expected, "<GIAMDINHHS") != NULL;
    expected[head] = saved;
    if (is_envelope) {
      compare_envelopes(&r, expected, elen, actual, alen);
    } else {
      compare_documents(&r, expected, elen, actual, alen);
    }
  }
  if (r.outcome == PASS) {
    printf("PASS %s\n", id);
  }
  free(actual);
  free(expected);
  free(meta);
  free(vendor_path);
  free(vendor_base);
  free(expected_path);
  free(meta_path);
  free(case_dir);
  return r.outcome;
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s CASES_DIR VENDOR_DIR\n", argv[0]);
    return 2;
  }
  DIR *dir = opendir(argv[1]);
  if (dir == NULL) {
    perror(argv[1]);
    return 2;
  }
  /* The case ids: directories holding a case.json, sorted. */
  char **ids = NULL;
  size_t count = 0, cap = 0;
  struct dirent *ent;
  while ((ent = readdir(dir)) != NULL) {
    if (ent->d_name[0] == '.') {
      continue;
    }
    char *meta_path = join(argv[1], "/", ent->d_name);
    char *full = join(meta_path, "/case.json", "");
    FILE *f = fopen(full, "rb");
    free(full);
    free(meta_path);
    if (f == NULL) {
      continue;
    }
    fclose(f);
    if (count == cap) {
      cap = cap == 0 ? 64 : cap * 2;
      char **bigger = realloc(ids, cap * sizeof *ids);
      if (bigger == NULL) {
        break;
      }
      ids = bigger;
    }
    ids[count++] = strdup(ent->d_name);
  }
  closedir(dir);
  qsort(ids, count, sizeof *ids, compare_names);

  size_t passed = 0;
  for (size_t i = 0; i < count; i++) {
    if (run_case(argv[1], argv[2], ids[i]) == PASS) {
      passed++;
    }
    free(ids[i]);
  }
  free(ids);
  printf("%zu/%zu passed\n", passed, count);
  return passed == count && count > 0 ? 0 : 1;
}
