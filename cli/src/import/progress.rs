//! Progress of an import on stderr: a bar with rate and ETA on a terminal,
//! plain lines (about every 5 %) otherwise.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

/// Rows by outcome, counted as they settle.
#[derive(Debug, Default)]
pub struct Counts {
    created: AtomicUsize,
    exists: AtomicUsize,
    invalid: AtomicUsize,
    failed: AtomicUsize,
}

impl Counts {
    /// Counts one row.
    pub fn add(&self, outcome: &str) {
        let counter = match outcome {
            "created" => &self.created,
            "exists" => &self.exists,
            "invalid" => &self.invalid,
            _ => &self.failed,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn text(&self) -> String {
        format!(
            "created {} · exists {} · invalid {} · failed {}",
            self.created.load(Ordering::Relaxed),
            self.exists.load(Ordering::Relaxed),
            self.invalid.load(Ordering::Relaxed),
            self.failed.load(Ordering::Relaxed)
        )
    }
}

/// The display.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    counts: Counts,
    done: AtomicUsize,
    total: usize,
    step: usize,
    started: Instant,
    /// Rows already settled when this run started (not part of the rate).
    before: usize,
    last_line: Mutex<usize>,
}

impl Progress {
    /// A display of `total` rows, `done` of them settled already.
    pub fn new(total: usize, done: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(u64::try_from(total).unwrap_or(u64::MAX));
            let style = ProgressStyle::with_template(
                "{bar:32} {pos}/{len} rows · {per_sec} · ETA {eta} · {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_position(u64::try_from(done).unwrap_or(u64::MAX));
            bar.reset_eta();
            bar
        });
        Self {
            bar,
            counts: Counts::default(),
            done: AtomicUsize::new(done),
            total,
            step: (total / 20).max(1),
            started: Instant::now(),
            before: done,
            last_line: Mutex::new(done),
        }
    }

    /// Counts a row settled by an earlier run (no display).
    pub fn count_earlier(&self, outcome: &str) {
        self.counts.add(outcome);
    }

    /// One more row settled in this run.
    pub fn settled(&self, outcome: &str) {
        self.counts.add(outcome);
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            bar.set_message(self.counts.text());
            bar.inc(1);
            return;
        }
        let mut last = self
            .last_line
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if done >= *last + self.step || done == self.total {
            *last = done;
            eprintln!("{}", self.line(done));
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn line(&self, done: usize) -> String {
        let elapsed = self.started.elapsed().as_secs_f64();
        let this_run = done.saturating_sub(self.before);
        #[allow(clippy::cast_precision_loss)]
        let rate = if elapsed > 0.0 {
            this_run as f64 / elapsed
        } else {
            0.0
        };
        #[allow(clippy::cast_precision_loss)]
        let eta = if rate > 0.0 {
            format!("{:.0} s", (self.total - done) as f64 / rate)
        } else {
            "-".to_owned()
        };
        format!(
            "progress: {done}/{} rows · {rate:.1}/s · ETA {eta} · {}",
            self.total,
            self.counts.text()
        )
    }
}
