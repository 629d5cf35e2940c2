//! Post-processing of the Swift that uniffi 0.32 generates, for what its
//! templates leave out:
//!
//! - **Task cancellation.** The generated `uniffiRustCallAsync` awaits each
//!   poll of the Rust future in a continuation with no cancellation handler,
//!   so cancelling a Swift `Task` did nothing: a retrying call or a ten-minute
//!   `models().wait` kept running. The helper is replaced by one that, on
//!   cancellation, calls the future's `rust_future_cancel` (its pending poll
//!   then answers "ready"), so the call completes with `CALL_CANCELLED` —
//!   thrown as Swift's `CancellationError` instead of the template's
//!   `fatalError` — and freeing the future drops the request. Every async call
//!   site passes the cancel function of its return type.
//! - **`CustomStringConvertible` on errors.** uniffi writes the `description`
//!   of an error that exports `Display` but does not declare the conformance,
//!   so `"\(error)"` ignored it.
//!
//! Every edit checks that the text it expects is there (and how many times),
//! so a uniffi upgrade that changes the templates fails generation loudly
//! instead of producing unpatched bindings.

/// The generated helper begins with this line.
const HELPER_START: &str = "fileprivate func uniffiRustCallAsync<F, T>(\n";
/// What the template does when a call was cancelled.
const CANCELLED_FATAL: &str = "fatalError(\"Cancellation not supported yet\")";
/// A call site of the helper.
const CALL_SITE: &str = "await uniffiRustCallAsync(";
/// The free-function argument of a call site, followed by its FFI suffix.
const FREE_ARG: &str = "freeFunc: ";
/// The FFI free function of a call site ends with this and its return type.
const FREE_FN: &str = "_rust_future_free_";

/// The helper that replaces the generated one; `{ENSURE_INIT}` is the
/// component's initialisation check, taken from the generated helper.
const HELPER: &str = r#"fileprivate func uniffiRustCallAsync<F, T>(
    rustFutureFunc: () -> UInt64,
    pollFunc: (UInt64, @escaping UniffiRustFutureContinuationCallback, UInt64) -> (),
    completeFunc: (UInt64, UnsafeMutablePointer<RustCallStatus>) -> F,
    freeFunc: (UInt64) -> (),
    cancelFunc: @escaping (UInt64) -> (),
    liftFunc: (F) throws -> T,
    errorHandler: ((RustBuffer) throws -> Swift.Error)?
) async throws -> T {
    // Future creation has no RustCallStatus parameter, so it does not go
    // through makeRustCall(): check the library first.
    {ENSURE_INIT}
    let rustFuture = rustFutureFunc()
    // Cancelling the task cancels the Rust future: its pending poll answers
    // "ready", completing it reports CALL_CANCELLED (a CancellationError), and
    // freeing it drops the request. The guard keeps a late cancellation away
    // from a freed future.
    let cancelGuard = UniffiRustFutureCancelGuard(rustFuture, cancelFunc)
    defer {
        cancelGuard.free(freeFunc)
    }
    var pollResult: Int8;
    repeat {
        pollResult = await withTaskCancellationHandler {
            await withUnsafeContinuation {
                pollFunc(
                    rustFuture,
                    { handle, pollResult in
                        uniffiFutureContinuationCallback(handle: handle, pollResult: pollResult)
                    },
                    uniffiContinuationHandleMap.insert(obj: $0)
                )
            }
        } onCancel: {
            cancelGuard.cancel()
        }
    } while pollResult != UNIFFI_RUST_FUTURE_POLL_READY

    return try liftFunc(makeRustCall(
        { completeFunc(rustFuture, $0) },
        errorHandler: errorHandler
    ))
}

// Cancels a Rust future at most until it is freed, whichever thread asks.
fileprivate final class UniffiRustFutureCancelGuard: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: UInt64
    private let cancelFunc: (UInt64) -> ()
    private var freed = false

    init(_ handle: UInt64, _ cancelFunc: @escaping (UInt64) -> ()) {
        self.handle = handle
        self.cancelFunc = cancelFunc
    }

    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        if !freed {
            cancelFunc(handle)
        }
    }

    func free(_ freeFunc: (UInt64) -> ()) {
        lock.lock()
        freed = true
        lock.unlock()
        freeFunc(handle)
    }
}
"#;

/// Applies every patch to one generated Swift file; a file without async
/// calls or errors comes back unchanged.
pub fn patch(source: &str) -> Result<String, String> {
    let patched = patch_cancellation(source)?;
    Ok(patch_error_descriptions(&patched))
}

