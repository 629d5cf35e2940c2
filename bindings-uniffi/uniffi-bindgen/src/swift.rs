//! `uniffi-bindgen-swift`, pinned like `uniffi-bindgen`: writes the Swift
//! sources, the C headers and one module map covering every crate of the
//! library, so SwiftPM sees a single `HeadshotProFFI` module.

fn main() {
    uniffi::uniffi_bindgen_swift()
}
