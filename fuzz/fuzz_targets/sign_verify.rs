#![no_main]
// Canonicalisation and signature verification on arbitrary bytes: never panics, whatever the file.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = lienthong::sign::c14n::canonicalize(data, &lienthong::sign::c14n::Method::C14N);
    let _ = lienthong::sign::verify(data);
});
