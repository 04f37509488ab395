/*
 * test_device_signer: signs through lienthong_signer_from_callback as a USB token or HSM would,
 * with OpenSSL standing in for the device (the private key never reaches liblienthong_ffi), then
 * verifies the signed file.
 *
 *   test_device_signer REPO_ROOT
 *
 * Built by .ci/ffi.sh when OpenSSL's development files are there (`-lcrypto`).
 */
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lienthong.h"

/* The "device": a private key that only this file touches. */
typedef struct {
  EVP_PKEY *key;
  int calls;
} device;

/* lienthong_sign_callback: RSASSA-PKCS1-v1_5 with SHA-256 over `data`. */
static int device_sign(void *user, const uint8_t *data, size_t len, uint8_t *out, size_t *out_len) {
  device *d = user;
  d->calls++;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  int ok = ctx != NULL && EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, d->key) == 1 &&
           EVP_DigestSign(ctx, out, out_len, data, len) == 1;
  EVP_MD_CTX_free(ctx);
  return ok ? 0 : 1;
}

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)n);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = (size_t)n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s REPO_ROOT\n", argv[0]);
    return 2;
  }
  char path[4096];
  int rc = 1;
  device dev = {NULL, 0};
  size_t cert_len = 0, doc_len = 0;
  unsigned char *cert = NULL, *doc = NULL;
  lienthong_signer *signer = NULL;
  lienthong_bytes *signed_doc = NULL;
  lienthong_verification *check = NULL;
  lienthong_error *err = NULL;

  snprintf(path, sizeof path, "%s/sdk/tests/fixtures/sign/signer.key.pem", argv[1]);
  FILE *kf = fopen(path, "r");
  if (kf != NULL) {
    dev.key = PEM_read_PrivateKey(kf, NULL, NULL, NULL);
    fclose(kf);
  }
  snprintf(path, sizeof path, "%s/fixtures/ffi/signer.crt.der", argv[1]);
  cert = read_file(path, &cert_len);
  snprintf(path, sizeof path, "%s/sdk/tests/fixtures/sign/envelope.xml", argv[1]);
  doc = read_file(path, &doc_len);
  if (dev.key == NULL || cert == NULL || doc == NULL) {
    fprintf(stderr, "test_device_signer: cannot read the fixtures\n");
    goto done;
  }

  if (lienthong_signer_from_callback(cert, cert_len, device_sign, &dev, &signer, &err) !=
          LIENTHONG_STATUS_OK ||
      lienthong_sign(signer, doc, doc_len, &signed_doc, &err) != LIENTHONG_STATUS_OK ||
      lienthong_verify(lienthong_bytes_data(signed_doc), lienthong_bytes_len(signed_doc), &check,
                       &err) != LIENTHONG_STATUS_OK) {
    lienthong_str msg = lienthong_error_message_en(err);
    fprintf(stderr, "test_device_signer: " LIENTHONG_STR_FMT "\n", LIENTHONG_STR_ARG(msg));
    goto done;
  }
  lienthong_str subject = lienthong_verification_certificate_subject(check);
  printf("device signed (%d call(s)); valid: %d, whole document: %d, signer: " LIENTHONG_STR_FMT
         "\n",
         dev.calls, lienthong_verification_is_valid(check),
         lienthong_verification_covers_whole_document(check), LIENTHONG_STR_ARG(subject));
  if (dev.calls == 1 && lienthong_verification_is_valid(check) &&
      lienthong_verification_covers_whole_document(check)) {
    rc = 0;
  }

done:
  lienthong_error_free(err);
  lienthong_verification_free(check);
  lienthong_bytes_free(signed_doc);
  lienthong_signer_free(signer);
  free(doc);
  free(cert);
  EVP_PKEY_free(dev.key);
  return rc;
}
