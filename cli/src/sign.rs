//! `lienthong sign` and `lienthong verify`: the facility's XMLDSig signature in `CHUKYDONVI`.

use crate::io::{create, open, write_failed};
use crate::Failure;
use lienthong::codec::DocumentKind;
use lienthong::sign::{
    format_utc, parse_utc, sign, verify_with, Coverage, KeyError, KeyFileSigner, Password,
    SignError, Validity, Verification, VerifyError, VerifyOptions,
};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

/// Arguments of `lienthong sign`.
#[derive(Debug, clap::Args)]
pub struct SignArgs {
    /// The file to sign (`-` for standard input): a GIAMDINHHS envelope, a check-in or an XML12
    /// document.
    file: PathBuf,
    /// The key: a PKCS#12 file (.p12/.pfx), or a PEM private key (with `--cert`, or with the
    /// certificate in the same file).
    #[arg(long)]
    key: PathBuf,
    /// The PEM certificate of a PEM key.
    #[arg(long)]
    cert: Option<PathBuf>,
    /// Name of the environment variable that holds the key's password (never the password
    /// itself: command lines are visible to other users).
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// Read the key's password from the first line of standard input.
    #[arg(long, conflicts_with = "password_env")]
    password_stdin: bool,
    /// Output file (standard output when omitted; may be the input file).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Output formats of `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    /// Human-readable, Vietnamese and English.
    Text,
    /// JSON.
    Json,
}

/// Arguments of `lienthong verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The signed file (`-` for standard input).
    file: PathBuf,
    /// Report format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    format: VerifyFormat,
    /// Judge the certificate's validity at this time (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`,
    /// UTC) instead of now.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

/// "vi / en" in one line.
/// A message in Vietnamese and English, as the command line prints them.
pub(crate) fn both(vi: &str, en: &str) -> String {
    format!("{vi} / {en}")
}

