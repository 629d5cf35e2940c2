//! The command line: `--cases DIR --vectors DIR --mock-bin PATH --out FILE [--only NAME]`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

/// Where the cases, vectors and mock binary are, and where results go.
#[derive(Debug)]
pub struct Args {
    /// Directory of `*.json` case files.
    pub cases: PathBuf,
    /// Directory of webhook vectors.
    pub vectors: PathBuf,
    /// The `headshotpro-mock` binary.
    pub mock_bin: PathBuf,
    /// The results file.
    pub out: PathBuf,
    /// Run only the cases whose name contains this text (for development).
    pub only: Option<String>,
}

impl Args {
    /// Reads the arguments; unset paths default to the repository layout, the
    /// mock binary to `HEADSHOTPRO_MOCK_BIN` first.
    pub fn parse(mut raw: impl Iterator<Item = String>) -> Result<Self> {
        let mock_default = std::env::var_os("HEADSHOTPRO_MOCK_BIN").map_or_else(
            || PathBuf::from("target/debug/headshotpro-mock"),
            PathBuf::from,
        );
        let mut args = Self {
            cases: PathBuf::from("tests/cases"),
            vectors: PathBuf::from("tests/vectors"),
            mock_bin: mock_default,
            out: PathBuf::from("target/matrix/rust.json"),
            only: None,
        };
        while let Some(flag) = raw.next() {
            let value = raw
                .next()
                .with_context(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--cases" => args.cases = value.into(),
                "--vectors" => args.vectors = value.into(),
                "--mock-bin" => args.mock_bin = value.into(),
                "--out" => args.out = value.into(),
                "--only" => args.only = Some(value),
                other => bail!(
                    "unknown argument {other}; usage: matrix-runner --cases DIR --vectors DIR \
                     --mock-bin PATH --out FILE [--only NAME]"
                ),
            }
        }
        Ok(args)
    }
}
