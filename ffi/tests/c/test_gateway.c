/*
 * test_gateway: exercises the gateway and outbox part of the C API against the sandbox gateway
 * (`lienthong sandbox serve`): NULL handling, configuration errors, a wrong password, a rejected
 * file, direct submission, card checks, the outbox (enqueue, duplicates, dispatch, entries,
 * retry), log callbacks, a gateway shared by threads, and TLS trust.
 *
 *   test_gateway URL VISITS.xml [TLS_URL CA.pem]
 *
 * URL is a plain-HTTP sandbox (demo account 99001_BV / "sandbox-password"); VISITS.xml an envelope
 * of facility 99001 whose visits pass validation (`lienthong gen --facility 99001`); TLS_URL a
 * sandbox started with --tls, whose CA certificate is CA.pem. Prints one line per failed check and
 * a summary; exit status 0 when every check passed. Run under valgrind by .ci/ffi.sh.
 */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lienthong.h"

static int checks = 0, failures = 0;

#define CHECK(cond)                                                     \
  do {                                                                  \
    checks++;                                                           \
    if (!(cond)) {                                                      \
      failures++;                                                       \
      fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                   \
  } while (0)

#define PASSWORD "sandbox-password"
#define WRONG_PASSWORD "Zq9-not-the-password"

static const char *url, *tls_url, *ca_path;
static unsigned char *visits;
static size_t visits_len;

static int str_is(lienthong_str s, const char *want) {
  return s.data != NULL && s.len == strlen(want) && memcmp(s.data, want, s.len) == 0;
}

static int str_has(lienthong_str s, const char *needle) {
  return s.len > 0 && memmem(s.data, s.len, needle, strlen(needle)) != NULL;
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

/* A gateway for the demo account with `password`, one attempt per call. */
static lienthong_gateway *gateway(const char *base, const char *password) {
  lienthong_gateway *gw = NULL;
  lienthong_error *err = NULL;
  CHECK(lienthong_gateway_new(base, "99001", NULL, password, &gw, &err) == LIENTHONG_STATUS_OK);
  CHECK(err == NULL);
  CHECK(lienthong_gateway_set_retry(gw, 1, 10, 10, 5000, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_set_timeouts(gw, 2000, 20000, NULL) == LIENTHONG_STATUS_OK);
  return gw;
}

static void test_null_and_config(void) {
  lienthong_gateway_free(NULL);
  lienthong_card_check_free(NULL);
  lienthong_receipt_free(NULL);
  lienthong_outbox_free(NULL);
  lienthong_enqueued_list_free(NULL);
  lienthong_outbox_entry_free(NULL);
  CHECK(lienthong_card_check_code(NULL).len == 0);
  CHECK(!lienthong_card_check_is_usable(NULL));
  CHECK(lienthong_receipt_ma_giao_dich(NULL).len == 0);
  CHECK(lienthong_enqueued_list_count(NULL) == 0);
  CHECK(lienthong_enqueued_list_id(NULL, 0) == 0);
  CHECK(lienthong_outbox_entry_state(NULL).len == 0);
  CHECK(lienthong_outbox_entry_id(NULL) == 0);
  CHECK(lienthong_error_gateway_code(NULL).len == 0);
  CHECK(!lienthong_error_is_transient(NULL));
  CHECK(str_is(lienthong_status_description(LIENTHONG_STATUS_GATEWAY_REJECTED),
               "the gateway rejected the file or the request"));
  CHECK(LIENTHONG_STATUS_GATEWAY_CONFIG == 5001 && LIENTHONG_STATUS_GATEWAY_SESSION == 5005 &&
        LIENTHONG_STATUS_GATEWAY_REJECTED == 5006 && LIENTHONG_STATUS_OUTBOX_STORAGE == 5009);

  lienthong_gateway *gw = NULL;
  lienthong_error *err = NULL;
  CHECK(lienthong_gateway_new(NULL, "99001", NULL, PASSWORD, &gw, &err) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(gw == NULL && err != NULL);
  lienthong_error_free(err);
  CHECK(lienthong_gateway_new(url, "99001", NULL, NULL, &gw, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_gateway_new(url, "99001", NULL, PASSWORD, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  /* Plain HTTP to another machine, a bad facility, an empty password: refused before sending. */
  CHECK(lienthong_gateway_new("http://egw.example.invalid", "99001", NULL, PASSWORD, &gw, &err) ==
        LIENTHONG_STATUS_GATEWAY_CONFIG);
  CHECK(gw == NULL && lienthong_error_status(err) == LIENTHONG_STATUS_GATEWAY_CONFIG);
  CHECK(str_has(lienthong_error_message_en(err), "https"));
  CHECK(lienthong_error_gateway_code(err).len == 0);
  lienthong_error_free(err);
  CHECK(lienthong_gateway_new(url, "9900", NULL, PASSWORD, &gw, NULL) ==
        LIENTHONG_STATUS_GATEWAY_CONFIG);
  CHECK(lienthong_gateway_new(url, "99001", NULL, "", &gw, NULL) ==
        LIENTHONG_STATUS_GATEWAY_CONFIG);

  gw = gateway(url, PASSWORD);
  CHECK(lienthong_gateway_login(NULL, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_gateway_set_retry(gw, 0, 1, 1, 1, NULL) == LIENTHONG_STATUS_INVALID_ARGUMENT);
  CHECK(lienthong_gateway_add_root_pem(gw, "not a certificate", &err) ==
        LIENTHONG_STATUS_GATEWAY_CONFIG);
  lienthong_error_free(err);
  lienthong_receipt *receipt = NULL;
  CHECK(lienthong_gateway_submit(gw, NULL, 5, &receipt, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_gateway_submit(gw, visits, visits_len, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  CHECK(lienthong_gateway_check_in(gw, visits, visits_len, "2023", &receipt, NULL) ==
        LIENTHONG_STATUS_INVALID_ARGUMENT);
  lienthong_card_check *card = NULL;
  CHECK(lienthong_gateway_check_card(gw, "HC4999912345678", NULL, "01/01/1980", &card, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  /* A card check needs the clerk. */
  CHECK(lienthong_gateway_check_card(gw, "HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980", &card,
                                     &err) == LIENTHONG_STATUS_GATEWAY_CONFIG);
  CHECK(card == NULL);
  lienthong_error_free(err);
  CHECK(receipt == NULL);
  lienthong_gateway_free(gw);
}

static char log_text[65536];
static size_t log_len = 0;
static int log_calls = 0;
static void keep_log(void *user, lienthong_log_level level, lienthong_str message) {
  (void)user;
  (void)level;
  log_calls++;
  if (log_len + message.len + 1 < sizeof log_text) {
    memcpy(log_text + log_len, message.data, message.len);
    log_len += message.len;
    log_text[log_len++] = '\n';
  }
}

static void test_wrong_password(void) {
  lienthong_gateway *gw = gateway(url, WRONG_PASSWORD);
  lienthong_error *err = NULL;
  log_len = 0;
  CHECK(lienthong_gateway_set_log(gw, keep_log, NULL, LIENTHONG_LOG_LEVEL_DEBUG, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_login(gw, &err) == LIENTHONG_STATUS_GATEWAY_SESSION);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_GATEWAY_SESSION);
  CHECK(str_is(lienthong_error_gateway_code(err), "401"));
  CHECK(!lienthong_error_is_transient(err));
  CHECK(!str_has(lienthong_error_message_en(err), "Zq9"));
  CHECK(!str_has(lienthong_error_message_vi(err), "Zq9"));
  CHECK(lienthong_error_message_vi(err).len > 0);
  lienthong_error_free(err);
  /* Calls that need a session fail the same way. */
  lienthong_receipt *receipt = NULL;
  CHECK(lienthong_gateway_submit(gw, visits, visits_len, &receipt, &err) ==
        LIENTHONG_STATUS_GATEWAY_SESSION);
  CHECK(receipt == NULL && !str_has(lienthong_error_message_en(err), "Zq9"));
  lienthong_error_free(err);
  CHECK(log_len > 0 && memmem(log_text, log_len, "Zq9", 3) == NULL);
  lienthong_gateway_free(gw);
}

static void test_submit_and_reject(void) {
  lienthong_gateway *gw = gateway(url, PASSWORD);
  lienthong_error *err = NULL;
  lienthong_receipt *receipt = NULL;
  log_len = 0;
  log_calls = 0;
  CHECK(lienthong_gateway_set_log(gw, keep_log, NULL, LIENTHONG_LOG_LEVEL_DEBUG, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_login(gw, &err) == LIENTHONG_STATUS_OK && err == NULL);

  /* A file that is not a claim file: rejected (123), never retried, code and message kept. */
  static const char broken[] = "<GIAMDINHHS><THONGTINDONVI><MACSKCB>99001</MACSKCB></THONGTINDONVI></GIAMDINHHS>";
  CHECK(lienthong_gateway_submit(gw, (const uint8_t *)broken, strlen(broken), &receipt, &err) ==
        LIENTHONG_STATUS_GATEWAY_REJECTED);
  CHECK(receipt == NULL);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_GATEWAY_REJECTED);
  CHECK(str_is(lienthong_error_gateway_code(err), "123"));
  CHECK(lienthong_error_gateway_message(err).len > 0);
  CHECK(str_has(lienthong_error_message_en(err), "code 123"));
  CHECK(!lienthong_error_is_transient(err) && !lienthong_error_outcome_unknown(err));
  lienthong_error_free(err);
  err = NULL;

  CHECK(log_calls > 0 && memmem(log_text, log_len, PASSWORD, strlen(PASSWORD)) == NULL);
  lienthong_gateway_free(gw);
}

static void test_card_check(void) {
  lienthong_gateway *gw = gateway(url, PASSWORD);
  lienthong_error *err = NULL;
  lienthong_card_check *card = NULL;
  CHECK(lienthong_gateway_set_officer(gw, "Trần Thị Tiếp Đón", "000000000000", NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_check_card(gw, "HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980", &card,
                                     &err) == LIENTHONG_STATUS_OK);
  CHECK(err == NULL);
  CHECK(str_is(lienthong_card_check_code(card), "000"));
  CHECK(lienthong_card_check_is_usable(card));
  CHECK(str_is(lienthong_card_check_meaning_en(card), "card details are correct"));
  CHECK(lienthong_card_check_meaning_vi(card).len > 0);
  CHECK(lienthong_card_check_valid_to(card).len > 0);
  lienthong_card_check_free(card);
  card = NULL;
  /* An expired card is an answer, not an error. */
  CHECK(lienthong_gateway_check_card(gw, "HT3999900000010", "Nguyễn Văn Mẫu", "01/01/1980", &card,
                                     &err) == LIENTHONG_STATUS_OK);
  CHECK(str_is(lienthong_card_check_code(card), "010"));
  CHECK(!lienthong_card_check_is_usable(card));
  lienthong_card_check_free(card);
  card = NULL;
  /* A clerk the gateway does not know: the request is refused (054). */
  CHECK(lienthong_gateway_set_officer(gw, "Trần Thị Tiếp Đón", "111111111111", NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_check_card(gw, "HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980", &card,
                                     &err) == LIENTHONG_STATUS_GATEWAY_REJECTED);
  CHECK(card == NULL && lienthong_error_gateway_code(err).len == 3);
  lienthong_error_free(err);
  lienthong_gateway_free(gw);
}

static int progress_calls = 0;
static void count_progress(void *user, const lienthong_outbox_entry *entry) {
  CHECK(user == &progress_calls);
  CHECK(lienthong_outbox_entry_id(entry) > 0);
  CHECK(lienthong_outbox_entry_ma_lk(entry).len > 0);
  progress_calls++;
}

static void test_outbox(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/outbox.sqlite", dir);
  lienthong_outbox *o = NULL;
  lienthong_error *err = NULL;
  lienthong_enqueued_list *list = NULL, *again = NULL, *checkins = NULL;
  lienthong_dispatch_summary sum;
  memset(&sum, 0, sizeof sum);

  CHECK(lienthong_outbox_open(NULL, &o, NULL) == LIENTHONG_STATUS_NULL_PARAMETER);
  /* A folder that cannot be made (a file stands in its way). */
  char blocked[4200];
  snprintf(blocked, sizeof blocked, "%s/a-file", dir);
  FILE *f = fopen(blocked, "w");
  CHECK(f != NULL && fclose(f) == 0);
  snprintf(blocked, sizeof blocked, "%s/a-file/outbox.sqlite", dir);
  CHECK(lienthong_outbox_open(blocked, &o, &err) == LIENTHONG_STATUS_OUTBOX_STORAGE);
  CHECK(o == NULL);
  lienthong_error_free(err);
  CHECK(lienthong_outbox_open(path, &o, &err) == LIENTHONG_STATUS_OK && err == NULL);
  CHECK(lienthong_outbox_set_dispatch_options(o, 3, 10, 100, true, 30000, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_outbox_set_dispatch_options(o, 0, 10, 100, true, 30000, NULL) ==
        LIENTHONG_STATUS_INVALID_ARGUMENT);

  /* Not an envelope: nothing written. */
  CHECK(lienthong_outbox_enqueue_claims(o, (const uint8_t *)"nope", 4, NULL, NULL, &list, &err) ==
        LIENTHONG_STATUS_PARSE);
  CHECK(list == NULL);
  lienthong_error_free(err);

  /* One file per HOSO (unsigned: the demo sandbox does not check signatures). */
  CHECK(lienthong_outbox_enqueue_claims(o, visits, visits_len, NULL, "visits.xml", &list, &err) ==
        LIENTHONG_STATUS_OK);
  size_t n = lienthong_enqueued_list_count(list);
  CHECK(n == 3);
  for (size_t i = 0; i < n; i++) {
    CHECK(lienthong_enqueued_list_id(list, i) > 0);
    CHECK(lienthong_enqueued_list_version(list, i) == 1);
    CHECK(!lienthong_enqueued_list_duplicate(list, i));
    CHECK(lienthong_enqueued_list_hoso_index(list, i) == i + 1);
    CHECK(lienthong_enqueued_list_ma_lk(list, i).len > 0);
  }
  CHECK(lienthong_enqueued_list_id(list, n) == 0 && lienthong_enqueued_list_ma_lk(list, n).len == 0);
  /* The same bytes again: recognised, nothing new written. */
  CHECK(lienthong_outbox_enqueue_claims(o, visits, visits_len, NULL, NULL, &again, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_enqueued_list_count(again) == n && lienthong_enqueued_list_duplicate(again, 0));
  CHECK(lienthong_enqueued_list_id(again, 0) == lienthong_enqueued_list_id(list, 0));
  CHECK(lienthong_outbox_enqueue_checkins(o, visits, visits_len, NULL, NULL, &checkins, &err) ==
        LIENTHONG_STATUS_OK);
  lienthong_error_free(err);
  size_t nc = lienthong_enqueued_list_count(checkins);
  CHECK(nc <= n);

  lienthong_outbox_entry *e = NULL;
  CHECK(lienthong_outbox_get(o, lienthong_enqueued_list_id(list, 0), &e, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(str_is(lienthong_outbox_entry_state(e), "pending"));
  CHECK(str_is(lienthong_outbox_entry_kind(e), "claim"));
  CHECK(str_is(lienthong_outbox_entry_facility(e), "99001"));
  CHECK(lienthong_outbox_entry_ma_giao_dich(e).len == 0);
  CHECK(!lienthong_outbox_entry_is_final(e));
  lienthong_outbox_entry_free(e);
  e = NULL;
  CHECK(lienthong_outbox_get(o, 999999, &e, &err) == LIENTHONG_STATUS_OUTBOX_NOT_FOUND);
  CHECK(e == NULL);
  lienthong_error_free(err);

  /* A gateway that cannot log in: the dispatch stops, the files stay pending. */
  lienthong_gateway *bad = gateway(url, WRONG_PASSWORD);
  CHECK(lienthong_outbox_dispatch(o, bad, NULL, NULL, &sum, &err) ==
        LIENTHONG_STATUS_GATEWAY_SESSION);
  CHECK(!str_has(lienthong_error_message_en(err), "Zq9"));
  lienthong_error_free(err);
  lienthong_gateway_free(bad);
  CHECK(lienthong_outbox_get(o, lienthong_enqueued_list_id(list, 0), &e, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(!lienthong_outbox_entry_is_final(e));
  lienthong_outbox_entry_free(e);
  e = NULL;

  /* The real dispatch: everything accepted, with a transaction id. */
  lienthong_gateway *gw = gateway(url, PASSWORD);
  CHECK(lienthong_outbox_dispatch(o, gw, NULL, NULL, NULL, NULL) ==
        LIENTHONG_STATUS_NULL_PARAMETER);
  progress_calls = 0;
  CHECK(lienthong_outbox_dispatch(o, gw, count_progress, &progress_calls, &sum, &err) ==
        LIENTHONG_STATUS_OK);
  if (err != NULL) {
    lienthong_str m = lienthong_error_message_en(err);
    fprintf(stderr, "dispatch: " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(m));
    lienthong_error_free(err);
  }
  CHECK(sum.accepted == n + nc);
  CHECK(sum.rejected == 0 && sum.dead == 0 && sum.left == 0);
  CHECK(sum.attempts == n + nc);
  CHECK(progress_calls == (int)(n + nc));
  for (size_t i = 0; i < n; i++) {
    CHECK(lienthong_outbox_get(o, lienthong_enqueued_list_id(list, i), &e, NULL) ==
          LIENTHONG_STATUS_OK);
    CHECK(str_is(lienthong_outbox_entry_state(e), "accepted"));
    CHECK(str_is(lienthong_outbox_entry_state_vi(e), "đã tiếp nhận"));
    CHECK(lienthong_outbox_entry_is_final(e));
    CHECK(str_is(lienthong_outbox_entry_code(e), "200"));
    CHECK(lienthong_outbox_entry_ma_giao_dich(e).len > 0);
    CHECK(lienthong_outbox_entry_thoi_gian_tiep_nhan(e).len == 14);
    CHECK(lienthong_outbox_entry_attempts(e) == 1);
    CHECK(lienthong_outbox_entry_version(e) == 1);
    CHECK(str_is(lienthong_outbox_entry_generation(e), "3176") ||
          str_is(lienthong_outbox_entry_generation(e), "4750") ||
          str_is(lienthong_outbox_entry_generation(e), "130"));
    lienthong_outbox_entry_free(e);
    e = NULL;
  }
  /* Nothing left: a second dispatch sends nothing. */
  CHECK(lienthong_outbox_dispatch(o, gw, NULL, NULL, &sum, NULL) == LIENTHONG_STATUS_OK);
  CHECK(sum.attempts == 0);
  size_t changed = 99;
  CHECK(lienthong_outbox_retry(o, NULL, &changed, NULL) == LIENTHONG_STATUS_OK);
  CHECK(changed == 0);
  CHECK(lienthong_outbox_retry(o, "NO-SUCH-MA-LK", NULL, NULL) == LIENTHONG_STATUS_OK);

  /* The outbox survives closing and reopening. */
  lienthong_outbox_free(o);
  o = NULL;
  CHECK(lienthong_outbox_open(path, &o, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_outbox_get(o, lienthong_enqueued_list_id(list, 0), &e, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(str_is(lienthong_outbox_entry_state(e), "accepted"));
  lienthong_outbox_entry_free(e);

  lienthong_gateway_free(gw);
  lienthong_enqueued_list_free(checkins);
  lienthong_enqueued_list_free(again);
  lienthong_enqueued_list_free(list);
  lienthong_outbox_free(o);
}

/* A direct submission of one visit (the first file the outbox would send). */
static void test_direct_submit(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/direct.sqlite", dir);
  lienthong_gateway *gw = gateway(url, PASSWORD);
  lienthong_receipt *receipt = NULL;
  lienthong_error *err = NULL;
  /* Build a one-HOSO file from the envelope with the envelope API. */
  lienthong_envelope *env = NULL, *one = NULL;
  lienthong_bytes *xml = NULL;
  CHECK(lienthong_envelope_parse(visits, visits_len, &env, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_new("99001", "20250310", &one, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_add_hoso(one, lienthong_envelope_hoso(env, 0), NULL, NULL) ==
        LIENTHONG_STATUS_OK);
  CHECK(lienthong_envelope_to_xml(one, &xml, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_submit(gw, lienthong_bytes_data(xml), lienthong_bytes_len(xml), &receipt,
                                 &err) == LIENTHONG_STATUS_OK);
  if (err != NULL) {
    lienthong_str m = lienthong_error_message_en(err);
    fprintf(stderr, "submit: " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(m));
    lienthong_error_free(err);
  }
  CHECK(str_is(lienthong_receipt_code(receipt), "200"));
  CHECK(lienthong_receipt_ma_giao_dich(receipt).len > 0);
  CHECK(lienthong_receipt_thoi_gian_tiep_nhan(receipt).len == 14);
  lienthong_receipt_free(receipt);
  lienthong_bytes_free(xml);
  lienthong_envelope_free(one);
  lienthong_envelope_free(env);
  lienthong_gateway_free(gw);
}

/* Several threads share one gateway (and its session). */
static void *card_worker(void *p) {
  lienthong_gateway *gw = p;
  int ok = 1;
  for (int i = 0; i < 3; i++) {
    lienthong_card_check *card = NULL;
    ok &= lienthong_gateway_check_card(gw, "HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980",
                                       &card, NULL) == LIENTHONG_STATUS_OK &&
          str_is(lienthong_card_check_code(card), "000");
    lienthong_card_check_free(card);
  }
  return ok ? p : NULL;
}

static void test_threads(void) {
  lienthong_gateway *gw = gateway(url, PASSWORD);
  CHECK(lienthong_gateway_set_officer(gw, "Trần Thị Tiếp Đón", "000000000000", NULL) ==
        LIENTHONG_STATUS_OK);
  pthread_t t[4];
  for (int i = 0; i < 4; i++) {
    CHECK(pthread_create(&t[i], NULL, card_worker, gw) == 0);
  }
  for (int i = 0; i < 4; i++) {
    void *r = NULL;
    pthread_join(t[i], &r);
    CHECK(r == gw);
  }
  lienthong_gateway_free(gw);
}

static void test_tls(void) {
  if (tls_url == NULL) {
    printf("test_gateway: TLS skipped (no TLS_URL)\n");
    return;
  }
  size_t len = 0;
  char *pem = (char *)read_file(ca_path, &len);
  CHECK(pem != NULL);
  lienthong_gateway *gw = gateway(tls_url, PASSWORD);
  lienthong_error *err = NULL;
  /* The sandbox's certificate is not trusted by default. */
  CHECK(lienthong_gateway_login(gw, &err) == LIENTHONG_STATUS_GATEWAY_TLS);
  CHECK(lienthong_error_status(err) == LIENTHONG_STATUS_GATEWAY_TLS);
  lienthong_error_free(err);
  err = NULL;
  /* Trusted explicitly, it works. */
  CHECK(lienthong_gateway_add_root_pem(gw, pem, NULL) == LIENTHONG_STATUS_OK);
  CHECK(lienthong_gateway_login(gw, &err) == LIENTHONG_STATUS_OK);
  if (err != NULL) {
    lienthong_str m = lienthong_error_message_en(err);
    fprintf(stderr, "tls login: " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(m));
    lienthong_error_free(err);
  }
  lienthong_gateway_free(gw);
  free(pem);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s URL VISITS.xml [TLS_URL CA.pem]\n", argv[0]);
    return 2;
  }
  url = argv[1];
  if (argc > 4) {
    tls_url = argv[3];
    ca_path = argv[4];
  }
  visits = read_file(argv[2], &visits_len);
  if (visits == NULL) {
    fprintf(stderr, "test_gateway: cannot read %s\n", argv[2]);
    return 2;
  }
  char dir[] = "/tmp/lienthong-test-gateway-XXXXXX";
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    return 2;
  }
  test_null_and_config();
  test_wrong_password();
  test_submit_and_reject();
  test_card_check();
  test_outbox(dir);
  test_direct_submit(dir);
  test_threads();
  test_tls();
  free(visits);
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) {
    fprintf(stderr, "test_gateway: cannot remove %s\n", dir);
  }
  printf("test_gateway: %d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