fn patch_cancellation(source: &str) -> Result<String, String> {
    let calls = source.matches(CALL_SITE).count();
    let mut out = match source.find(HELPER_START) {
        Some(start) => replace_helper(source, start)?,
        None if calls == 0 => source.to_owned(),
        None => return Err("async call sites but no uniffiRustCallAsync helper".to_owned()),
    };
    if calls > 0 {
        out = pass_cancel_functions(&out, calls)?;
    }
    match out.matches(CANCELLED_FATAL).count() {
        0 | 1 => Ok(out.replace(CANCELLED_FATAL, "throw CancellationError()")),
        n => Err(format!(
            "{n} cancellation fatalErrors, expected at most one"
        )),
    }
}

/// Swaps the generated helper (from its first line to the next `}` in column
/// 0) for [`HELPER`].
fn replace_helper(source: &str, start: usize) -> Result<String, String> {
    let end = source[start..]
        .find("\n}\n")
        .map(|at| start + at + "\n}\n".len())
        .ok_or("the uniffiRustCallAsync helper has no closing brace")?;
    let original = &source[start..end];
    for expected in [
        "freeFunc: (UInt64) -> (),",
        "withUnsafeContinuation",
        "defer {",
    ] {
        if !original.contains(expected) {
            return Err(format!(
                "the uniffiRustCallAsync helper no longer has `{expected}`"
            ));
        }
    }
    let ensure_init = original
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("uniffiEnsure") && line.ends_with("Initialized()"))
        .ok_or("the uniffiRustCallAsync helper has no initialisation check")?;
    let helper = HELPER.replace("{ENSURE_INIT}", ensure_init);
    Ok(format!("{}{}{}", &source[..start], helper, &source[end..]))
}

