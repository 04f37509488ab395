//! Secrets (passwords, password hashes, session tokens) in a type that never prints.

use std::fmt;
use zeroize::Zeroizing;

/// A credential or token. `Debug` and `Display` print `[redacted]`; the bytes are wiped on drop.
/// The only way to read it is [`Secret::expose`], which is easy to find in a review.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// Reads a secret from the environment variable `var` (not printed in errors).
    pub fn from_env(var: &str) -> Result<Self, String> {
        match std::env::var(var) {
            Ok(v) if !v.is_empty() => Ok(Secret::new(v)),
            Ok(_) => Err(format!(
                "biến môi trường {var} rỗng / environment variable {var} is empty"
            )),
            Err(_) => Err(format!(
                "chưa đặt biến môi trường {var} / environment variable {var} is not set"
            )),
        }
    }

    /// The secret itself. Never log what this returns.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The gateway's password form: the MD5 of the UTF-8 password, upper-case hex.
    pub fn md5_upper_hex(&self) -> Secret {
        Secret::new(crate::hex::md5_upper(&self.0))
    }

    /// Whether the secret is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?} {s}"), "[redacted] [redacted]");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some([redacted])");
    }

    #[test]
    fn md5_is_upper_hex() {
        // RFC 1321 test vector.
        assert_eq!(
            Secret::new("abc").md5_upper_hex().expose(),
            "900150983CD24FB0D6963F7D28E17F72"
        );
    }
}
