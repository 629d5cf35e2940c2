//! Output: JSON documents for scripts, aligned tables for people.

use std::io::Write;

use serde::Serialize;

use crate::failure::{Failure, Outcome};

/// Prints a value as one pretty JSON document on stdout.
pub fn json(value: &impl Serialize) -> Outcome {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::other(format!("cannot encode the output as JSON: {e}")))?;
    line(&text)
}

/// Prints a value as compact JSON on one line of stdout (for streams of events).
pub fn json_line(value: &impl Serialize) -> Outcome {
    let text = serde_json::to_string(value)
        .map_err(|e| Failure::other(format!("cannot encode the output as JSON: {e}")))?;
    line(&text)
}

/// Prints one line on stdout.
pub fn line(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|e| Failure::other(format!("cannot write to stdout: {e}")))
}

/// A table: a header row and rows of cells, printed with aligned columns.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text, one line per row, columns padded to line up.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        let render_row = |cells: &[String]| {
            let mut line = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                if i + 1 == columns {
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(width - cell.chars().count() + 2));
                }
            }
            line.trim_end().to_owned()
        };
        let mut lines = vec![render_row(&self.header)];
        lines.extend(self.rows.iter().map(|r| render_row(r)));
        lines.join("\n")
    }

    /// Prints the table on stdout.
    pub fn print(&self) -> Outcome {
        line(&self.render())
    }
}

/// Key-value lines for one object.
pub fn fields(pairs: &[(&str, String)]) -> Outcome {
    let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let text: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k:<width$}  {v}"))
        .collect();
    line(&text.join("\n"))
}

/// An optional value as a cell: empty when absent.
pub fn opt(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let mut table = Table::new(&["ID", "EMAIL"]);
        table.row(vec!["1".into(), "a@b.co".into()]);
        table.row(vec!["long-id".into(), String::new()]);
        assert_eq!(table.render(), "ID       EMAIL\n1        a@b.co\nlong-id");
    }
}
