//! A port of `awscli/table.py` (`MultiTable`, `Section` and the plain
//! `Styler`) and of the table-building half of `awscli/formatter.py`
//! (`TableFormatter`), for AWS CLI v1 `--output table` when stdout is not a
//! terminal.

use crate::py::{text_length, Py};

#[derive(Debug, Default, Clone)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

/// Python's `round()` (half to even) of a float, as an integer.
fn py_round(x: f64) -> i64 {
    x.round_ties_even() as i64
}

fn spaces(n: i64) -> String {
    " ".repeat(n.max(0) as usize)
}

fn dashes(n: i64) -> String {
    "-".repeat(n.max(0) as usize)
}

impl Section {
    fn calculate_column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<i64> {
        let unscaled: Vec<i64> = self
            .max_widths
            .iter()
            .map(|w| (w + padding) as i64)
            .collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        if unscaled.is_empty() {
            return unscaled;
        }
        let max_width = max_width as i64;
        let total: i64 = unscaled.iter().sum();
        let scale_factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| py_round(scale_factor * *w as f64))
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }

    fn total_width(&self, padding: usize, with_border: bool, outer_padding: usize) -> usize {
        let border_padding = 2;
        let mut total: usize = self
            .calculate_column_widths(0, None)
            .iter()
            .map(|w| *w as usize + padding)
            .sum();
        if with_border {
            total += border_padding;
        }
        total += outer_padding * 2;
        (text_length(&self.title) + border_padding + outer_padding * 2).max(total)
    }

    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        if self.num_cols.is_none() {
            self.num_cols = Some(row.len());
        }
        self.update_max_widths(&row);
        self.rows.push(row);
    }

    fn update_max_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|el| text_length(el)).collect();
        } else {
            for (i, el) in row.iter().enumerate() {
                if let Some(w) = self.max_widths.get_mut(i) {
                    *w = (*w).max(text_length(el));
                }
            }
        }
    }
}

/// `center_text`, computed with the same (possibly negative) arithmetic.
fn center_text(text: &str, length: i64, left_edge: &str, right_edge: &str) -> String {
    let text_length = text_length(text) as i64;
    let char_start = length.div_euclid(2) - text_length.div_euclid(2) - 1;
    let mut out = String::new();
    out.push_str(left_edge);
    out.push_str(&spaces(char_start));
    out.push_str(text);
    let length_so_far = left_edge.chars().count() as i64 + char_start + text_length;
    let right_side_spaces = length - right_edge.chars().count() as i64 - length_so_far;
    out.push_str(&spaces(right_side_spaces));
    out.push_str(right_edge);
    out
}

fn align_left(text: &str, length: i64, left_edge: &str, right_edge: &str) -> String {
    let left_padding = 2;
    let text_length = text_length(text) as i64;
    let left = left_edge.chars().count() as i64;
    let right = right_edge.chars().count() as i64;
    let computed_length = text_length + left_padding + left + right;
    let padding = if length - computed_length >= 0 {
        left_padding
    } else {
        0
    };
    let length_so_far = left + padding + text_length;
    format!(
        "{left_edge}{}{text}{}{right_edge}",
        spaces(padding),
        spaces(length - length_so_far - right)
    )
}

/// `MultiTable` with `initial_section=False`, `column_separator='|'` and
/// the plain styler.
#[derive(Debug)]
pub(crate) struct MultiTable {
    sections: Vec<Section>,
    terminal_width: usize,
}

