//! `uniffi-bindgen-swift`, pinned like `uniffi-bindgen`: writes the Swift
//! sources, the C headers and one module map covering every crate of the
//! library, so SwiftPM sees a single `HeadshotProFFI` module. With
//! `--swift-sources` it then patches the generated Swift (see
//! [`swift_patch`]): Task cancellation drops the Rust future, and errors print
//! their description.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod swift_patch;

/// uniffi's options that take a value (the others are switches).
const VALUED_OPTIONS: &[&str] = &[
    "--module-name",
    "--modulemap-filename",
    "--link-frameworks",
    "--config",
    "-c",
];

/// The output directory when Swift sources are generated: the second
/// positional argument, as uniffi's command line reads it.
fn swift_sources_dir(args: &[String]) -> Option<PathBuf> {
    if !args.iter().any(|a| a == "--swift-sources") {
        return None;
    }
    let mut positional = Vec::new();
    let mut skip = false;
    for arg in args {
        if skip {
            skip = false;
        } else if VALUED_OPTIONS.contains(&arg.as_str()) {
            skip = true;
        } else if !arg.starts_with('-') {
            positional.push(arg);
        }
    }
    positional.get(1).map(PathBuf::from)
}

/// Patches every `.swift` file uniffi wrote into `dir`.
fn patch_dir(dir: &Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut patched = 0;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "swift") {
            let source = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            let out =
                swift_patch::patch(&source).map_err(|e| format!("{}: {e}", path.display()))?;
            std::fs::write(&path, out).map_err(|e| e.to_string())?;
            patched += 1;
        }
    }
    Ok(patched)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    uniffi::uniffi_bindgen_swift();
    let Some(dir) = swift_sources_dir(&args) else {
        return ExitCode::SUCCESS;
    };
    match patch_dir(&dir) {
        Ok(0) => {
            eprintln!(
                "uniffi-bindgen-swift: no Swift sources to patch in {}",
                dir.display()
            );
            ExitCode::FAILURE
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("uniffi-bindgen-swift: cannot patch the generated Swift: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::swift_sources_dir;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_sources_dir_is_the_second_positional_argument() {
        let dir = swift_sources_dir(&args("--swift-sources --config uniffi.toml lib.so out/dir"));
        assert_eq!(dir.unwrap().to_str(), Some("out/dir"));
        let dir = swift_sources_dir(&args("lib.so --swift-sources out -c x.toml --xcframework"));
        assert_eq!(dir.unwrap().to_str(), Some("out"));
        assert!(swift_sources_dir(&args("--headers --modulemap lib.so out")).is_none());
    }
}
