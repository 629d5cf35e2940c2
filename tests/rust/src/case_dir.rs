//! The directory `photos.save` writes into: one per case, created empty before
//! its first step and removed with everything in it after its last.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, Result};

/// Cases run so far by this process, to name each directory once.
static NEXT: AtomicU32 = AtomicU32::new(0);

/// An empty directory under the system's temporary directory, removed on drop.
#[derive(Debug)]
pub struct CaseDir {
    path: PathBuf,
}

impl CaseDir {
    /// Creates a fresh, empty directory for the case `name`.
    pub fn create(name: &str) -> Result<Self> {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "headshotpro-matrix-{}-{n}-{name}",
            std::process::id()
        ));
        if path.exists() {
            std::fs::remove_dir_all(&path)
                .with_context(|| format!("clearing {}", path.display()))?;
        }
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self { path })
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for CaseDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
