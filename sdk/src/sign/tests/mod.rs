//! Unit tests of the signing module. The key fixtures are throw-away test keys made by
//! `sdk/tests/fixtures/sign/make.sh` (see the README there).

mod c14n;
mod dsig;
mod keys;

use super::{KeyFileSigner, Password};

/// The password of the fixture keys.
pub(super) const PASSWORD: &str = "lienthong-test";

/// A fixture file's bytes.
pub(super) fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/sign/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture facility's signer (modern PKCS#12).
pub(super) fn signer() -> KeyFileSigner {
    KeyFileSigner::from_pkcs12(&fixture("modern.p12"), &Password::new(PASSWORD)).unwrap()
}
