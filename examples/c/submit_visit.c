/*
 * submit_visit: builds a small outpatient visit with the builders of liblienthong_ffi, checks the
 * patient's card at the BHXH gateway, signs the visit with a PKCS#12 key file, writes it to an
 * outbox (a temporary SQLite file), sends the outbox to the gateway and prints the outcome.
 *
 *   LIENTHONG_KEY_PASSWORD=... LIENTHONG_GATEWAY_PASSWORD=... \
 *       submit_visit KEY.p12 GATEWAY_URL [CA.pem]
 *
 * GATEWAY_URL is the gateway (plain http:// only to this machine), for example the sandbox of
 * `lienthong sandbox serve --port 8130`: http://127.0.0.1:8130, facility 99001, account
 * 99001_BV, password "sandbox-password". CA.pem is a root certificate to trust (the sandbox's
 * `--tls --cert-out` file). Passwords come from the environment, never from the command line.
 * Prints MA_LK, state and maGiaoDich; exit status 0 when the gateway accepted the visit.
 */
#define _POSIX_C_SOURCE 200809L /* getpid */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lienthong.h"

/* The sandbox's demo facility; a real program takes its own maCSKCB from its configuration. */
#define FACILITY "99001"

#define MA_LK "99001.KB250310.0001"

/* One element and its wire text. */
typedef struct {
  const char *element;
  const char *value;
} field;

static const field SUMMARY[] = {
    {"MA_LK", MA_LK}, {"STT", "1"}, {"MA_BN", "BN0000001"}, {"HO_TEN", "TRẦN THỊ MẪU"},
    {"SO_CCCD", "079185000001"}, {"NGAY_SINH", "198504150000"}, {"GIOI_TINH", "2"},
    {"MA_QUOCTICH", "000"}, {"MA_DANTOC", "01"}, {"MA_NGHE_NGHIEP", "00"},
    {"DIA_CHI", "Số 1 đường Thử Nghiệm, Phường Mẫu, TP Hồ Chí Minh"}, {"MATINH_CU_TRU", "79"},
    {"MAHUYEN_CU_TRU", "760"}, {"MAXA_CU_TRU", "26734"}, {"MA_THE_BHYT", "GD4799990000001"},
    {"MA_DKBD", "79999"}, {"GT_THE_TU", "20250101"}, {"GT_THE_DEN", "20251231"},
    {"LY_DO_VV", "Khám định kỳ đái tháo đường"}, {"CHAN_DOAN_VAO", "Đái tháo đường type 2"},
    {"CHAN_DOAN_RV", "Bệnh đái tháo đường không phụ thuộc insulin, không có biến chứng"},
    {"MA_BENH_CHINH", "E11.9"}, {"MA_DOITUONG_KCB", "1.1"}, {"NGAY_VAO", "202503100800"},
    {"NGAY_RA", "202503100950"}, {"SO_NGAY_DTRI", "0"}, {"KET_QUA_DTRI", "2"},
    {"MA_LOAI_RV", "1"}, {"NGAY_TTOAN", "202503101000"}, {"T_THUOC", "75000"}, {"T_VTYT", "0"},
    {"T_TONGCHI_BV", "109500"}, {"T_TONGCHI_BH", "109500"}, {"T_BNTT", "0"},
    {"T_BNCCT", "0"}, {"T_BHTT", "109500"}, {"T_NGUONKHAC", "0"}, {"T_BHTT_GDV", "109500"},
    {"NAM_QT", "2025"}, {"THANG_QT", "3"}, {"MA_LOAI_KCB", "01"}, {"MA_KHOA", "K01"},
    {"MA_CSKCB", FACILITY}, {"CAN_NANG", "58.00"}, {"MA_HSBA", "KB2503100001"},
    {"MA_TTDV", "7999900001"},
};

static const field DRUG[] = {
    {"MA_LK", MA_LK}, {"STT", "1"}, {"MA_THUOC", "40.677"}, {"MA_NHOM", "4"},
    {"TEN_THUOC", "Metformin"}, {"DON_VI_TINH", "viên"}, {"HAM_LUONG", "500mg"},
    {"DUONG_DUNG", "1.01"}, {"LIEU_DUNG", "1 viên/lần, ngày 2 lần"},
    {"SO_DANG_KY", "VD-12345-22"}, {"TT_THAU", "57/QĐ-TTMS;G1;N1;2024"}, {"PHAM_VI", "1"},
    {"TYLE_TT_BH", "100"}, {"SO_LUONG", "60"}, {"DON_GIA", "1250"}, {"THANH_TIEN_BV", "75000"},
    {"THANH_TIEN_BH", "75000"}, {"T_NGUONKHAC_NSNN", "0"}, {"T_NGUONKHAC_VTNN", "0"},
    {"T_NGUONKHAC_VTTN", "0"}, {"T_NGUONKHAC_CL", "0"}, {"T_NGUONKHAC", "0"},
    {"MUC_HUONG", "100"}, {"T_BNTT", "0"}, {"T_BNCCT", "0"}, {"T_BHTT", "75000"},
    {"MA_KHOA", "K01"}, {"MA_BAC_SI", "0009999/HCM-GPHN"}, {"NGAY_YL", "202503100830"},
    {"MA_PTTT", "1"}, {"NGUON_CTRA", "1"},
};

