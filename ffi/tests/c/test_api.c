/*
 * test_api: exercises the C API of liblienthong_ffi: NULL handling, error out-parameters, every
 * free function, field get/set, builders, envelopes, validation, signing and panic safety.
 *
 *   test_api REPO_ROOT
 *
 * Prints one line per failed check and a summary; exit status 0 when every check passed. Run
 * under valgrind by .ci/ffi.sh, so every handle made here is freed.
 */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lienthong.h"

static int checks = 0, failures = 0;

#define CHECK(cond)                                                  \
  do {                                                               \
    checks++;                                                        \
    if (!(cond)) {                                                   \
      failures++;                                                    \
      fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                \
  } while (0)

/* Whether a view holds exactly `want`. */
static int str_is(lienthong_str s, const char *want) {
  return s.data != NULL && s.len == strlen(want) && memcmp(s.data, want, s.len) == 0;
}

static char root[4096];

static const char *path_of(const char *rel) {
  static char buf[8192];
  snprintf(buf, sizeof buf, "%s/%s", root, rel);
  return buf;
}

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)n + 1);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf != NULL) {
    buf[n] = 0;
    *len = (size_t)n;
  }
  return buf;
}

static void test_version(void) {
  char want[64];
  snprintf(want, sizeof want, "lienthong-ffi/%d.%d.%d", LIENTHONG_VERSION_MAJOR,
           LIENTHONG_VERSION_MINOR, LIENTHONG_VERSION_PATCH);
  CHECK(strcmp(lienthong_version(), want) == 0);
  CHECK(LIENTHONG_VERSION_NUMBER == ((LIENTHONG_VERSION_MAJOR << 16) |
                                     (LIENTHONG_VERSION_MINOR << 8) | LIENTHONG_VERSION_PATCH));
  CHECK(str_is(lienthong_status_description(LIENTHONG_STATUS_OK), "success"));
  CHECK(lienthong_status_description(LIENTHONG_STATUS_PANIC).len > 0);
  CHECK(str_is(lienthong_status_description(12345), "unknown status"));
}

/* Every free function accepts NULL; every getter returns a neutral value for NULL. */
static void test_null_handles(void) {
  lienthong_bytes_free(NULL);
  lienthong_error_free(NULL);
  lienthong_builder_free(NULL);
  lienthong_record_free(NULL);
  lienthong_hoso_free(NULL);
  lienthong_envelope_free(NULL);
  lienthong_validator_free(NULL);
  lienthong_report_free(NULL);
  lienthong_signer_free(NULL);
  lienthong_verification_free(NULL);

  CHECK(lienthong_bytes_data(NULL) == NULL);
  CHECK(lienthong_bytes_len(NULL) == 0);
  CHECK(lienthong_error_status(NULL) == LIENTHONG_STATUS_INTERNAL);
  CHECK(str_is(lienthong_error_message_en(NULL), ""));
  CHECK(str_is(lienthong_error_message_vi(NULL), ""));
  CHECK(lienthong_error_finding_count(NULL) == 0);
  CHECK(lienthong_error_finding(NULL, 0) == NULL);
  CHECK(str_is(lienthong_record_table(NULL), ""));
  CHECK(lienthong_record_element_count(NULL) == 0);
  CHECK(str_is(lienthong_record_element_name(NULL, 0), ""));
  CHECK(str_is(lienthong_hoso_ma_lk(NULL), ""));
  CHECK(lienthong_envelope_hoso_count(NULL) == 0);
  CHECK(str_is(lienthong_envelope_signature(NULL), ""));
  CHECK(lienthong_envelope_hoso(NULL, 0) == NULL);
  CHECK(lienthong_envelope_hoso_mut(NULL, 0) == NULL);
  CHECK(lienthong_report_hoso(NULL) == 0);
  CHECK(lienthong_report_errors(NULL) == 0);
  CHECK(lienthong_report_warnings(NULL) == 0);
  CHECK(lienthong_report_finding_count(NULL) == 0);
  CHECK(lienthong_report_finding(NULL, 0) == NULL);
  CHECK(lienthong_finding_severity(NULL) == LIENTHONG_SEVERITY_ERROR);
  CHECK(lienthong_finding_line(NULL) == 0);
  CHECK(lienthong_finding_column(NULL) == 0);
  CHECK(str_is(lienthong_finding_rule(NULL), ""));
  CHECK(str_is(lienthong_finding_severity_name(NULL), ""));
  CHECK(str_is(lienthong_finding_table(NULL), ""));
  CHECK(str_is(lienthong_finding_ma_lk(NULL), ""));
  CHECK(str_is(lienthong_finding_stt(NULL), ""));
  CHECK(str_is(lienthong_finding_field(NULL), ""));
  CHECK(str_is(lienthong_finding_path(NULL), ""));
  CHECK(str_is(lienthong_finding_message_vi(NULL), ""));
  CHECK(str_is(lienthong_finding_message_en(NULL), ""));
  CHECK(str_is(lienthong_finding_hint_vi(NULL), ""));
  CHECK(str_is(lienthong_finding_hint_en(NULL), ""));
  CHECK(!lienthong_verification_is_valid(NULL));
  CHECK(!lienthong_verification_digests_ok(NULL));
  CHECK(!lienthong_verification_signature_ok(NULL));
  CHECK(!lienthong_verification_covers_whole_document(NULL));
  CHECK(!lienthong_verification_is_acceptable(NULL));
  CHECK(str_is(lienthong_verification_certificate_subject(NULL), ""));
  CHECK(str_is(lienthong_verification_certificate_issuer(NULL), ""));
  CHECK(str_is(lienthong_verification_certificate_serial(NULL), ""));
  CHECK(str_is(lienthong_verification_certificate_not_before(NULL), ""));
  CHECK(str_is(lienthong_verification_certificate_not_after(NULL), ""));
  CHECK(str_is(lienthong_verification_certificate_validity(NULL), ""));
}

