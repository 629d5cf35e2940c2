//! Which language hosts this library, for the user agent
//! (`headshotpro-kotlin/…`, `headshotpro-swift/…`), and the one signal
//! setting a networking library needs from its host process.

use std::sync::{Once, OnceLock};

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

/// Makes a write to a closed connection an error instead of the end of the
/// process: on Linux, a socket write (`writev`, which HTTP/1 and TLS use) to
/// a peer that went away raises `SIGPIPE`, whose default action kills the
/// process. The JVM, Python and Node already ignore it; a Swift program does
/// not. Done once, and only while `SIGPIPE` still has its default action, so
/// a handler the program installed is kept.
pub(crate) fn ignore_sigpipe() {
    static DONE: Once = Once::new();
    DONE.call_once(ignore_default_sigpipe);
}

#[cfg(unix)]
fn ignore_default_sigpipe() {
    // SAFETY: sigaction with a null new action only reads the current one
    // into `current`, a zeroed sigaction owned by this frame; signal() then
    // sets the disposition to SIG_IGN, which runs no code.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGPIPE, std::ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_DFL
        {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
    }
}

/// Other platforms have no `SIGPIPE`.
#[cfg(not(unix))]
fn ignore_default_sigpipe() {}

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