static const field EXAM[] = {
    {"MA_LK", MA_LK}, {"STT", "1"}, {"MA_DICH_VU", "02.1896"}, {"MA_NHOM", "13"},
    {"TEN_DICH_VU", "Khám Nội"}, {"DON_VI_TINH", "lần"}, {"PHAM_VI", "1"}, {"SO_LUONG", "1"},
    {"DON_GIA_BV", "34500"}, {"DON_GIA_BH", "34500"}, {"TYLE_TT_DV", "100"},
    {"TYLE_TT_BH", "100"}, {"THANH_TIEN_BV", "34500"}, {"THANH_TIEN_BH", "34500"},
    {"MUC_HUONG", "100"}, {"T_NGUONKHAC_NSNN", "0"}, {"T_NGUONKHAC_VTNN", "0"},
    {"T_NGUONKHAC_VTTN", "0"}, {"T_NGUONKHAC_CL", "0"}, {"T_NGUONKHAC", "0"}, {"T_BNTT", "0"},
    {"T_BNCCT", "0"}, {"T_BHTT", "34500"}, {"MA_KHOA", "K01"},
    {"MA_BAC_SI", "0009999/HCM-GPHN"}, {"MA_BENH", "E11.9"}, {"NGAY_YL", "202503100810"},
    {"MA_PTTT", "1"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Prints an error (with the gateway's code when there is one), then frees it. Returns 1. */
static int fail(const char *step, lienthong_error *err) {
  lienthong_str msg = lienthong_error_message_en(err);
  lienthong_str code = lienthong_error_gateway_code(err);
  fprintf(stderr, "submit_visit: %s failed (status %u", step, (unsigned)lienthong_error_status(err));
  if (code.len > 0) {
    fprintf(stderr, ", gateway code " LIENTHONG_STR_FMT, LIENTHONG_STR_ARG(code));
  }
  fprintf(stderr, "): " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(msg));
  for (size_t i = 0; i < lienthong_error_finding_count(err); i++) {
    const lienthong_finding *f = lienthong_error_finding(err, i);
    lienthong_str rule = lienthong_finding_rule(f), text = lienthong_finding_message_en(f);
    fprintf(stderr, "  [" LIENTHONG_STR_FMT "] " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(rule),
            LIENTHONG_STR_ARG(text));
  }
  lienthong_error_free(err);
  return 1;
}

/* Builds one record of `table` from `fields` and adds it to `hoso`. Returns 0 on success. */
static int add(lienthong_hoso *hoso, const char *table, const field *fields, size_t n) {
  lienthong_error *err = NULL;
  lienthong_builder *b = NULL;
  lienthong_record *rec = NULL;
  int rc = 0;
  if (lienthong_builder_new(table, &b, &err) != LIENTHONG_STATUS_OK) {
    return fail("builder_new", err);
  }
  for (size_t i = 0; i < n && rc == 0; i++) {
    if (lienthong_builder_set(b, fields[i].element, fields[i].value, &err) != LIENTHONG_STATUS_OK) {
      rc = fail(fields[i].element, err);
    }
  }
  if (rc == 0 && lienthong_builder_build(b, &rec, &err) != LIENTHONG_STATUS_OK) {
    rc = fail(table, err);
  }
  if (rc == 0 && lienthong_hoso_add_record(hoso, rec, NULL, &err) != LIENTHONG_STATUS_OK) {
    rc = fail("hoso_add_record", err);
  }
  lienthong_record_free(rec);
  lienthong_builder_free(b);
  return rc;
}

static void on_log(void *user, lienthong_log_level level, lienthong_str message) {
  fprintf((FILE *)user, "log(%u): " LIENTHONG_STR_FMT "\n", (unsigned)level,
          LIENTHONG_STR_ARG(message));
}

/* Called after each attempt of the dispatch. The entry is borrowed: read it, never free it. */
static void on_progress(void *user, const lienthong_outbox_entry *entry) {
  lienthong_str ma_lk = lienthong_outbox_entry_ma_lk(entry);
  lienthong_str state = lienthong_outbox_entry_state(entry);
  printf("  %s #%lld " LIENTHONG_STR_FMT ": " LIENTHONG_STR_FMT "\n", (const char *)user,
         (long long)lienthong_outbox_entry_id(entry), LIENTHONG_STR_ARG(ma_lk),
         LIENTHONG_STR_ARG(state));
}

/* The whole content of a text file, NUL-terminated (free it), or NULL. */
static char *read_text(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  char *buf = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long n = ftell(f);
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
      if (fread(buf, 1, (size_t)n, f) == (size_t)n) {
        buf[n] = 0;
      } else {
        free(buf);
        buf = NULL;
      }
    }
  }
  fclose(f);
  return buf;
}

/* Removes the outbox database and the files SQLite keeps next to it. */
static void remove_outbox(const char *path) {
  char side[4200];
  remove(path);
  snprintf(side, sizeof side, "%s-wal", path);
  remove(side);
  snprintf(side, sizeof side, "%s-shm", path);
  remove(side);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr,
            "usage: LIENTHONG_KEY_PASSWORD=... LIENTHONG_GATEWAY_PASSWORD=... %s KEY.p12 "
            "GATEWAY_URL [CA.pem]\n",
            argv[0]);
    return 2;
  }
  const char *key_password = getenv("LIENTHONG_KEY_PASSWORD");
  const char *gateway_password = getenv("LIENTHONG_GATEWAY_PASSWORD");
  if (key_password == NULL || gateway_password == NULL) {
    fprintf(stderr, "submit_visit: set LIENTHONG_KEY_PASSWORD and LIENTHONG_GATEWAY_PASSWORD\n");
    return 2;
  }
  const char *tmpdir = getenv("TMPDIR");
  char outbox_path[4096];
  snprintf(outbox_path, sizeof outbox_path, "%s/lienthong-submit-visit-%ld.sqlite",
           tmpdir != NULL && tmpdir[0] != 0 ? tmpdir : "/tmp", (long)getpid());

  lienthong_error *err = NULL;
  lienthong_envelope *env = NULL;
  lienthong_hoso *hoso = NULL;
  lienthong_bytes *xml = NULL;
  lienthong_signer *signer = NULL;
  lienthong_gateway *gateway = NULL;
  lienthong_card_check *card = NULL;
  lienthong_outbox *outbox = NULL;
  lienthong_enqueued_list *queued = NULL;
  lienthong_outbox_entry *entry = NULL;
  char *ca = NULL;
  int rc = 1;

  /* 1. The gateway client. The password is copied (and wiped when the gateway is freed). */
  if (lienthong_gateway_new(argv[2], FACILITY, NULL, gateway_password, &gateway, &err) !=
      LIENTHONG_STATUS_OK) {
    fail("gateway_new", err);
    goto done;
  }
  if (lienthong_gateway_set_log(gateway, on_log, stdout, LIENTHONG_LOG_LEVEL_INFO, &err) !=
          LIENTHONG_STATUS_OK ||
      lienthong_gateway_set_officer(gateway, "Trần Thị Tiếp Đón", "000000000000", &err) !=
          LIENTHONG_STATUS_OK ||
      lienthong_gateway_set_timeouts(gateway, 5000, 30000, &err) != LIENTHONG_STATUS_OK) {
    fail("gateway settings", err);
    goto done;
  }
  if (argc > 3) {
    if ((ca = read_text(argv[3])) == NULL) {
      fprintf(stderr, "submit_visit: cannot read %s\n", argv[3]);
      goto done;
    }
    if (lienthong_gateway_add_root_pem(gateway, ca, &err) != LIENTHONG_STATUS_OK) {
      fail("add_root_pem", err);
      goto done;
    }
  }

  /* 2. Check the patient's card at reception. */
  if (lienthong_gateway_check_card(gateway, "HC4999912345678", "Nguyễn Văn Mẫu", "01/01/1980",
                                   &card, &err) != LIENTHONG_STATUS_OK) {
    fail("check_card", err);
    goto done;
  }
  lienthong_str code = lienthong_card_check_code(card);
  lienthong_str meaning = lienthong_card_check_meaning_en(card);
  lienthong_str valid_to = lienthong_card_check_valid_to(card);
  printf("card check: " LIENTHONG_STR_FMT " (" LIENTHONG_STR_FMT "), usable: %s, valid to " LIENTHONG_STR_FMT "\n",
         LIENTHONG_STR_ARG(code), LIENTHONG_STR_ARG(meaning),
         lienthong_card_check_is_usable(card) ? "yes" : "no", LIENTHONG_STR_ARG(valid_to));
  if (!lienthong_card_check_is_usable(card)) {
    goto done;
  }

  /* 3. The visit: XML1, XML2, XML3, in a new envelope of the facility, as canonical XML. */
  if (lienthong_envelope_new(FACILITY, "20250310", &env, &err) != LIENTHONG_STATUS_OK ||
      lienthong_hoso_new(&hoso, &err) != LIENTHONG_STATUS_OK) {
    fail("envelope", err);
    goto done;
  }
  if (add(hoso, "XML1", SUMMARY, COUNT(SUMMARY)) || add(hoso, "XML2", DRUG, COUNT(DRUG)) ||
      add(hoso, "XML3", EXAM, COUNT(EXAM))) {
    goto done;
  }
  if (lienthong_envelope_add_hoso(env, hoso, NULL, &err) != LIENTHONG_STATUS_OK ||
      lienthong_envelope_to_xml(env, &xml, &err) != LIENTHONG_STATUS_OK) {
    fail("envelope_to_xml", err);
    goto done;
  }

  /* 4. Into the outbox, one signed file per HOSO: on disk before anything is sent. */
  if (lienthong_signer_from_pkcs12_path(argv[1], key_password, &signer, &err) !=
      LIENTHONG_STATUS_OK) {
    fail("open key file", err);
    goto done;
  }
  if (lienthong_outbox_open(outbox_path, &outbox, &err) != LIENTHONG_STATUS_OK) {
    fail("outbox_open", err);
    goto done;
  }
  if (lienthong_outbox_enqueue_claims(outbox, lienthong_bytes_data(xml), lienthong_bytes_len(xml),
                                      signer, "submit_visit.c", &queued,
                                      &err) != LIENTHONG_STATUS_OK) {
    fail("enqueue_claims", err);
    goto done;
  }
  for (size_t i = 0; i < lienthong_enqueued_list_count(queued); i++) {
    lienthong_str ma_lk = lienthong_enqueued_list_ma_lk(queued, i);
    printf("enqueued #%lld " LIENTHONG_STR_FMT " version %u\n",
           (long long)lienthong_enqueued_list_id(queued, i), LIENTHONG_STR_ARG(ma_lk),
           lienthong_enqueued_list_version(queued, i));
  }

  /* 5. Send what the outbox holds. A rejection is recorded in the entry, not an error. */
  lienthong_dispatch_summary summary;
  if (lienthong_outbox_dispatch(outbox, gateway, on_progress, "sent", &summary, &err) !=
      LIENTHONG_STATUS_OK) {
    fail("dispatch", err);
    goto done;
  }
  printf("dispatch: %u attempts, %u accepted, %u rejected, %u left\n", summary.attempts,
         summary.accepted, summary.rejected, summary.left);

  /* 6. The outcome, read back from the outbox. */
  if (lienthong_enqueued_list_count(queued) != 1 ||
      lienthong_outbox_get(outbox, lienthong_enqueued_list_id(queued, 0), &entry, &err) !=
          LIENTHONG_STATUS_OK) {
    if (err != NULL) {
      fail("outbox_entry", err);
    }
    goto done;
  }
  lienthong_str ma_lk = lienthong_outbox_entry_ma_lk(entry);
  lienthong_str state = lienthong_outbox_entry_state(entry);
  lienthong_str id = lienthong_outbox_entry_ma_giao_dich(entry);
  lienthong_str at = lienthong_outbox_entry_thoi_gian_tiep_nhan(entry);
  lienthong_str gw_code = lienthong_outbox_entry_code(entry);
  lienthong_str gw_message = lienthong_outbox_entry_message(entry);
  printf("MA_LK " LIENTHONG_STR_FMT ": " LIENTHONG_STR_FMT ", maGiaoDich " LIENTHONG_STR_FMT
         ", thoiGianTiepNhan " LIENTHONG_STR_FMT ", code " LIENTHONG_STR_FMT " " LIENTHONG_STR_FMT "\n",
         LIENTHONG_STR_ARG(ma_lk), LIENTHONG_STR_ARG(state), LIENTHONG_STR_ARG(id),
         LIENTHONG_STR_ARG(at), LIENTHONG_STR_ARG(gw_code), LIENTHONG_STR_ARG(gw_message));
  rc = strncmp(state.data, "accepted", state.len) == 0 && state.len == 8 && id.len > 0 ? 0 : 1;

done:
  lienthong_outbox_entry_free(entry);
  lienthong_enqueued_list_free(queued);
  lienthong_outbox_free(outbox);
  remove_outbox(outbox_path);
  lienthong_card_check_free(card);
  lienthong_gateway_free(gateway);
  lienthong_signer_free(signer);
  lienthong_bytes_free(xml);
  lienthong_hoso_free(hoso);
  lienthong_envelope_free(env);
  free(ca);
  return rc;
}