impl MultiTable {
    pub(crate) fn new(terminal_width: usize) -> Self {
        Self {
            sections: Vec::new(),
            terminal_width,
        }
    }

    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section exists")
    }

    fn new_section(&mut self, title: &str, indent_level: usize) {
        self.sections.push(Section {
            title: title.to_owned(),
            indent_level,
            ..Section::default()
        });
    }

    fn calculate_max_width(&self) -> usize {
        self.sections
            .iter()
            .map(|s| s.total_width(4, true, s.indent_level))
            .max()
            .unwrap_or(0)
    }

    fn convert_to_vertical_table(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut vertical = Section {
                    title: section.title.clone(),
                    indent_level: section.indent_level,
                    ..Section::default()
                };
                for (header, element) in section.headers.iter().zip(&section.rows[0]) {
                    vertical.add_row(vec![header.clone(), element.clone()]);
                }
                *section = vertical;
            }
        }
    }

    pub(crate) fn render(&mut self) -> String {
        let mut max_width = self.calculate_max_width();
        if max_width > self.terminal_width {
            self.convert_to_vertical_table();
            max_width = self.calculate_max_width();
        }
        let mut out = String::new();
        out.push_str(&"-".repeat(max_width));
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, &mut out);
        }
        out
    }
}

/// `IndentedStream.write`: indent on the left, and on the right before a
/// trailing newline.
fn write_indented(out: &mut String, indent: usize, text: &str) {
    let bars = "|".repeat(indent);
    out.push_str(&bars);
    if let Some(line) = text.strip_suffix('\n') {
        out.push_str(line);
        out.push_str(&bars);
        out.push('\n');
    } else {
        out.push_str(text);
    }
}

fn line_break(widths: &[i64]) -> String {
    let mut parts = String::new();
    for (i, width) in widths.iter().enumerate() {
        if i == 0 {
            parts.push_str(&format!("+{}+", dashes(width - 2)));
        } else {
            parts.push_str(&format!("{}+", dashes(width - 1)));
        }
    }
    parts.push('\n');
    parts
}

