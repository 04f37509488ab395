//! The errors of signing, verifying and loading keys. Their messages name elements, algorithms and
//! environment variables, never a value from a document, a key or a password.

/// A document given to sign, verify or canonicalize is not XML this module accepts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum XmlError {
    /// The bytes are not UTF-8.
    #[error("the document is not valid UTF-8")]
    NotUtf8,
    /// The document declares an encoding other than UTF-8.
    #[error("the document declares encoding {0:?}; only UTF-8 is supported")]
    Encoding(String),
    /// A `DOCTYPE` declaration (refused: it enables entity-expansion attacks).
    #[error("a DOCTYPE declaration is not allowed")]
    Doctype,
    /// The XML is not well-formed (the parser's description: names and positions, no content).
    #[error("malformed XML: {0}")]
    Syntax(String),
    /// A limit was exceeded.
    #[error("{what} exceeds the limit of {limit}")]
    Limit {
        /// What was limited.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
}

impl XmlError {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            XmlError::NotUtf8 => "tài liệu không phải UTF-8 hợp lệ".into(),
            XmlError::Encoding(e) => {
                format!("tài liệu khai báo bảng mã {e:?}; chỉ hỗ trợ UTF-8")
            }
            XmlError::Doctype => "không được dùng khai báo DOCTYPE".into(),
            XmlError::Syntax(e) => format!("XML sai cú pháp: {e}"),
            XmlError::Limit { what, limit } => format!("{what} vượt giới hạn {limit}"),
        }
    }
}

/// A key, certificate or password could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The environment variable that should hold the password is not set.
    #[error("the environment variable {var} (the password) is not set")]
    PasswordEnvMissing {
        /// The variable's name.
        var: String,
    },
    /// The environment variable is not valid Unicode.
    #[error("the environment variable {var} (the password) is not valid Unicode")]
    PasswordEnvNotUnicode {
        /// The variable's name.
        var: String,
    },
    /// The password callback gave no password.
    #[error("no password was given")]
    NoPassword,
    /// The file is not a PKCS#12 (.p12/.pfx) archive.
    #[error("the key file is not a readable PKCS#12 (.p12/.pfx) archive")]
    NotPkcs12,
    /// The PKCS#12 integrity check or decryption failed: almost always a wrong password.
    #[error("wrong password for the key file (or the file is damaged)")]
    WrongPassword,
    /// The PKCS#12 archive uses an encryption or integrity algorithm that is not supported.
    #[error("the key file uses an unsupported encryption or integrity algorithm")]
    UnsupportedPkcs12,
    /// No private key was found.
    #[error("the key file holds no private key")]
    NoPrivateKey,
    /// No certificate was found.
    #[error("no certificate was found for the key")]
    NoCertificate,
    /// No certificate matches the private key.
    #[error("the certificate does not belong to the private key")]
    CertificateMismatch,
    /// The key is not an RSA key, or its size is not supported (2048 to 4096 bits).
    #[error("the private key was rejected: {0} (an RSA key of 2048 to 4096 bits is needed)")]
    KeyRejected(&'static str),
    /// A PEM file could not be read.
    #[error("the PEM file could not be read: {0}")]
    Pem(&'static str),
    /// The PEM private key is encrypted and no password was given, or the password is wrong.
    #[error("the PEM private key is encrypted: a correct password is needed")]
    EncryptedPem,
    /// A certificate is not valid DER X.509.
    #[error("a certificate could not be parsed")]
    BadCertificate,
}

impl KeyError {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            KeyError::PasswordEnvMissing { var } => {
                format!("chưa đặt biến môi trường {var} (mật khẩu)")
            }
            KeyError::PasswordEnvNotUnicode { var } => {
                format!("biến môi trường {var} (mật khẩu) không phải Unicode hợp lệ")
            }
            KeyError::NoPassword => "không có mật khẩu".into(),
            KeyError::NotPkcs12 => "tệp khóa không phải tệp PKCS#12 (.p12/.pfx) đọc được".into(),
            KeyError::WrongPassword => "sai mật khẩu của tệp khóa (hoặc tệp bị hỏng)".into(),
            KeyError::UnsupportedPkcs12 => {
                "tệp khóa dùng thuật toán mã hóa hoặc kiểm tra toàn vẹn chưa được hỗ trợ".into()
            }
            KeyError::NoPrivateKey => "tệp khóa không chứa khóa bí mật".into(),
            KeyError::NoCertificate => "không tìm thấy chứng thư số của khóa".into(),
            KeyError::CertificateMismatch => "chứng thư số không khớp với khóa bí mật".into(),
            KeyError::KeyRejected(why) => format!(
                "khóa bí mật không dùng được: {} (cần khóa RSA từ 2048 đến 4096 bit)",
                reason_vi(why)
            ),
            KeyError::Pem(why) => format!("không đọc được tệp PEM: {}", reason_vi(why)),
            KeyError::EncryptedPem => "khóa PEM được mã hóa: cần mật khẩu đúng".into(),
            KeyError::BadCertificate => "không đọc được chứng thư số".into(),
        }
    }
}

