//! Which language hosts this library, for the user agent
//! (`headshotpro-kotlin/…`, `headshotpro-swift/…`).

use std::sync::OnceLock;

/// `kotlin` inside a JVM or Android's runtime, `swift` inside a Swift
/// program, else `uniffi`; looked up once.
pub(crate) fn host_language() -> &'static str {
    static LANGUAGE: OnceLock<&'static str> = OnceLock::new();
    LANGUAGE.get_or_init(|| {
        if exported(c"JNI_GetCreatedJavaVMs") {
            "kotlin"
        } else if exported(c"swift_retain") {
            "swift"
        } else {
            "uniffi"
        }
    })
}

/// Whether a loaded object of this process exports `symbol`.
#[cfg(unix)]
fn exported(symbol: &std::ffi::CStr) -> bool {
    // SAFETY: dlsym only looks the name up among the objects already loaded;
    // the name is NUL-terminated and the address found is never used.
    !unsafe { libc::dlsym(libc::RTLD_DEFAULT, symbol.as_ptr()) }.is_null()
}

/// Other platforms: no lookup, the generic name.
#[cfg(not(unix))]
fn exported(_symbol: &std::ffi::CStr) -> bool {
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_rust_process_is_neither_kotlin_nor_swift() {
        assert_eq!(super::host_language(), "uniffi");
    }
}
