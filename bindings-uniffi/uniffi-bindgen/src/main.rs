//! `uniffi-bindgen`, pinned to the workspace's uniffi version so the generated
//! Swift and Kotlin always match the library they load.

fn main() {
    uniffi::uniffi_bindgen_main()
}
