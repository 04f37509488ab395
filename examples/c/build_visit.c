/*
 * build_visit: builds a small outpatient visit (one exam, one take-home drug) with the builders of
 * liblienthong_ffi, validates it, writes it as XML and JSON, signs it and verifies the signature.
 *
 *   LIENTHONG_KEY_PASSWORD=... build_visit KEY.p12 [OUT.xml]
 *
 * The password comes from the environment, never from the command line (other users of the
 * machine can see command lines). Exit status 0 when every step succeeds and the visit validates
 * without errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lienthong.h"

#define MA_LK "79999.KB250310.0001"

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
    {"MA_CSKCB", "79999"}, {"CAN_NANG", "58.00"}, {"MA_HSBA", "KB2503100001"},
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

/* Prints an error and its findings, then frees it. Returns 1 so that callers can `return fail()`. */
static int fail(const char *step, lienthong_error *err) {
  lienthong_str msg = lienthong_error_message_en(err);
  fprintf(stderr, "build_visit: %s failed (status %u): " LIENTHONG_STR_FMT "\n", step,
          (unsigned)lienthong_error_status(err), LIENTHONG_STR_ARG(msg));
  for (size_t i = 0; i < lienthong_error_finding_count(err); i++) {
    const lienthong_finding *f = lienthong_error_finding(err, i);
    lienthong_str rule = lienthong_finding_rule(f), path = lienthong_finding_path(f);
    lienthong_str text = lienthong_finding_message_en(f);
    fprintf(stderr, "  [" LIENTHONG_STR_FMT "] " LIENTHONG_STR_FMT ": " LIENTHONG_STR_FMT "\n",
            LIENTHONG_STR_ARG(rule), LIENTHONG_STR_ARG(path), LIENTHONG_STR_ARG(text));
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

static int write_file(const char *path, const lienthong_bytes *bytes) {
  FILE *f = fopen(path, "wb");
  if (f == NULL) {
    return 1;
  }
  size_t len = lienthong_bytes_len(bytes);
  int rc = fwrite(lienthong_bytes_data(bytes), 1, len, f) == len ? 0 : 1;
  return fclose(f) == 0 ? rc : 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: LIENTHONG_KEY_PASSWORD=... %s KEY.p12 [OUT.xml]\n", argv[0]);
    return 2;
  }
  const char *password = getenv("LIENTHONG_KEY_PASSWORD");
  if (password == NULL) {
    fprintf(stderr, "build_visit: set LIENTHONG_KEY_PASSWORD to the key file's password\n");
    return 2;
  }
  printf("%s (header %d.%d.%d)\n", lienthong_version(), LIENTHONG_VERSION_MAJOR,
         LIENTHONG_VERSION_MINOR, LIENTHONG_VERSION_PATCH);

  lienthong_error *err = NULL;
  lienthong_envelope *env = NULL;
  lienthong_hoso *hoso = NULL;
  lienthong_validator *validator = NULL;
  lienthong_report *report = NULL;
  lienthong_bytes *xml = NULL, *json = NULL, *signed_xml = NULL;
  lienthong_signer *signer = NULL;
  lienthong_verification *check = NULL;
  int rc = 1;

  /* 1. The visit: XML1 (summary), XML2 (one drug), XML3 (one exam), in a new envelope. */
  if (lienthong_envelope_new("79999", "20250310", &env, &err) != LIENTHONG_STATUS_OK) {
    fail("envelope_new", err);
    goto done;
  }
  if (lienthong_hoso_new(&hoso, &err) != LIENTHONG_STATUS_OK) {
    fail("hoso_new", err);
    goto done;
  }
  if (add(hoso, "XML1", SUMMARY, COUNT(SUMMARY)) || add(hoso, "XML2", DRUG, COUNT(DRUG)) ||
      add(hoso, "XML3", EXAM, COUNT(EXAM))) {
    goto done;
  }
  if (lienthong_envelope_add_hoso(env, hoso, NULL, &err) != LIENTHONG_STATUS_OK) {
    fail("envelope_add_hoso", err);
    goto done;
  }
  /* Read a value back from the envelope's copy of the HOSO. */
  lienthong_str total;
  if (lienthong_hoso_get(lienthong_envelope_hoso(env, 0), "XML1", 0, "T_TONGCHI_BV", &total, &err) !=
      LIENTHONG_STATUS_OK) {
    fail("hoso_get", err);
    goto done;
  }
  lienthong_str ma_lk = lienthong_hoso_ma_lk(lienthong_envelope_hoso(env, 0));
  printf("built HOSO " LIENTHONG_STR_FMT ", T_TONGCHI_BV = " LIENTHONG_STR_FMT "\n",
         LIENTHONG_STR_ARG(ma_lk), LIENTHONG_STR_ARG(total));

  /* 2. Validate the whole envelope, with a log callback. */
  if (lienthong_validator_new(&validator, &err) != LIENTHONG_STATUS_OK ||
      lienthong_validator_set_log(validator, on_log, stdout, LIENTHONG_LOG_LEVEL_INFO, &err) !=
          LIENTHONG_STATUS_OK) {
    fail("validator", err);
    goto done;
  }
  if (lienthong_validator_validate_envelope(validator, env, &report, &err) != LIENTHONG_STATUS_OK) {
    fail("validate", err);
    goto done;
  }
  for (size_t i = 0; i < lienthong_report_finding_count(report); i++) {
    const lienthong_finding *f = lienthong_report_finding(report, i);
    lienthong_str rule = lienthong_finding_rule(f), text = lienthong_finding_message_en(f);
    printf("finding [" LIENTHONG_STR_FMT "] " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(rule),
           LIENTHONG_STR_ARG(text));
  }
  printf("%zu errors, %zu warnings\n", lienthong_report_errors(report),
         lienthong_report_warnings(report));
  if (lienthong_report_errors(report) > 0) {
    goto done;
  }

  /* 3. Serialize: canonical XML and JSON. */
  if (lienthong_envelope_to_xml(env, &xml, &err) != LIENTHONG_STATUS_OK) {
    fail("to_xml", err);
    goto done;
  }
  if (lienthong_envelope_to_json(env, &json, &err) != LIENTHONG_STATUS_OK) {
    fail("to_json", err);
    goto done;
  }
  printf("XML: %zu bytes, JSON: %zu bytes\n", lienthong_bytes_len(xml), lienthong_bytes_len(json));

  /* 4. Sign with the key file, then verify. */
  if (lienthong_signer_from_pkcs12_path(argv[1], password, &signer, &err) != LIENTHONG_STATUS_OK) {
    fail("open key file", err);
    goto done;
  }
  if (lienthong_sign(signer, lienthong_bytes_data(xml), lienthong_bytes_len(xml), &signed_xml,
                     &err) != LIENTHONG_STATUS_OK) {
    fail("sign", err);
    goto done;
  }
  if (lienthong_verify(lienthong_bytes_data(signed_xml), lienthong_bytes_len(signed_xml), &check,
                       &err) != LIENTHONG_STATUS_OK) {
    fail("verify", err);
    goto done;
  }
  lienthong_str subject = lienthong_verification_certificate_subject(check);
  printf("signature valid: %s, covers the whole document: %s, signer: " LIENTHONG_STR_FMT "\n",
         lienthong_verification_is_valid(check) ? "yes" : "no",
         lienthong_verification_covers_whole_document(check) ? "yes" : "no",
         LIENTHONG_STR_ARG(subject));
  if (!lienthong_verification_is_valid(check) ||
      !lienthong_verification_covers_whole_document(check)) {
    goto done;
  }
  if (argc > 2 && write_file(argv[2], signed_xml) != 0) {
    fprintf(stderr, "build_visit: cannot write %s\n", argv[2]);
    goto done;
  }
  rc = 0;

done:
  lienthong_verification_free(check);
  lienthong_signer_free(signer);
  lienthong_bytes_free(signed_xml);
  lienthong_bytes_free(json);
  lienthong_bytes_free(xml);
  lienthong_report_free(report);
  lienthong_validator_free(validator);
  lienthong_hoso_free(hoso);
  lienthong_envelope_free(env);
  return rc;
}