fn render_section(section: &Section, max_width: usize, out: &mut String) {
    let indent = section.indent_level;
    let max_width = max_width as i64 - indent as i64 * 2;
    // Title.
    if !section.title.is_empty() {
        let line = center_text(&section.title, max_width, "|", "|") + "\n";
        write_indented(out, indent, &line);
        if section.headers.is_empty() && section.rows.is_empty() {
            write_indented(out, indent, &format!("+{}+\n", dashes(max_width - 2)));
        }
    }
    let widths = section.calculate_column_widths(4, Some(max_width.max(0) as usize));
    // Column titles.
    if !section.headers.is_empty() {
        let mut current = String::new();
        for (i, (width, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left = if i == 0 { "|" } else { "" };
            current.push_str(&center_text(header, *width, left, "|"));
        }
        write_indented(out, indent, &line_break(&widths));
        write_indented(out, indent, &(current + "\n"));
    }
    // Rows.
    if section.rows.is_empty() || widths.is_empty() {
        return;
    }
    write_indented(out, indent, &line_break(&widths));
    for row in &section.rows {
        let mut current = String::new();
        for (i, (width, element)) in widths.iter().zip(row).enumerate() {
            let left = if i == 0 { "|" } else { "" };
            current.push_str(&align_left(element, *width, left, "|"));
        }
        write_indented(out, indent, &(current + "\n"));
    }
    write_indented(out, indent, &line_break(&widths));
}

/// `TableFormatter._build_table` and its helpers.
pub(crate) struct TableBuilder {
    table: MultiTable,
}

impl TableBuilder {
    pub(crate) fn new(terminal_width: usize) -> Self {
        Self {
            table: MultiTable::new(terminal_width),
        }
    }

    /// Builds and renders; empty when the CLI prints nothing.
    pub(crate) fn format(mut self, title: &str, response: &Py) -> String {
        if self.build_table(Some(title), response, 0) {
            self.table.render()
        } else {
            String::new()
        }
    }

    fn build_table(&mut self, title: Option<&str>, current: &Py, indent_level: usize) -> bool {
        if !current.is_truthy() {
            return false;
        }
        if let Some(title) = title {
            self.table.new_section(title, indent_level);
        }
        match current {
            Py::List(items) => {
                if matches!(items.first(), Some(Py::Dict(_))) {
                    self.build_sub_table_from_list(items, indent_level, title);
                } else {
                    for item in items {
                        match item {
                            scalar if scalar.is_scalar() => {
                                self.table.current().add_row(vec![scalar.str()]);
                            }
                            Py::List(elements) if elements.iter().all(Py::is_scalar) => {
                                self.table
                                    .current()
                                    .add_row(elements.iter().map(Py::str).collect());
                            }
                            // Iterating a dict gives its keys, all scalars.
                            Py::Dict(entries) => {
                                self.table
                                    .current()
                                    .add_row(entries.iter().map(|(k, _)| k.clone()).collect());
                            }
                            other => {
                                self.build_table(None, other, 0);
                            }
                        }
                    }
                }
            }
            Py::Dict(_) => self.build_sub_table_from_dict(current, indent_level),
            _ => {}
        }
        true
    }

    fn build_sub_table_from_dict(&mut self, current: &Py, indent_level: usize) {
        let (headers, more) = group_scalar_keys(current);
        let value = |k: &str| current.get(k).map(Py::str).unwrap_or_default();
        if headers.len() == 1 {
            let row = vec![headers[0].clone(), value(&headers[0])];
            self.table.current().add_row(row);
        } else if !headers.is_empty() {
            let row = headers.iter().map(|k| value(k)).collect();
            self.table.current().add_header(headers);
            self.table.current().add_row(row);
        }
        for remaining in more {
            if let Some(child) = current.get(&remaining) {
                self.build_table(Some(&remaining), child, indent_level + 1);
            }
        }
    }

    fn build_sub_table_from_list(
        &mut self,
        current: &[Py],
        indent_level: usize,
        title: Option<&str>,
    ) {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for item in current {
            let (h, m) = group_scalar_keys(item);
            headers.extend(h);
            more.extend(m);
        }
        headers.sort();
        headers.dedup();
        more.sort();
        more.dedup();
        self.table.current().add_header(headers.clone());
        for (i, element) in current.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.table
                    .new_section(title.unwrap_or_default(), indent_level);
                self.table.current().add_header(headers.clone());
            }
            let row = headers
                .iter()
                .map(|h| element.get(h).map(Py::str).unwrap_or_default())
                .collect();
            self.table.current().add_row(row);
            for remaining in &more {
                if let Some(child) = element.get(remaining) {
                    self.build_table(Some(remaining), child, indent_level + 1);
                }
            }
        }
    }
}

/// The sorted keys of a dict whose values are scalars, and the sorted rest.
fn group_scalar_keys(current: &Py) -> (Vec<String>, Vec<String>) {
    let mut headers = Vec::new();
    let mut more = Vec::new();
    if let Py::Dict(entries) = current {
        for (key, value) in entries {
            if value.is_scalar() {
                headers.push(key.clone());
            } else {
                more.push(key.clone());
            }
        }
    }
    headers.sort();
    more.sort();
    (headers, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_round_is_half_to_even() {
        assert_eq!(py_round(0.5), 0);
        assert_eq!(py_round(1.5), 2);
        assert_eq!(py_round(2.5), 2);
        assert_eq!(py_round(2.6), 3);
    }

    #[test]
    fn center_text_keeps_the_requested_length() {
        assert_eq!(center_text("ab", 10, "|", "|"), "|   ab   |");
        assert_eq!(center_text("abc", 10, "|", "|"), "|   abc  |");
        // Longer than the room: Python's negative repeats are empty.
        assert_eq!(center_text("abcdef", 4, "|", "|"), "|abcdef|");
    }

    #[test]
    fn align_left_pads_two_when_there_is_room() {
        assert_eq!(align_left("ab", 8, "|", "|"), "|  ab  |");
        assert_eq!(align_left("abcdef", 8, "|", "|"), "|abcdef|");
    }
}