/// The Vietnamese of the fixed reasons carried by [`KeyError::KeyRejected`] and
/// [`KeyError::Pem`].
fn reason_vi(en: &str) -> &str {
    match en {
        "the key is smaller than 2048 bits" => "khóa nhỏ hơn 2048 bit",
        "the key is larger than 4096 bits" => "khóa lớn hơn 4096 bit",
        "not an RSA key" => "không phải khóa RSA",
        "not a valid PKCS#8 or PKCS#1 RSA key" => "không phải khóa RSA PKCS#8 hay PKCS#1 hợp lệ",
        "not a PKCS#8 key" => "không phải khóa PKCS#8",
        "unsupported key format version" => "phiên bản định dạng khóa chưa được hỗ trợ",
        "the key's components are inconsistent" => "các thành phần của khóa không khớp nhau",
        "the key is not usable" => "khóa không dùng được",
        "a PEM block is damaged" => "một khối PEM bị hỏng",
        "no PEM block found" => "không có khối PEM nào",
        "no private key block" => "không có khối khóa bí mật",
        "the encrypted private key is damaged" => "khóa bí mật đã mã hóa bị hỏng",
        other => other,
    }
}

/// Signing failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The document is not XML this module accepts.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// The root element is not one of the signed documents.
    #[error("the root element {root} is not GIAMDINHHS, CHI_TIEU_TRANG_THAI_KCB or CHI_TIEU_GIAM_DINH_YKHOA")]
    NotSignable {
        /// The root element found.
        root: String,
    },
    /// `CHUKYDONVI` is not the last child element of the root.
    #[error("CHUKYDONVI is not the last element of the root")]
    SlotNotLast,
    /// The key could not be loaded.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The signing device (USB token, HSM) failed; the text comes from its [`Signer`](super::Signer).
    #[error("the signing device failed: {0}")]
    Device(String),
    /// The signature just made does not verify (the signer's key does not match its
    /// certificate, or the device returned a wrong value).
    #[error("the signature just made does not verify with the signer's certificate")]
    SelfCheck,
}

impl SignError {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            SignError::Xml(e) => e.message_vi(),
            SignError::NotSignable { root } => format!(
                "phần tử gốc {root} không phải GIAMDINHHS, CHI_TIEU_TRANG_THAI_KCB hay CHI_TIEU_GIAM_DINH_YKHOA"
            ),
            SignError::SlotNotLast => "CHUKYDONVI không phải phần tử cuối cùng của gốc".into(),
            SignError::Key(e) => e.message_vi(),
            SignError::Device(e) => format!("thiết bị ký số báo lỗi: {e}"),
            SignError::SelfCheck => {
                "chữ ký vừa tạo không kiểm tra được bằng chứng thư số của người ký".into()
            }
        }
    }
}

/// Verification could not be carried out, or found the signature unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The document is not XML this module accepts.
    #[error(transparent)]
    Xml(#[from] XmlError),
    /// The document holds no XMLDSig `Signature`.
    #[error("the document is not signed (no Signature element)")]
    NoSignature,
    /// A required element or attribute of the signature is missing.
    #[error("the Signature is malformed: {element} is missing")]
    Missing {
        /// The element or attribute (`SignedInfo`, `Reference`, `Algorithm`...).
        element: &'static str,
    },
    /// A base64 value of the signature cannot be decoded.
    #[error("the Signature is malformed: {element} is not valid base64")]
    BadBase64 {
        /// The element.
        element: &'static str,
    },
    /// A `Reference` points to no element of the document.
    #[error("the Signature refers to {uri}, which is not in the document")]
    ReferenceNotFound {
        /// The reference's URI.
        uri: String,
    },
    /// A `Reference` points to an ID that several elements carry.
    #[error("the Signature refers to {uri}, which several elements carry")]
    DuplicateId {
        /// The reference's URI.
        uri: String,
    },
    /// `KeyInfo` holds no usable RSA key or certificate.
    #[error("the Signature holds no RSA certificate or key to check it with")]
    NoKey,
    /// An algorithm, transform or reference form that is not supported.
    #[error("unsupported {what}: {uri}")]
    Unsupported {
        /// What kind of thing (`transform`, `digest method`...).
        what: &'static str,
        /// Its URI as written in the signature (at most 200 characters).
        uri: String,
    },
}

impl VerifyError {
    pub(crate) fn unsupported(what: &'static str, uri: &str) -> Self {
        VerifyError::Unsupported {
            what,
            uri: uri.chars().take(200).collect(),
        }
    }

    /// Whether the error means the file is not validly signed (no signature, or a malformed
    /// one), rather than that it could not be checked (not XML, unsupported algorithm).
    pub fn is_invalid_signature(&self) -> bool {
        !matches!(self, VerifyError::Xml(_) | VerifyError::Unsupported { .. })
    }

    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            VerifyError::Xml(e) => e.message_vi(),
            VerifyError::NoSignature => "tài liệu chưa được ký (không có phần tử Signature)".into(),
            VerifyError::Missing { element } => {
                format!("chữ ký sai cấu trúc: thiếu {element}")
            }
            VerifyError::BadBase64 { element } => {
                format!("chữ ký sai cấu trúc: {element} không phải base64 hợp lệ")
            }
            VerifyError::ReferenceNotFound { uri } => {
                format!("chữ ký tham chiếu {uri}, không có trong tài liệu")
            }
            VerifyError::DuplicateId { uri } => {
                format!("chữ ký tham chiếu {uri}, mã này có ở nhiều phần tử")
            }
            VerifyError::NoKey => "chữ ký không kèm chứng thư số hoặc khóa RSA để kiểm tra".into(),
            VerifyError::Unsupported { what, uri } => {
                let what_vi = match *what {
                    "canonicalization method" => "phương pháp chuẩn hóa",
                    "signature method" => "thuật toán ký",
                    "digest method" => "thuật toán băm",
                    "transform" => "phép biến đổi",
                    "transform after canonicalization" => "phép biến đổi sau bước chuẩn hóa",
                    "reference URI" => "dạng tham chiếu URI",
                    "number of references" => "số lượng tham chiếu",
                    other => other,
                };
                format!("chưa hỗ trợ {what_vi}: {uri}")
            }
        }
    }
}
