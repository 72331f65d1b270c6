//! POSIX shell words: quoting a word so a shell reads it back unchanged, and
//! splitting a command line into words as a shell would (without running
//! any expansions: those are refused, not guessed).

/// Why a command line could not be split into words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShellError {
    /// A `'` or `"` (or `$'`) quote is never closed.
    #[error("unbalanced quotes: the {quote} opened at character {position} is never closed")]
    UnbalancedQuote { quote: char, position: usize },
    /// Something a shell would expand or treat as an operator: `$VAR`,
    /// `$(...)`, backquotes, `|`, `;`, `&`, `<`, `>`, `(`, `)`.
    #[error("unsupported shell syntax {syntax:?} at character {position}: only one command with literal arguments can run here; quote the value if it is meant literally")]
    Unsupported { syntax: String, position: usize },
}

/// Whether a word needs no quotes: the characters Python's `shlex.quote`
/// leaves bare.
fn is_safe(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c))
}

/// Quotes a word for a POSIX shell, only when needed: single quotes, with
/// `'\''` for an embedded single quote.
pub fn quote(word: &str) -> String {
    if is_safe(word) {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len() + 2);
    out.push('\'');
    for c in word.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Joins words into a command line, quoting each as needed.
pub fn join<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| quote(w.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn starts_expansion(next: Option<char>) -> bool {
    next.is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?$!".contains(c))
}

/// Splits a command line into words as a POSIX shell does: blanks separate
/// words; `'...'` is literal; `"..."` is literal except `\` before `$`, `` ` ``,
/// `"`, `\` and newline; `\` outside quotes escapes the next character
/// (and joins lines before a newline); `$'...'` takes C escapes; `#` at the
/// start of a word begins a comment. Expansions and operators are refused.
pub fn split(line: &str) -> Result<Vec<String>, ShellError> {
    let chars: Vec<char> = line.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut i = 0;
    let unsupported = |syntax: &str, position: usize| ShellError::Unsupported {
        syntax: syntax.to_owned(),
        position,
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
                i += 1;
            }
            '#' if !in_word => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                in_word = true;
                let start = i;
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(ShellError::UnbalancedQuote {
                                quote: '\'',
                                position: start,
                            })
                        }
                        Some('\'') => break,
                        Some(&c) => word.push(c),
                    }
                    i += 1;
                }
                i += 1;
            }
            '"' => {
                in_word = true;
                let start = i;
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(ShellError::UnbalancedQuote {
                                quote: '"',
                                position: start,
                            })
                        }
                        Some('"') => break,
                        Some('\\') => match chars.get(i + 1) {
                            Some('\n') => i += 1,
                            Some(&e @ ('$' | '`' | '"' | '\\')) => {
                                word.push(e);
                                i += 1;
                            }
                            _ => word.push('\\'),
                        },
                        Some('`') => return Err(unsupported("`", i)),
                        Some('$') if starts_expansion(chars.get(i + 1).copied()) => {
                            return Err(unsupported(&format!("${}", chars[i + 1]), i))
                        }
                        Some(&c) => word.push(c),
                    }
                    i += 1;
                }
                i += 1;
            }
            '\\' => {
                match chars.get(i + 1) {
                    Some('\n') => {}
                    Some(&e) => {
                        in_word = true;
                        word.push(e);
                    }
                    None => {
                        in_word = true;
                        word.push('\\');
                    }
                }
                i += 2;
            }
            '$' if chars.get(i + 1) == Some(&'\'') => {
                in_word = true;
                let start = i;
                i = ansi_c_quote(&chars, i + 2, &mut word).ok_or(ShellError::UnbalancedQuote {
                    quote: '\'',
                    position: start,
                })?;
            }
            '$' if starts_expansion(chars.get(i + 1).copied()) => {
                return Err(unsupported(&format!("${}", chars[i + 1]), i))
            }
            '`' | '|' | ';' | '&' | '<' | '>' | '(' | ')' => {
                return Err(unsupported(&c.to_string(), i));
            }
            _ => {
                in_word = true;
                word.push(c);
                i += 1;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// Reads the body of `$'...'` from `i`; returns the index after the closing
/// quote, or None when it is not closed.
fn ansi_c_quote(chars: &[char], mut i: usize, word: &mut String) -> Option<usize> {
    let hex = |chars: &[char], from: usize, max: usize| {
        let digits: String = chars[from.min(chars.len())..]
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        let value = u32::from_str_radix(&digits, 16).ok();
        (value, digits.len())
    };
    loop {
        match chars.get(i)? {
            '\'' => return Some(i + 1),
            '\\' => {
                let e = *chars.get(i + 1)?;
                i += 2;
                let simple = match e {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    'e' | 'E' => Some('\u{1b}'),
                    'f' => Some('\u{c}'),
                    'v' => Some('\u{b}'),
                    '\\' | '\'' | '"' | '?' => Some(e),
                    _ => None,
                };
                if let Some(c) = simple {
                    word.push(c);
                    continue;
                }
                let (value, used) = match e {
                    'x' => hex(chars, i, 2),
                    'u' => hex(chars, i, 4),
                    'U' => hex(chars, i, 8),
                    '0'..='7' => {
                        let digits: String = std::iter::once(e)
                            .chain(chars[i..].iter().copied().take(2))
                            .take_while(|c| ('0'..='7').contains(c))
                            .collect();
                        let used = digits.len() - 1;
                        (u32::from_str_radix(&digits, 8).ok(), used)
                    }
                    _ => (None, 0),
                };
                match value.and_then(char::from_u32) {
                    Some(c) if used > 0 || e.is_ascii_digit() => {
                        word.push(c);
                        i += used;
                    }
                    _ => {
                        word.push('\\');
                        word.push(e);
                    }
                }
            }
            &c => {
                word.push(c);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_words_stay_bare_and_others_are_single_quoted() {
        assert_eq!(quote("BILLING"), "BILLING");
        assert_eq!(quote("bill@example.com"), "bill@example.com");
        assert_eq!(quote("--title=-x"), "--title=-x");
        assert_eq!(quote("Bill Ing"), "'Bill Ing'");
        assert_eq!(quote("+1 555-555-5555"), "'+1 555-555-5555'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("O'Neil"), "'O'\\''Neil'");
        assert_eq!(quote("$HOME"), "'$HOME'");
        assert_eq!(quote("東京"), "'東京'");
        assert_eq!(quote("~"), "'~'");
    }

    #[test]
    fn split_reads_quotes_and_escapes_like_a_shell() {
        let words =
            split(r#"aws account put-account-name --account-name 'a b'"c \" \$ \x"d\ e"#).unwrap();
        assert_eq!(
            words,
            [
                "aws",
                "account",
                "put-account-name",
                "--account-name",
                "a bc \" $ \\xd e"
            ]
        );
        assert_eq!(split("a 'it'\\''s' b").unwrap(), ["a", "it's", "b"]);
        assert_eq!(split("  ").unwrap(), Vec::<String>::new());
        assert_eq!(split("a '' b").unwrap(), ["a", "", "b"]);
        assert_eq!(split("a \\\n b # comment\nc").unwrap(), ["a", "b", "c"]);
        assert_eq!(split("a#b").unwrap(), ["a#b"]);
        assert_eq!(split("$'a\\nb\\x41\\u00e9\\''").unwrap(), ["a\nbAé'"]);
        assert_eq!(split("cost $ 5").unwrap(), ["cost", "$", "5"]);
    }

    #[test]
    fn split_reports_unbalanced_quotes_with_their_position() {
        assert_eq!(
            split("aws 'abc"),
            Err(ShellError::UnbalancedQuote {
                quote: '\'',
                position: 4
            })
        );
        assert_eq!(
            split("x \"a\\\""),
            Err(ShellError::UnbalancedQuote {
                quote: '"',
                position: 2
            })
        );
    }

    #[test]
    fn split_refuses_expansions_and_operators() {
        for line in [
            "echo $HOME",
            "echo \"$(id)\"",
            "a | jq",
            "a; b",
            "a && b",
            "echo `id`",
            "a > f",
        ] {
            assert!(
                matches!(split(line), Err(ShellError::Unsupported { .. })),
                "{line}"
            );
        }
        assert_eq!(split("'$HOME' \"a|b\"").unwrap(), ["$HOME", "a|b"]);
    }

    #[test]
    fn quoted_words_split_back_to_themselves() {
        for word in [
            "",
            "plain",
            "two words",
            "it's",
            "''",
            "\\",
            "a\nb",
            "$x `y` \"z\"",
            "ünï 東京 🎉",
            "#hash",
        ] {
            assert_eq!(split(&quote(word)).unwrap(), [word], "{word:?}");
        }
    }
}