/* Fallible functions refuse NULL arguments with status 1001 and an error; err_out may be NULL. */
static void test_null_arguments(void) {
  lienthong_error *err = (lienthong_error *)1; /* must be overwritten */
  lienthong_builder *b = NULL;
  CHECK(lienthong_builder_new(NULL, &b, &err) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(b == NULL);
  CHECK(err != NULL && err != (lienthong_error *)1);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(str_is(lienthong_error_message_en(err), "argument table is NULL"));
  CHECK(lienthong_error_message_vi(err).len > 0);
  lienthong_error_free(err);

  /* No error object wanted: the status alone. */
  CHECK(lienthong_builder_new("XML1", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_parse(NULL, 10, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_parse_path(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_new(NULL, "20250310", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_to_xml(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_to_json(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_add_hoso(NULL, NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_envelope_header(NULL, "MACSKCB", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_new(NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_get(NULL, "XML1", 0, "MA_LK", NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_set(NULL, "XML1", 0, "MA_LK", "x", NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_row_count(NULL, "XML1", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_add_record(NULL, NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_record(NULL, "XML1", 0, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_hoso_remove_row(NULL, "XML1", 0, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_builder_set(NULL, "MA_LK", "x", NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_builder_get(NULL, "MA_LK", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_builder_build(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_record_get(NULL, "MA_LK", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_record_set(NULL, "MA_LK", "x", NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_new(NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_set_pack(NULL, "3176", NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_set_rules_toml(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_set_jobs(NULL, 2, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_set_log(NULL, NULL, NULL, LIENTHONG_LOG_LEVEL_INFO, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_validate(NULL, NULL, 0, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_validate_path(NULL, NULL, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_validator_validate_envelope(NULL, NULL, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_report_to_json(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_signer_from_pkcs12(NULL, 5, "x", NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_signer_from_pkcs12_path(NULL, NULL, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_signer_from_callback(NULL, 0, NULL, NULL, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_signer_set_log(NULL, NULL, NULL, LIENTHONG_LOG_LEVEL_INFO, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_sign(NULL, NULL, 0, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_verify(NULL, 3, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_report_to_json(NULL, NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);

  /* A string that is not UTF-8. */
  CHECK(lienthong_builder_new("XML\xff", &b, NULL) == LIENTHONG_STATUS_INVALID_UTF8);
}

static void test_builder_fields(void) {
  lienthong_error *err = NULL;
  lienthong_builder *b = NULL;
  lienthong_record *rec = NULL;
  lienthong_str v;

  CHECK(lienthong_builder_new("XML99", &b, &err) == LIENTHONG_STATUS_UNKNOWN_TABLE);
  CHECK(b == NULL && lienthong_error_status(err) == LIENTHONG_STATUS_UNKNOWN_TABLE);
  lienthong_error_free(err);

  CHECK(lienthong_builder_new("XML2", &b, &err) == LIENTHONG_STATUS_OK);
  CHECK(err == NULL);
  CHECK(lienthong_builder_set(b, "SO_LUONG", "60", &err) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_builder_get(b, "SO_LUONG", &v, &err) == LIENTHONG_STATUS_OK && str_is(v, "60"));
  CHECK(lienthong_builder_set(b, "TEN_THUOC", "Metformin", NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_builder_get(b, "TEN_THUOC", &v, NULL) == LIENTHONG_STATUS_OK &&
        str_is(v, "Metformin"));

  /* A value of the wrong format is refused with its findings; the old value stays. */
  CHECK(lienthong_builder_set(b, "SO_LUONG", "sixty", &err) == LIENTHONG_STATUS_INVALID_VALUE);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_INVALID_VALUE);
  CHECK(lienthong_error_finding_count(err) >= 1);
  const lienthong_finding *f = lienthong_error_finding(err, 0);
  CHECK(f != NULL && str_is(lienthong_finding_field(f), "SO_LUONG"));
  CHECK(f != NULL && lienthong_finding_rule(f).len > 0);
  CHECK(lienthong_error_finding(err, 99) == NULL);
  lienthong_error_free(err);
  CHECK(lienthong_builder_get(b, "SO_LUONG", &v, NULL) == LIENTHONG_STATUS_OK && str_is(v, "60"));

  /* Unknown element. */
  CHECK(lienthong_builder_set(b, "NO_SUCH_ELEMENT", "1", &err) == LIENTHONG_STATUS_UNKNOWN_ELEMENT);
  lienthong_error_free(err);
  CHECK(lienthong_builder_get(b, "NO_SUCH_ELEMENT", &v, NULL) == LIENTHONG_STATUS_UNKNOWN_ELEMENT);

  /* Building an incomplete record fails with every finding. */
  CHECK(lienthong_builder_build(b, &rec, &err) == LIENTHONG_STATUS_BUILD_FAILED);
  CHECK(rec == NULL);
  size_t n = lienthong_error_finding_count(err);
  CHECK(n > 1);
  int saw_required = 0;
  for (size_t i = 0; i < n; i++) {
    const lienthong_finding *x = lienthong_error_finding(err, i);
    if (str_is(lienthong_finding_rule(x), "field.required")) {
      saw_required = 1;
      CHECK(lienthong_finding_severity(x) == LIENTHONG_SEVERITY_ERROR);
      CHECK(str_is(lienthong_finding_table(x), "XML2"));
      CHECK(lienthong_finding_message_vi(x).len > 0 && lienthong_finding_message_en(x).len > 0);
    }
  }
  CHECK(saw_required);
  lienthong_error_free(err);
  lienthong_builder_free(b);

  /* Builders exist for flat tables too (built for real in examples/c/build_visit.c). */
  b = NULL;
  CHECK(lienthong_builder_new("XML7", &b, NULL) == LIENTHONG_STATUS_OK);
  lienthong_builder_free(b);
}

static void test_envelope(void) {
  lienthong_error *err = NULL;
  lienthong_envelope *env = NULL;
  size_t len = 0;
  unsigned char *bytes = read_file(path_of("fixtures/ffi/clean.xml"), &len);
  CHECK(bytes != NULL);
  if (bytes == NULL) {
    return;
  }
  CHECK(lienthong_envelope_parse(bytes, len, &env, &err) == LIENTHONG_STATUS_OK && err == NULL);
  CHECK(lienthong_envelope_hoso_count(env) == 2);
  lienthong_str v;
  CHECK(lienthong_envelope_header(env, "SOLUONGHOSO", &v, NULL) == LIENTHONG_STATUS_OK &&
        str_is(v, "2"));
  CHECK(lienthong_envelope_header(env, "MACSKCB", &v, NULL) == LIENTHONG_STATUS_OK && v.len == 5);
  CHECK(lienthong_envelope_header(env, "NOPE", &v, NULL) == LIENTHONG_STATUS_UNKNOWN_ELEMENT);

  /* Walk every HOSO and every table: row counts, MA_LK, field reads. */
  for (size_t i = 0; i < lienthong_envelope_hoso_count(env); i++) {
    const lienthong_hoso *h = lienthong_envelope_hoso(env, i);
    CHECK(h != NULL);
    lienthong_str ma_lk = lienthong_hoso_ma_lk(h);
    CHECK(ma_lk.len > 0);
    size_t rows = 0;
    CHECK(lienthong_hoso_row_count(h, "XML1", &rows, NULL) == LIENTHONG_STATUS_OK && rows == 1);
    CHECK(lienthong_hoso_get(h, "XML1", 0, "MA_LK", &v, NULL) == LIENTHONG_STATUS_OK &&
          v.len == ma_lk.len && memcmp(v.data, ma_lk.data, v.len) == 0);
    CHECK(lienthong_hoso_get(h, "XML1", 0, "T_TONGCHI_BV", &v, NULL) == LIENTHONG_STATUS_OK &&
          v.len > 0);
    CHECK(lienthong_hoso_get(h, "XML1", 1, "MA_LK", &v, &err) == LIENTHONG_STATUS_INDEX_OUT_OF_RANGE);
    lienthong_error_free(err);
    CHECK(lienthong_hoso_row_count(h, "XML0", &rows, NULL) == LIENTHONG_STATUS_UNKNOWN_TABLE);
    CHECK(lienthong_hoso_row_count(h, "XML3", &rows, NULL) == LIENTHONG_STATUS_OK);
    for (size_t r = 0; r < rows; r++) {
      CHECK(lienthong_hoso_get(h, "XML3", r, "MA_DICH_VU", &v, NULL) == LIENTHONG_STATUS_OK);
    }
  }
  CHECK(lienthong_envelope_hoso(env, 2) == NULL);

  /* Unchanged, the canonical file writes back byte for byte. */
  lienthong_bytes *xml = NULL;
  CHECK(lienthong_envelope_to_xml(env, &xml, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_bytes_len(xml) == len && memcmp(lienthong_bytes_data(xml), bytes, len) == 0);
  CHECK(lienthong_bytes_data(xml)[lienthong_bytes_len(xml)] == 0);
  lienthong_bytes_free(xml);

  /* JSON there and back. */
  lienthong_bytes *json = NULL;
  lienthong_envelope *back = NULL;
  CHECK(lienthong_envelope_to_json(env, &json, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_from_json(lienthong_bytes_data(json), lienthong_bytes_len(json), &back,
                                     NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_hoso_count(back) == 2);
  CHECK(lienthong_envelope_from_json((const uint8_t *)"{", 1, &back, &err) == LIENTHONG_STATUS_JSON);
  lienthong_error_free(err);
  lienthong_bytes_free(json);
  lienthong_envelope_free(back);

  /* Change a field in place, refuse a bad one, copy a record out and append it elsewhere. */
  lienthong_hoso *h0 = lienthong_envelope_hoso_mut(env, 0);
  CHECK(lienthong_hoso_set(h0, "XML1", 0, "CAN_NANG", "61.50", NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_hoso_get(h0, "XML1", 0, "CAN_NANG", &v, NULL) == LIENTHONG_STATUS_OK &&
        str_is(v, "61.50"));
  CHECK(lienthong_hoso_set(h0, "XML1", 0, "NGAY_VAO", "10/03/2025", &err) ==
        LIENTHONG_STATUS_INVALID_VALUE);
  CHECK(lienthong_error_finding_count(err) >= 1);
  lienthong_error_free(err);
  lienthong_record *summary = NULL;
  CHECK(lienthong_hoso_record(h0, "XML1", 0, &summary, NULL) == LIENTHONG_STATUS_OK);
  CHECK(str_is(lienthong_record_table(summary), "XML1"));
  CHECK(lienthong_record_element_count(summary) > 50);
  CHECK(str_is(lienthong_record_element_name(summary, 0), "MA_LK"));
  CHECK(str_is(lienthong_record_element_name(summary, 100000), ""));
  CHECK(lienthong_record_set(summary, "MA_LK", "LK.NEW.0001", NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_record_get(summary, "MA_LK", &v, NULL) == LIENTHONG_STATUS_OK &&
        str_is(v, "LK.NEW.0001"));
  lienthong_hoso *fresh = NULL;
  size_t row = 99, index = 99;
  CHECK(lienthong_hoso_new(&fresh, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_hoso_add_record(fresh, summary, &row, NULL) == LIENTHONG_STATUS_OK && row == 0);
  CHECK(str_is(lienthong_hoso_ma_lk(fresh), "LK.NEW.0001"));
  CHECK(lienthong_envelope_add_hoso(env, fresh, &index, NULL) == LIENTHONG_STATUS_OK && index == 2);
  CHECK(lienthong_envelope_header(env, "SOLUONGHOSO", &v, NULL) == LIENTHONG_STATUS_OK &&
        str_is(v, "3"));
  /* Rows can be removed; a flat table's record too. */
  lienthong_hoso *h1 = lienthong_envelope_hoso_mut(env, 1);
  size_t before = 0, after = 0;
  CHECK(lienthong_hoso_row_count(h1, "XML3", &before, NULL) == LIENTHONG_STATUS_OK && before > 0);
  CHECK(lienthong_hoso_remove_row(h1, "XML3", 0, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_hoso_row_count(h1, "XML3", &after, NULL) == LIENTHONG_STATUS_OK &&
        after == before - 1);
  CHECK(lienthong_hoso_remove_row(h1, "XML3", 1000, NULL) == LIENTHONG_STATUS_INDEX_OUT_OF_RANGE);
  CHECK(lienthong_hoso_remove_row(fresh, "XML1", 0, NULL) == LIENTHONG_STATUS_OK);
  CHECK(str_is(lienthong_hoso_ma_lk(fresh), ""));
  CHECK(str_is(lienthong_envelope_signature(env), ""));
  /* Appending a HOSO of the same envelope copies it first. */
  CHECK(lienthong_envelope_add_hoso(env, lienthong_envelope_hoso(env, 2), NULL, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_hoso_count(env) == 4);
  lienthong_hoso_free(fresh);
  lienthong_record_free(summary);
  lienthong_envelope_free(env);
  free(bytes);

  /* A broken file: status 2001 and one finding with its position. */
  env = NULL;
  CHECK(lienthong_envelope_parse_path(path_of("fixtures/ffi/broken.xml"), &env, &err) ==
        LIENTHONG_STATUS_PARSE);
  CHECK(env == NULL);
  CHECK(lienthong_error_finding_count(err) == 1);
  const lienthong_finding *f = lienthong_error_finding(err, 0);
  CHECK(str_is(lienthong_finding_rule(f), "parse.unexpected_element"));
  CHECK(lienthong_finding_line(f) == 8 && lienthong_finding_column(f) > 0);
  lienthong_error_free(err);
  CHECK(lienthong_envelope_parse_path(path_of("no/such/file.xml"), &env, &err) == LIENTHONG_STATUS_IO);
  lienthong_error_free(err);

  /* A new envelope refuses a malformed facility code. */
  CHECK(lienthong_envelope_new("79999", "2025-03-10", &env, &err) == LIENTHONG_STATUS_INVALID_VALUE);
  lienthong_error_free(err);
}

static int log_calls = 0;
static void count_log(void *user, lienthong_log_level level, lienthong_str message) {
  (void)level;
  (void)message;
  (*(int *)user)++;
}

static void test_validation(void) {
  lienthong_error *err = NULL;
  lienthong_validator *v = NULL;
  lienthong_report *r = NULL;
  CHECK(lienthong_validator_new(&v, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_validator_set_pack(v, "9999", &err) == LIENTHONG_STATUS_INVALID_ARGUMENT);
  lienthong_error_free(err);
  CHECK(lienthong_validator_set_pack(v, "3176", NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_validator_set_pack(v, NULL, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_validator_set_rules_toml(v, "[severity]\n\"no.such.rule\" = \"off\"\n", &err) ==
        LIENTHONG_STATUS_RULES_CONFIG);
  CHECK(lienthong_error_message_en(err).len > 0);
  lienthong_error_free(err);
  CHECK(lienthong_validator_set_jobs(v, 2, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_validator_set_log(v, count_log, &log_calls, LIENTHONG_LOG_LEVEL_DEBUG, NULL) ==
        LIENTHONG_STATUS_OK);

  CHECK(lienthong_validator_validate_path(v, path_of("fixtures/ffi/findings.xml"), &r, NULL) ==
        LIENTHONG_STATUS_OK);
  size_t errors = lienthong_report_errors(r);
  CHECK(errors > 0);
  CHECK(lienthong_report_hoso(r) == 2);
  CHECK(lienthong_report_finding_count(r) == errors + lienthong_report_warnings(r));
  CHECK(log_calls >= 2);
  const char *first_rule = NULL;
  char rule_buf[128] = {0};
  for (size_t i = 0; i < lienthong_report_finding_count(r); i++) {
    const lienthong_finding *f = lienthong_report_finding(r, i);
    CHECK(lienthong_finding_rule(f).len > 0);
    CHECK(lienthong_finding_path(f).len > 0);
    CHECK(lienthong_finding_ma_lk(f).data != NULL);
    if (i == 0) {
      lienthong_str rule = lienthong_finding_rule(f);
      snprintf(rule_buf, sizeof rule_buf, "%.*s", (int)rule.len, rule.data);
      first_rule = rule_buf;
    }
  }
  lienthong_bytes *json = NULL;
  CHECK(lienthong_report_to_json(r, &json, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_bytes_len(json) > 2 && lienthong_bytes_data(json)[0] == '[');
  lienthong_bytes_free(json);
  lienthong_report_free(r);

  /* Turning the first rule off removes its findings. */
  if (first_rule != NULL) {
    char toml[256];
    snprintf(toml, sizeof toml, "[severity]\n\"%s\" = \"off\"\n", first_rule);
    CHECK(lienthong_validator_set_rules_toml(v, toml, NULL) == LIENTHONG_STATUS_OK);
    r = NULL;
    CHECK(lienthong_validator_validate_path(v, path_of("fixtures/ffi/findings.xml"), &r, NULL) ==
          LIENTHONG_STATUS_OK);
    CHECK(lienthong_report_errors(r) < errors);
    lienthong_report_free(r);
  }

  /* In-memory bytes, and an empty input (one parse finding). */
  r = NULL;
  CHECK(lienthong_validator_validate(v, NULL, 0, &r, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_report_errors(r) == 1);
  lienthong_report_free(r);
  r = NULL;
  CHECK(lienthong_validator_validate_path(v, path_of("no/such/file.xml"), &r, &err) ==
        LIENTHONG_STATUS_IO);
  CHECK(r == NULL);
  lienthong_error_free(err);
  lienthong_validator_free(v);
}

static int device_calls = 0;
static int failing_device(void *user, const uint8_t *data, size_t len, uint8_t *out,
                          size_t *out_len) {
  (void)data;
  (void)len;
  (void)out;
  (void)out_len;
  (*(int *)user)++;
  return 7;
}

static int garbage_device(void *user, const uint8_t *data, size_t len, uint8_t *out,
                          size_t *out_len) {
  (void)data;
  (void)len;
  (*(int *)user)++;
  memset(out, 0x5a, 256);
  *out_len = 256;
  return 0;
}

static void test_signing(void) {
  lienthong_error *err = NULL;
  lienthong_signer *s = NULL;
  const char *p12 = path_of("sdk/tests/fixtures/sign/modern.p12");
  char p12_path[8192];
  snprintf(p12_path, sizeof p12_path, "%s", p12);

  CHECK(lienthong_signer_from_pkcs12_path(p12_path, "wrong", &s, &err) ==
        LIENTHONG_STATUS_WRONG_PASSWORD);
  CHECK(s == NULL && lienthong_error_message_vi(err).len > 0);
  lienthong_error_free(err);
  CHECK(lienthong_signer_from_pkcs12((const uint8_t *)"not a key", 9, "x", &s, &err) ==
        LIENTHONG_STATUS_KEY);
  lienthong_error_free(err);
  CHECK(lienthong_signer_from_pkcs12_path(p12_path, "lienthong-test", &s, NULL) ==
        LIENTHONG_STATUS_OK);

  size_t len = 0;
  unsigned char *doc = read_file(path_of("sdk/tests/fixtures/sign/envelope.xml"), &len);
  CHECK(doc != NULL);
  lienthong_bytes *signed_doc = NULL;
  CHECK(lienthong_sign(s, doc, len, &signed_doc, NULL) == LIENTHONG_STATUS_OK);
  lienthong_verification *ver = NULL;
  CHECK(lienthong_verify(lienthong_bytes_data(signed_doc), lienthong_bytes_len(signed_doc), &ver,
                         NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_verification_is_valid(ver));
  CHECK(lienthong_verification_digests_ok(ver) && lienthong_verification_signature_ok(ver));
  CHECK(lienthong_verification_covers_whole_document(ver));
  CHECK(str_is(lienthong_verification_certificate_serial(ver), "5401A2B3C4D5E6F7") ||
        lienthong_verification_certificate_serial(ver).len > 0);
  CHECK(lienthong_verification_certificate_not_after(ver).len > 0);
  CHECK(lienthong_verification_certificate_validity(ver).len > 0);
  lienthong_verification_free(ver);
  lienthong_envelope *signed_env = NULL;
  CHECK(lienthong_envelope_parse(lienthong_bytes_data(signed_doc), lienthong_bytes_len(signed_doc),
                                 &signed_env, NULL) == LIENTHONG_STATUS_OK);
  lienthong_str sig = lienthong_envelope_signature(signed_env);
  CHECK(sig.len > 100 && memmem(sig.data, sig.len, "SignatureValue", 14) != NULL);
  lienthong_envelope_free(signed_env);

  /* A changed byte breaks the digest: still a verification, not an error. */
  unsigned char *tampered = malloc(lienthong_bytes_len(signed_doc));
  memcpy(tampered, lienthong_bytes_data(signed_doc), lienthong_bytes_len(signed_doc));
  unsigned char *at = (unsigned char *)strstr((char *)tampered, "<NGAYLAP>");
  if (at != NULL) {
    at[9] = at[9] == '1' ? '2' : '1';
  }
  ver = NULL;
  CHECK(lienthong_verify(tampered, lienthong_bytes_len(signed_doc), &ver, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(!lienthong_verification_is_valid(ver));
  lienthong_verification_free(ver);
  free(tampered);

  /* An unsigned document cannot be verified; a non-document cannot be signed. */
  ver = NULL;
  CHECK(lienthong_verify(doc, len, &ver, &err) == LIENTHONG_STATUS_VERIFY && ver == NULL);
  lienthong_error_free(err);
  lienthong_bytes *out = NULL;
  CHECK(lienthong_sign(s, (const uint8_t *)"<a/>", 4, &out, &err) == LIENTHONG_STATUS_SIGN);
  CHECK(out == NULL);
  lienthong_error_free(err);
  lienthong_bytes_free(signed_doc);
  lienthong_signer_free(s);

  /* Callback signers: the device's failure and a wrong signature are both reported. */
  size_t cert_len = 0;
  unsigned char *cert = read_file(path_of("fixtures/ffi/signer.crt.der"), &cert_len);
  CHECK(cert != NULL);
  if (cert != NULL) {
    CHECK(lienthong_signer_from_callback(cert, cert_len, NULL, NULL, &s, &err) ==
          LIENTHONG_STATUS_NULL_PARAMETER);
    lienthong_error_free(err);
    CHECK(lienthong_signer_from_callback((const uint8_t *)"xx", 2, failing_device, &device_calls,
                                         &s, &err) == LIENTHONG_STATUS_KEY);
    lienthong_error_free(err);
    s = NULL;
    CHECK(lienthong_signer_from_callback(cert, cert_len, failing_device, &device_calls, &s, NULL) ==
          LIENTHONG_STATUS_OK);
    CHECK(lienthong_sign(s, doc, len, &out, &err) == LIENTHONG_STATUS_SIGNING_DEVICE);
    CHECK(device_calls == 1);
    lienthong_error_free(err);
    lienthong_signer_free(s);
    s = NULL;
    CHECK(lienthong_signer_from_callback(cert, cert_len, garbage_device, &device_calls, &s, NULL) ==
          LIENTHONG_STATUS_OK);
    CHECK(lienthong_sign(s, doc, len, &out, &err) == LIENTHONG_STATUS_SIGN);
    CHECK(device_calls == 2);
    lienthong_error_free(err);
    lienthong_signer_free(s);
    free(cert);
  }
  free(doc);
}

/* Shared, read-only use from several threads: one validator, one envelope. */
typedef struct {
  const lienthong_validator *validator;
  const lienthong_envelope *envelope;
  const char *path;
  size_t errors;
  int ok;
} worker_args;

static void *worker(void *p) {
  worker_args *a = p;
  a->ok = 1;
  for (int round = 0; round < 3; round++) {
    lienthong_report *r = NULL;
    if (lienthong_validator_validate_path(a->validator, a->path, &r, NULL) != LIENTHONG_STATUS_OK) {
      a->ok = 0;
    }
    a->errors = lienthong_report_errors(r);
    lienthong_report_free(r);
    /* Numbers and dates are formatted on first read and cached inside the HOSO. */
    for (size_t i = 0; i < lienthong_envelope_hoso_count(a->envelope); i++) {
      lienthong_str v;
      const lienthong_hoso *h = lienthong_envelope_hoso(a->envelope, i);
      if (lienthong_hoso_get(h, "XML1", 0, "T_TONGCHI_BV", &v, NULL) != LIENTHONG_STATUS_OK ||
          v.len == 0 ||
          lienthong_hoso_get(h, "XML1", 0, "NGAY_VAO", &v, NULL) != LIENTHONG_STATUS_OK ||
          v.len != 12) {
        a->ok = 0;
      }
    }
  }
  return NULL;
}

static void test_threads(void) {
  lienthong_validator *v = NULL;
  lienthong_envelope *env = NULL;
  char path[8192];
  snprintf(path, sizeof path, "%s", path_of("fixtures/ffi/findings.xml"));
  CHECK(lienthong_validator_new(&v, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_parse_path(path_of("fixtures/ffi/clean.xml"), &env, NULL) ==
        LIENTHONG_STATUS_OK);
  enum { N = 4 };
  pthread_t threads[N];
  worker_args args[N];
  for (int i = 0; i < N; i++) {
    args[i] = (worker_args){v, env, path, 0, 0};
    CHECK(pthread_create(&threads[i], NULL, worker, &args[i]) == 0);
  }
  for (int i = 0; i < N; i++) {
    pthread_join(threads[i], NULL);
    CHECK(args[i].ok);
    CHECK(args[i].errors == args[0].errors && args[i].errors > 0);
  }
  lienthong_envelope_free(env);
  lienthong_validator_free(v);
}

static void test_panics(void) {
  lienthong_error *err = NULL;
  CHECK(lienthong_test_panic(&err) == LIENTHONG_STATUS_PANIC);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_PANIC);
  CHECK(lienthong_error_message_en(err).len > 0);
  lienthong_error_free(err);
  CHECK(lienthong_test_panic(NULL) == 9001);
  CHECK(lienthong_test_panic_value() == 0);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s REPO_ROOT\n", argv[0]);
    return 2;
  }
  snprintf(root, sizeof root, "%s", argv[1]);
  test_version();
  test_null_handles();
  test_null_arguments();
  test_builder_fields();
  test_envelope();
  test_validation();
  test_signing();
  test_threads();
  test_panics();
  printf("test_api: %d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
