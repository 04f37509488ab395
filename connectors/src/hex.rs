//! Hex digests shared by the client, the outbox and the sandbox.

use md5::{Digest, Md5};
use std::fmt::Write;

/// Lower-case hex.
pub(crate) fn lower(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Upper-case hex.
pub(crate) fn upper(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02X}");
            s
        })
}

/// SHA-256 of `bytes`, lower-case hex (how the outbox and the sandbox name a file version).
pub(crate) fn sha256(bytes: &[u8]) -> String {
    lower(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// MD5 of `text`, upper-case hex: the gateway's password form.
pub(crate) fn md5_upper(text: &str) -> String {
    upper(&Md5::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_vectors() {
        assert_eq!(super::md5_upper("abc"), "900150983CD24FB0D6963F7D28E17F72");
        assert_eq!(
            super::sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