pub(crate) fn read_all(path: &Path) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes).map_err(|e| {
        Failure::CannotRun(both(
            &format!("không đọc được {}: {e}", path.display()),
            &format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    Ok(bytes)
}

fn key_failure(e: &KeyError) -> Failure {
    Failure::CannotRun(both(&e.message_vi(), &e.to_string()))
}

fn password(args: &SignArgs) -> Result<Option<Password>, Failure> {
    if let Some(var) = &args.password_env {
        return Password::from_env(var)
            .map(Some)
            .map_err(|e| key_failure(&e));
    }
    if args.password_stdin {
        if args.file.as_os_str() == "-" {
            return Err(Failure::CannotRun(both(
                "--password-stdin không dùng được khi tệp đầu vào là đầu vào chuẩn",
                "--password-stdin cannot be used when the input file is standard input",
            )));
        }
        let p = Password::from_callback(|| {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).ok()?;
            let trimmed = line.trim_end_matches(['\r', '\n']).to_owned();
            line.clear();
            Some(trimmed)
        })
        .map_err(|e| key_failure(&e))?;
        return Ok(Some(p));
    }
    Ok(None)
}

/// Loads the signer from `--key` (PKCS#12 or PEM) and `--cert`.
fn load_signer(args: &SignArgs) -> Result<KeyFileSigner, Failure> {
    let password = password(args)?;
    let asked = args.password_env.is_some() || args.password_stdin;
    load_key(&args.key, args.cert.as_deref(), password, asked)
}

/// Loads a signer from a key file (PKCS#12 or PEM, with `cert` for a PEM key without its
/// certificate) and the password from the environment variable `password_env`.
pub fn load_key_with_env(
    key: &Path,
    cert: Option<&Path>,
    password_env: Option<&str>,
) -> Result<KeyFileSigner, Failure> {
    let password = password_env
        .map(|var| Password::from_env(var).map_err(|e| key_failure(&e)))
        .transpose()?;
    load_key(key, cert, password, password_env.is_some())
}

fn load_key(
    key_path: &Path,
    cert: Option<&Path>,
    password: Option<Password>,
    password_given: bool,
) -> Result<KeyFileSigner, Failure> {
    let key = read_all(key_path)?;
    let is_pem = memfind(&key, b"-----BEGIN");
    if is_pem {
        let cert = cert.map(read_all).transpose()?;
        return KeyFileSigner::from_pem(&key, cert.as_deref(), password.as_ref())
            .map_err(|e| key_failure(&e));
    }
    if cert.is_some() {
        return Err(Failure::CannotRun(both(
            "--cert chỉ dùng với khóa PEM; tệp PKCS#12 đã chứa chứng thư số",
            "--cert is for PEM keys; a PKCS#12 file holds its certificate",
        )));
    }
    let password = password.unwrap_or_else(|| Password::new(""));
    KeyFileSigner::from_pkcs12(&key, &password).map_err(|e| match e {
        KeyError::WrongPassword if !password_given => {
            Failure::CannotRun(both(
                "tệp khóa cần mật khẩu: đặt mật khẩu vào một biến môi trường và dùng --password-env TÊN_BIẾN",
                "the key file needs a password: put it in an environment variable and pass --password-env VAR",
            ))
        }
        e => key_failure(&e),
    })
}

fn memfind(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// `lienthong sign`: exit 0 signed, 1 the input cannot be signed, 2 the command could not run.
pub fn run_sign(args: &SignArgs) -> Result<ExitCode, Failure> {
    let input = read_all(&args.file)?;
    let signer = load_signer(args)?;
    let signed = sign(&input, &signer).map_err(|e| {
        let msg = both(&e.message_vi(), &e.to_string());
        match e {
            SignError::Xml(_) | SignError::NotSignable { .. } | SignError::SlotNotLast => {
                Failure::BadInput(msg)
            }
            _ => Failure::CannotRun(msg),
        }
    })?;
    let mut out = create(args.output.as_deref())?;
    out.write_all(&signed)
        .and_then(|_| out.flush())
        .map_err(write_failed)?;
    if let Ok(info) = signer.certificate_info() {
        eprintln!(
            "{}",
            both(
                &format!(
                    "Đã ký bằng chứng thư số {} (số hiệu {}, hết hạn {})",
                    info.subject,
                    info.serial,
                    format_utc(info.not_after)
                ),
                &format!(
                    "signed with certificate {} (serial {}, expires {})",
                    info.subject,
                    info.serial,
                    format_utc(info.not_after)
                ),
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `lienthong verify`: exit 0 valid, 1 invalid, 2 the command could not run.
pub fn run_verify(args: &VerifyArgs) -> Result<ExitCode, Failure> {
    let at = match &args.at {
        None => None,
        Some(s) => match parse_utc(s) {
            Some(t) if t >= 0 => Some(UNIX_EPOCH + Duration::from_secs(t as u64)),
            _ => {
                return Err(Failure::CannotRun(both(
                    "--at phải có dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SSZ",
                    "--at must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ",
                )))
            }
        },
    };
    let input = read_all(&args.file)?;
    let opts = VerifyOptions {
        at,
        ..Default::default()
    };
    let shown = args.file.display().to_string();
    let result = verify_with(&input, &opts);
    if let Err(e) = &result {
        if !e.is_invalid_signature() {
            return Err(Failure::CannotRun(both(
                &format!("không kiểm tra được {shown}: {}", e.message_vi()),
                &format!("cannot verify {shown}: {e}"),
            )));
        }
    }
    let mut out = create(None)?;
    match args.format {
        VerifyFormat::Text => write_text(&mut out, &shown, &result),
        VerifyFormat::Json => writeln!(out, "{}", report_json(&shown, &result)),
    }
    .and_then(|_| out.flush())
    .map_err(write_failed)?;
    Ok(match result {
        Ok(v) if v.is_acceptable() => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    })
}

fn yes_no(ok: bool) -> &'static str {
    if ok {
        "đúng / ok"
    } else {
        "SAI / FAILED"
    }
}

fn coverage_text(c: &Coverage) -> String {
    match c {
        Coverage::WholeDocumentMinusSignature => both(
            "toàn bộ tài liệu trừ chữ ký",
            "the whole document except the signature",
        ),
        Coverage::WholeDocument => both("toàn bộ tài liệu", "the whole document"),
        Coverage::Element {
            name,
            id,
            inside_signature,
        } => {
            let inside = if *inside_signature {
                both(" (bên trong chữ ký)", " (inside the signature)")
            } else {
                String::new()
            };
            format!("{name} #{id}{inside}")
        }
    }
}

fn coverage_code(c: &Coverage) -> &'static str {
    match c {
        Coverage::WholeDocumentMinusSignature => "whole_document_minus_signature",
        Coverage::WholeDocument => "whole_document",
        Coverage::Element { .. } => "element",
    }
}

fn validity_text(v: Validity) -> String {
    match v {
        Validity::Current => both("còn hiệu lực", "current"),
        Validity::NotYetValid => both("CHƯA có hiệu lực", "NOT YET VALID"),
        Validity::Expired => both("ĐÃ HẾT HẠN", "EXPIRED"),
    }
}

fn document_name(d: Option<DocumentKind>) -> &'static str {
    match d {
        Some(DocumentKind::Envelope) => "envelope",
        Some(DocumentKind::Checkin) => "checkin",
        Some(DocumentKind::Assessment) => "xml12",
        None => "other",
    }
}

fn write_text(
    out: &mut dyn Write,
    shown: &str,
    result: &Result<Verification, VerifyError>,
) -> std::io::Result<()> {
    writeln!(out, "{shown}")?;
    let v = match result {
        Ok(v) => v,
        Err(e) => {
            writeln!(out, "  vi: {}", e.message_vi())?;
            writeln!(out, "  en: {e}")?;
            writeln!(out, "  Kết quả / result: KHÔNG HỢP LỆ / INVALID")?;
            return Ok(());
        }
    };
    writeln!(out, "  Vị trí / location: {}", v.location)?;
    writeln!(out, "  Mã băm / digest: {}", yes_no(v.digests_ok()))?;
    for r in &v.references {
        writeln!(
            out,
            "    URI=\"{}\": {}; {}",
            r.uri,
            yes_no(r.digest_ok),
            coverage_text(&r.coverage)
        )?;
    }
    writeln!(
        out,
        "  Giá trị chữ ký / signature value: {}",
        yes_no(v.signature_ok)
    )?;
    let covers = if v.covers_whole_document() {
        both(
            "toàn bộ tài liệu trừ chữ ký",
            "the whole document except the signature",
        )
    } else {
        both("KHÔNG phải toàn bộ tài liệu", "NOT the whole document")
    };
    writeln!(out, "  Phạm vi ký / covers: {covers}")?;
    match &v.certificate {
        Some(c) => {
            writeln!(out, "  Chứng thư số / certificate:")?;
            writeln!(out, "    Chủ thể / subject: {}", c.subject)?;
            writeln!(out, "    Tổ chức cấp / issuer: {}", c.issuer)?;
            writeln!(out, "    Số hiệu / serial: {}", c.serial)?;
            writeln!(
                out,
                "    Hiệu lực / valid: {} → {}",
                format_utc(c.not_before),
                format_utc(c.not_after)
            )?;
            writeln!(out, "    SHA-256: {}", c.sha256_fingerprint)?;
            if let Some(status) = v.certificate_validity() {
                writeln!(
                    out,
                    "    Tình trạng lúc / status at {}: {}",
                    format_utc(v.checked_at),
                    validity_text(status)
                )?;
            }
            writeln!(
                out,
                "    {}",
                both(
                    "Lưu ý: chưa đối chiếu chứng thư số với danh sách CA tin cậy; so dấu vân tay SHA-256 với chứng thư đã đăng ký",
                    "note: the certificate is not checked against trusted CAs; compare its SHA-256 fingerprint with the registered one"
                )
            )?;
        }
        None => writeln!(
            out,
            "  Chứng thư số / certificate: {}",
            both("không có (chỉ có khóa RSA)", "none (RSA key only)")
        )?,
    }
    let verdict = if v.is_acceptable() {
        both("HỢP LỆ", "VALID")
    } else if v.is_valid() {
        both(
            "KHÔNG ĐẠT (chữ ký đúng nhưng chứng thư số không còn hiệu lực hoặc phạm vi ký không đủ)",
            "NOT ACCEPTED (the signature checks out, but the certificate is not current or the signature does not cover the document)",
        )
    } else {
        both("KHÔNG HỢP LỆ", "INVALID")
    };
    writeln!(out, "  Kết quả / result: {verdict}")
}

fn error_code(e: &VerifyError) -> &'static str {
    match e {
        VerifyError::NoSignature => "no_signature",
        VerifyError::Missing { .. } => "missing_element",
        VerifyError::BadBase64 { .. } => "bad_base64",
        VerifyError::ReferenceNotFound { .. } => "reference_not_found",
        VerifyError::DuplicateId { .. } => "duplicate_id",
        VerifyError::NoKey => "no_key",
        VerifyError::Unsupported { .. } => "unsupported",
        _ => "malformed",
    }
}

fn report_json(shown: &str, result: &Result<Verification, VerifyError>) -> serde_json::Value {
    use serde_json::json;
    match result {
        Err(e) => json!({
            "path": shown,
            "valid": false,
            "acceptable": false,
            "error": {
                "code": error_code(e),
                "message_vi": e.message_vi(),
                "message_en": e.to_string(),
            },
        }),
        Ok(v) => {
            let certificate = v.certificate.as_ref().map(|c| {
                json!({
                    "subject": c.subject,
                    "issuer": c.issuer,
                    "serial": c.serial,
                    "not_before": format_utc(c.not_before),
                    "not_after": format_utc(c.not_after),
                    "status": v.certificate_validity().map(Validity::as_str),
                    "expired": v.certificate_expired(),
                    "key_bits": c.key_bits,
                    "sha256_fingerprint": c.sha256_fingerprint,
                })
            });
            let references: Vec<_> = v
                .references
                .iter()
                .map(|r| {
                    json!({
                        "uri": r.uri,
                        "transforms": r.transforms,
                        "digest_method": r.digest_method,
                        "digest_ok": r.digest_ok,
                        "covers": coverage_code(&r.coverage),
                    })
                })
                .collect();
            json!({
                "path": shown,
                "valid": v.is_valid(),
                "acceptable": v.is_acceptable(),
                "digest_ok": v.digests_ok(),
                "signature_ok": v.signature_ok,
                "covers_whole_document": v.covers_whole_document(),
                "document": document_name(v.document),
                "location": v.location,
                "canonicalization": v.canonicalization,
                "signature_method": v.signature_method,
                "references": references,
                "certificate": certificate,
                "checked_at": format_utc(v.checked_at),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../sdk/tests/fixtures/sign"
        ))
        .join(name)
    }

    fn args(key: &str, cert: Option<&str>, env: Option<&str>) -> SignArgs {
        SignArgs {
            file: fixture("envelope.xml"),
            key: fixture(key),
            cert: cert.map(fixture),
            password_env: env.map(str::to_owned),
            password_stdin: false,
            output: None,
        }
    }

    fn message(f: Failure) -> String {
        match f {
            Failure::CannotRun(m) | Failure::BadInput(m) => m,
        }
    }

    #[test]
    fn sign_loads_pkcs12_and_pem_keys() {
        let var = "LIENTHONG_CLI_SIGN_TEST_PASSWORD";
        std::env::set_var(var, "lienthong-test");
        let p12 = load_signer(&args("legacy.p12", None, Some(var))).unwrap();
        let pem = load_signer(&args("signer.key.pem", Some("signer.crt.pem"), None)).unwrap();
        let doc = std::fs::read(fixture("envelope.xml")).unwrap();
        assert_eq!(sign(&doc, &p12).unwrap(), sign(&doc, &pem).unwrap());
        // Without a password, a PKCS#12 file asks for --password-env (in both languages);
        // the error never shows the password.
        let m = message(load_signer(&args("modern.p12", None, None)).unwrap_err());
        assert!(
            m.contains("--password-env") && m.contains("mật khẩu"),
            "{m}"
        );
        std::env::set_var(var, "sai-mat-khau");
        let m = message(load_signer(&args("modern.p12", None, Some(var))).unwrap_err());
        assert!(
            m.contains("wrong password") && !m.contains("sai-mat-khau"),
            "{m}"
        );
        let m = message(
            load_signer(&args("modern.p12", Some("signer.crt.pem"), Some(var))).unwrap_err(),
        );
        assert!(m.contains("--cert"), "{m}");
        std::env::remove_var(var);
        let m = message(load_signer(&args("modern.p12", None, Some(var))).unwrap_err());
        assert!(m.contains(var), "{m}");
    }

    #[test]
    fn verify_reports_in_text_and_json() {
        let doc = std::fs::read(fixture("xmlsec-envelope.xml")).unwrap();
        let result = verify_with(&doc, &VerifyOptions::default());
        let json = report_json("f.xml", &result);
        assert_eq!(json["valid"], true);
        assert_eq!(json["acceptable"], true);
        assert_eq!(json["covers_whole_document"], true);
        assert_eq!(json["document"], "envelope");
        assert_eq!(json["certificate"]["serial"], "5401A2B3C4D5E6F7");
        assert_eq!(json["certificate"]["status"], "current");
        assert_eq!(
            json["references"][0]["covers"],
            "whole_document_minus_signature"
        );
        let mut text = Vec::new();
        write_text(&mut text, "f.xml", &result).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("Kết quả / result: HỢP LỆ / VALID"), "{text}");
        assert!(
            text.contains("Số hiệu / serial: 5401A2B3C4D5E6F7"),
            "{text}"
        );

        let unsigned = std::fs::read(fixture("envelope.xml")).unwrap();
        let result = verify_with(&unsigned, &VerifyOptions::default());
        let json = report_json("u.xml", &result);
        assert_eq!(json["valid"], false);
        assert_eq!(json["error"]["code"], "no_signature");
        let mut text = Vec::new();
        write_text(&mut text, "u.xml", &result).unwrap();
        assert!(String::from_utf8(text)
            .unwrap()
            .contains("KHÔNG HỢP LỆ / INVALID"));
    }
}
