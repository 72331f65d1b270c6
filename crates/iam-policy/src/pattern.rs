//! The text patterns of the policy language: policy variables (`${…}`) and
//! the `*` and `?` wildcards. Patterns are compiled once, when a policy is
//! parsed; matching allocates nothing unless a pattern holds more than
//! [`STACK_VARIABLES`] variables.

use crate::request::Request;

/// A policy variable, `${aws:username}` or `${aws:PrincipalTag/team, 'none'}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variable {
    /// The condition key, ASCII-lowercased: keys are case-insensitive.
    key: Box<str>,
    default: Option<Box<str>>,
}

impl Variable {
    fn resolve<'a>(&'a self, request: &'a Request) -> Option<&'a str> {
        request.variable(&self.key).or(self.default.as_deref())
    }
}

/// A run of pattern source: text whose wildcards count, text that an
/// escape (`${*}`, `${?}`, `${$}`) made literal, or a variable.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'s> {
    Text(&'s str),
    Escaped(&'s str),
    Variable(Variable),
}

/// Splits a policy value into pieces. Without `variables` (a policy of
/// Version 2008-10-17 or none) every `${…}` is plain text. A `${` that is
/// not closed, or whose default is not single-quoted, is plain text too.
fn pieces(source: &str, variables: bool) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find("${").filter(|_| variables) {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        let inner = &rest[start + 2..start + length];
        let piece = match inner {
            "*" | "?" | "$" => Some(Piece::Escaped(inner)),
            _ => variable(inner).map(Piece::Variable),
        };
        match piece {
            Some(piece) => {
                if start > 0 {
                    pieces.push(Piece::Text(&rest[..start]));
                }
                pieces.push(piece);
            }
            None => pieces.push(Piece::Text(&rest[..start + length + 1])),
        }
        rest = &rest[start + length + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

fn variable(inner: &str) -> Option<Variable> {
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => {
            let quoted = default.trim();
            let default = quoted.strip_prefix('\'')?.strip_suffix('\'')?;
            (key.trim(), Some(default.into()))
        }
        None => (inner.trim(), None),
    };
    if key.is_empty() {
        return None;
    }
    Some(Variable {
        key: key.to_ascii_lowercase().into(),
        default,
    })
}

/// A value compared whole (StringEquals and its kin): text and variables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Template {
    Fixed(Box<str>),
    Parts(Vec<Part>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Text(Box<str>),
    Variable(Variable),
}

impl Template {
    pub(crate) fn compile(source: &str, variables: bool) -> Self {
        let pieces = pieces(source, variables);
        if !pieces.iter().any(|p| matches!(p, Piece::Variable(_))) {
            let mut text = String::with_capacity(source.len());
            for piece in &pieces {
                if let Piece::Text(t) | Piece::Escaped(t) = piece {
                    text.push_str(t);
                }
            }
            return Self::Fixed(text.into());
        }
        Self::Parts(
            pieces
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(t) | Piece::Escaped(t) => Part::Text(t.into()),
                    Piece::Variable(v) => Part::Variable(v),
                })
                .collect(),
        )
    }

    /// Whether `text` equals the resolved template; an unresolved variable
    /// means no match. `ignore_case` folds ASCII only.
    pub(crate) fn equals(&self, text: &str, request: &Request, ignore_case: bool) -> bool {
        let same = |a: &str, b: &str| {
            if ignore_case {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        match self {
            Self::Fixed(fixed) => same(fixed, text),
            Self::Parts(parts) => {
                let mut rest = text;
                for part in parts {
                    let expected = match part {
                        Part::Text(t) => t,
                        Part::Variable(v) => match v.resolve(request) {
                            Some(value) => value,
                            None => return false,
                        },
                    };
                    match rest.get(..expected.len()) {
                        Some(head) if same(head, expected) => rest = &rest[expected.len()..],
                        _ => return false,
                    }
                }
                rest.is_empty()
            }
        }
    }
}

/// Where a pattern's wildcards may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wildcards {
    /// Actions and StringLike: `*` and `?` match any character.
    Anywhere,
    /// Resource and NotResource: wildcards stay inside a colon-separated
    /// segment, except a `*` that ends a segment (or the pattern), which
    /// may reach past colons.
    ResourceSegments,
    /// ArnLike/ArnEquals: each of the six segments is matched on its own;
    /// the last one (the resource) may contain colons.
    ArnSegments,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Literal(Box<str>),
    /// An index into `Glob::variables`.
    Variable(usize),
    /// `?`: one character; a colon only when `colon` is set.
    AnyChar {
        colon: bool,
    },
    /// `*`: any run of characters; across colons only when `colon` is set.
    Star {
        colon: bool,
    },
}

/// A compiled wildcard pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glob {
    tokens: Vec<Token>,
    variables: Vec<Variable>,
}

/// Patterns with at most this many variables resolve them on the stack.
const STACK_VARIABLES: usize = 8;