/// Adds `cancelFunc: <prefix>_rust_future_cancel_<type>,` after the
/// `freeFunc:` argument of each of the `calls` call sites.
fn pass_cancel_functions(source: &str, calls: usize) -> Result<String, String> {
    let mut out = String::with_capacity(source.len() + calls * 80);
    let mut rest = source;
    let mut patched = 0;
    while let Some(at) = rest.find(FREE_ARG) {
        let line_start = rest[..at].rfind('\n').map_or(0, |n| n + 1);
        let indent = &rest[line_start..at];
        let after = &rest[at + FREE_ARG.len()..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let free_fn = &after[..name_len];
        let line_end = at + FREE_ARG.len() + name_len;
        out.push_str(&rest[..line_end]);
        rest = &rest[line_end..];
        // Only the call sites' arguments name an FFI free function; the
        // helper's own `freeFunc: (UInt64) -> ()` parameter does not.
        if let Some((prefix, ffi_type)) = free_fn.split_once(FREE_FN) {
            if !rest.starts_with(',') {
                return Err(format!("`freeFunc: {free_fn}` is not followed by a comma"));
            }
            out.push(',');
            rest = &rest[1..];
            out.push('\n');
            out.push_str(indent);
            out.push_str(&format!(
                "cancelFunc: {prefix}_rust_future_cancel_{ffi_type},"
            ));
            patched += 1;
        }
    }
    out.push_str(rest);
    if patched == calls {
        Ok(out)
    } else {
        Err(format!(
            "{calls} async call sites but {patched} freeFunc arguments"
        ))
    }
}

/// Declares `CustomStringConvertible` for each error enum whose
/// `description` calls its exported Rust `Display`.
fn patch_error_descriptions(source: &str) -> String {
    let mut conformances = String::new();
    for declaration in source.split("\nenum ").skip(1) {
        let name_len = declaration
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(declaration.len());
        let name = &declaration[..name_len];
        let header = declaration.lines().next().unwrap_or_default();
        let display = format!("_fn_method_{}_uniffi_trait_display(", name.to_lowercase());
        if header[name_len..].starts_with(": Swift.Error")
            && !header.contains("CustomStringConvertible")
            && source.contains(&display)
        {
            conformances.push_str(&format!(
                "\n// `description` is the Rust `Display` of the error.\nextension {name}: CustomStringConvertible {{}}\n"
            ));
        }
    }
    format!("{source}{conformances}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of uniffi 0.32's generated Swift, cut down.
    const GENERATED: &str = r#"
fileprivate let CALL_CANCELLED: Int8 = 3
        case CALL_CANCELLED:
            fatalError("Cancellation not supported yet")

public
enum FooError: Swift.Error, Equatable, Foundation.LocalizedError {
    case Bad(message: String)
// The local Rust `Display` implementation.
public var description: String {
    return uniffi_x_fn_method_fooerror_uniffi_trait_display(self)
}
}

public
enum QuietError: Swift.Error, Equatable, Foundation.LocalizedError {
    case Bad(message: String)
}

open func create(email: String)async throws  -> Invite  {
    return
        try  await uniffiRustCallAsync(
            rustFutureFunc: {
                uniffi_x_fn_method_invitesapi_create(self.uniffiCloneHandle())
            },
            pollFunc: ffi_x_rust_future_poll_rust_buffer,
            completeFunc: ffi_x_rust_future_complete_rust_buffer,
            freeFunc: ffi_x_rust_future_free_rust_buffer,
            liftFunc: FfiConverterTypeInvite_lift,
            errorHandler: FfiConverterTypeFooError_lift
        )
}
open func revoke(email: String)async throws   {
    return
        try  await uniffiRustCallAsync(
            rustFutureFunc: { uniffi_x_fn_method_invitesapi_revoke(self.uniffiCloneHandle()) },
            pollFunc: ffi_x_rust_future_poll_void,
            completeFunc: ffi_x_rust_future_complete_void,
            freeFunc: ffi_x_rust_future_free_void,
            liftFunc: { $0 },
            errorHandler: FfiConverterTypeFooError_lift
        )
}

fileprivate func uniffiRustCallAsync<F, T>(
    rustFutureFunc: () -> UInt64,
    pollFunc: (UInt64, @escaping UniffiRustFutureContinuationCallback, UInt64) -> (),
    completeFunc: (UInt64, UnsafeMutablePointer<RustCallStatus>) -> F,
    freeFunc: (UInt64) -> (),
    liftFunc: (F) throws -> T,
    errorHandler: ((RustBuffer) throws -> Swift.Error)?
) async throws -> T {
    uniffiEnsureXInitialized()
    let rustFuture = rustFutureFunc()
    defer {
        freeFunc(rustFuture)
    }
    var pollResult: Int8;
    repeat {
        pollResult = await withUnsafeContinuation {
            pollFunc(rustFuture, { _, _ in }, 0)
        }
    } while pollResult != UNIFFI_RUST_FUTURE_POLL_READY
    return try liftFunc(makeRustCall({ completeFunc(rustFuture, $0) }, errorHandler: errorHandler))
}

fileprivate func afterTheHelper() {}
"#;

    #[test]
    fn every_call_site_passes_its_cancel_function() {
        let out = patch(GENERATED).unwrap();
        assert!(out.contains(
            "            freeFunc: ffi_x_rust_future_free_rust_buffer,\n            \
             cancelFunc: ffi_x_rust_future_cancel_rust_buffer,\n            liftFunc:"
        ));
        assert!(out.contains(
            "freeFunc: ffi_x_rust_future_free_void,\n            cancelFunc: ffi_x_rust_future_cancel_void,"
        ));
        assert_eq!(out.matches("cancelFunc: ffi_").count(), 2);
    }

    #[test]
    fn the_helper_cancels_on_task_cancellation() {
        let out = patch(GENERATED).unwrap();
        assert_eq!(out.matches(HELPER_START).count(), 1);
        assert!(out.contains("withTaskCancellationHandler"));
        assert!(out.contains("    uniffiEnsureXInitialized()\n"));
        assert!(out.contains("    cancelFunc: @escaping (UInt64) -> (),\n"));
        assert!(out.contains("throw CancellationError()"));
        assert!(!out.contains(CANCELLED_FATAL));
        assert!(out.contains("\nfileprivate func afterTheHelper() {}\n"));
        assert!(!out.contains("freeFunc(rustFuture)"));
    }

    #[test]
    fn errors_with_a_display_become_custom_string_convertible() {
        let out = patch(GENERATED).unwrap();
        assert!(out.ends_with("extension FooError: CustomStringConvertible {}\n"));
        assert_eq!(out.matches("CustomStringConvertible").count(), 1);
    }

    #[test]
    fn a_file_without_async_calls_only_loses_the_fatal_error() {
        let plain = "        case CALL_CANCELLED:\n            fatalError(\"Cancellation not supported yet\")\n";
        let out = patch(plain).unwrap();
        assert_eq!(
            out,
            plain.replace(CANCELLED_FATAL, "throw CancellationError()")
        );
    }

    #[test]
    fn a_changed_template_fails_loudly() {
        let no_helper = GENERATED.replace(HELPER_START, "fileprivate func renamed<F, T>(\n");
        assert!(patch(&no_helper)
            .unwrap_err()
            .contains("no uniffiRustCallAsync helper"));
        let no_defer = GENERATED.replace("    defer {\n", "    do {\n");
        assert!(patch(&no_defer).unwrap_err().contains("`defer {`"));
        let renamed_free = GENERATED.replace(
            "freeFunc: ffi_x_rust_future_free_void,",
            "freeFunc: ffi_x_future_release_void,",
        );
        assert!(patch(&renamed_free)
            .unwrap_err()
            .contains("2 async call sites but 1 freeFunc arguments"));
    }
}