impl Glob {
    /// Compiles `source`. With `lowercase`, literal text is ASCII-lowercased
    /// so that it can be matched against lowercased text (actions).
    pub(crate) fn compile(
        source: &str,
        wildcards: Wildcards,
        variables: bool,
        lowercase: bool,
    ) -> Self {
        let mut glob = Self {
            tokens: Vec::new(),
            variables: Vec::new(),
        };
        let mut literal = String::new();
        // Colons seen so far in the source's text, for ArnSegments.
        let mut colons = 0;
        for piece in pieces(source, variables) {
            match piece {
                Piece::Text(text) => {
                    for c in text.chars() {
                        let last_segment = wildcards != Wildcards::ArnSegments || colons >= 5;
                        match c {
                            '*' => {
                                glob.flush(&mut literal, lowercase);
                                if !matches!(glob.tokens.last(), Some(Token::Star { .. })) {
                                    glob.tokens.push(Token::Star {
                                        colon: wildcards == Wildcards::Anywhere || last_segment,
                                    });
                                }
                            }
                            '?' => {
                                glob.flush(&mut literal, lowercase);
                                glob.tokens.push(Token::AnyChar {
                                    colon: wildcards == Wildcards::Anywhere
                                        || wildcards == Wildcards::ArnSegments && last_segment,
                                });
                            }
                            _ => {
                                colons += usize::from(c == ':');
                                literal.push(c);
                            }
                        }
                    }
                }
                Piece::Escaped(text) => literal.push_str(text),
                Piece::Variable(variable) => {
                    glob.flush(&mut literal, lowercase);
                    glob.tokens.push(Token::Variable(glob.variables.len()));
                    glob.variables.push(variable);
                }
            }
        }
        glob.flush(&mut literal, lowercase);
        if wildcards == Wildcards::ResourceSegments {
            glob.mark_segment_ends();
        }
        glob
    }

    fn flush(&mut self, literal: &mut String, lowercase: bool) {
        if literal.is_empty() {
            return;
        }
        if lowercase {
            literal.make_ascii_lowercase();
        }
        self.tokens
            .push(Token::Literal(std::mem::take(literal).into_boxed_str()));
    }

    /// A `*` followed by a colon or by nothing ends its segment and may
    /// reach past colons; every other `*` of a resource stays in its segment.
    fn mark_segment_ends(&mut self) {
        for at in 0..self.tokens.len() {
            if let Token::Star { .. } = self.tokens[at] {
                let ends_segment = match self.tokens.get(at + 1) {
                    None => true,
                    Some(Token::Literal(text)) => text.starts_with(':'),
                    Some(_) => false,
                };
                self.tokens[at] = Token::Star {
                    colon: ends_segment,
                };
            }
        }
    }

    /// Whether `text` matches; an unresolved variable means no match.
    pub(crate) fn matches(&self, text: &str, request: &Request) -> bool {
        match self.tokens.as_slice() {
            [Token::Star { colon: true }] => return true,
            [Token::Literal(literal)] => return **literal == *text,
            [.., Token::Literal(last)] if !text.ends_with(&**last) => return false,
            _ => {}
        }
        let text = text.as_bytes();
        if self.variables.is_empty() {
            return glob_match(&self.tokens, &[], text);
        }
        if self.variables.len() <= STACK_VARIABLES {
            let mut resolved = [""; STACK_VARIABLES];
            for (slot, variable) in resolved.iter_mut().zip(&self.variables) {
                match variable.resolve(request) {
                    Some(value) => *slot = value,
                    None => return false,
                }
            }
            glob_match(&self.tokens, &resolved, text)
        } else {
            let resolved: Option<Vec<&str>> =
                self.variables.iter().map(|v| v.resolve(request)).collect();
            resolved.is_some_and(|resolved| glob_match(&self.tokens, &resolved, text))
        }
    }
}

/// Wildcard matching in constant space with two backtracking points: the
/// latest `*` that may cross colons, and the latest one that may not. As in
/// the classic single-point algorithm, a later `*` absorbs whatever an
/// earlier one of the same reach would, so older points are dropped; a
/// segment-bound `*` is given up when it would have to swallow a colon, and
/// the search falls back to the colon-crossing one. Literals compare whole.
fn glob_match(tokens: &[Token], resolved: &[&str], text: &[u8]) -> bool {
    let mut at = 0;
    let mut position = 0;
    let mut crossing: Option<(usize, usize)> = None;
    let mut bounded: Option<(usize, usize)> = None;
    loop {
        let rest = &text[position..];
        let advanced = match tokens.get(at) {
            Some(Token::Star { colon: true }) if at + 1 == tokens.len() => return true,
            Some(Token::Star { colon }) => {
                if *colon {
                    crossing = Some((at + 1, position));
                    bounded = None;
                } else {
                    bounded = Some((at + 1, position));
                }
                at += 1;
                continue;
            }
            Some(Token::Literal(literal)) => rest
                .starts_with(literal.as_bytes())
                .then_some(literal.len()),
            Some(Token::Variable(index)) => {
                let value = resolved[*index].as_bytes();
                rest.starts_with(value).then_some(value.len())
            }
            Some(Token::AnyChar { colon }) => rest
                .first()
                .filter(|&&lead| *colon || lead != b':')
                .map(|&lead| char_length(lead)),
            None if rest.is_empty() => return true,
            None => None,
        };
        if let Some(length) = advanced {
            at += 1;
            position += length;
            continue;
        }
        if let Some((resume, start)) = bounded {
            if start < text.len() && text[start] != b':' {
                let start = start + char_length(text[start]);
                bounded = Some((resume, start));
                (at, position) = (resume, start);
                continue;
            }
            bounded = None;
        }
        match crossing {
            Some((resume, start)) if start < text.len() => {
                let start = start + char_length(text[start]);
                crossing = Some((resume, start));
                (at, position) = (resume, start);
            }
            _ => return false,
        }
    }
}

/// The length of the UTF-8 character that starts with `lead`.
fn char_length(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}
