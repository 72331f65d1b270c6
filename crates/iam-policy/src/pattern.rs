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
            _ => {}
        }
        let text = text.as_bytes();
        if self.variables.len() <= STACK_VARIABLES {
            let mut resolved = [""; STACK_VARIABLES];
            for (slot, variable) in resolved.iter_mut().zip(&self.variables) {
                match variable.resolve(request) {
                    Some(value) => *slot = value,
                    None => return false,
                }
            }
            self.run(&resolved, text)
        } else {
            let resolved: Option<Vec<&str>> =
                self.variables.iter().map(|v| v.resolve(request)).collect();
            resolved.is_some_and(|resolved| self.run(&resolved, text))
        }
    }

    fn run(&self, resolved: &[&str], text: &[u8]) -> bool {
        glob_match(
            self.tokens.len(),
            |at| match &self.tokens[at] {
                Token::Literal(literal) => Unit::Literal(literal.as_bytes()),
                Token::Variable(index) => Unit::Literal(resolved[*index].as_bytes()),
                Token::AnyChar { colon } => Unit::AnyChar { colon: *colon },
                Token::Star { colon } => Unit::Star { colon: *colon },
            },
            text,
        )
    }
}

#[derive(Clone, Copy)]
enum Unit<'a> {
    Literal(&'a [u8]),
    AnyChar { colon: bool },
    Star { colon: bool },
}

/// A place in a pattern: a token and a byte offset inside its literal.
#[derive(Clone, Copy)]
struct Cursor {
    token: usize,
    offset: usize,
}

enum Step {
    Byte(u8),
    AnyChar { colon: bool },
    Star { colon: bool },
}

/// Wildcard matching in linear space with two backtracking points: the
/// latest `*` that may cross colons, and the latest one that may not. Once
/// a literal colon has matched after a segment-bound `*`, that `*` can never
/// grow past it, so only the colon-crossing point is kept. Like the classic
/// single-point algorithm, a later `*` of either kind can absorb whatever
/// an earlier one of the same reach would, so older points are dropped.
fn glob_match<'a>(tokens: usize, unit: impl Fn(usize) -> Unit<'a>, text: &[u8]) -> bool {
    let step = |mut at: Cursor| -> Option<(Step, Cursor)> {
        while at.token < tokens {
            let next = Cursor {
                token: at.token + 1,
                offset: 0,
            };
            match unit(at.token) {
                Unit::Literal(bytes) if at.offset < bytes.len() => {
                    let after = Cursor {
                        offset: at.offset + 1,
                        ..at
                    };
                    return Some((Step::Byte(bytes[at.offset]), after));
                }
                Unit::Literal(_) => at = next,
                Unit::AnyChar { colon } => return Some((Step::AnyChar { colon }, next)),
                Unit::Star { colon } => return Some((Step::Star { colon }, next)),
            }
        }
        None
    };
    let mut at = Cursor {
        token: 0,
        offset: 0,
    };
    let mut position = 0;
    let mut crossing: Option<(Cursor, usize)> = None;
    let mut bounded: Option<(Cursor, usize)> = None;
    loop {
        if position == text.len() {
            let mut rest = at;
            loop {
                match step(rest) {
                    None => return true,
                    Some((Step::Star { .. }, next)) => rest = next,
                    Some(_) => return false,
                }
            }
        }
        let current = text[position];
        match step(at) {
            Some((Step::Star { colon }, next)) => {
                if colon {
                    crossing = Some((next, position));
                    bounded = None;
                } else {
                    bounded = Some((next, position));
                }
                at = next;
                continue;
            }
            Some((Step::Byte(byte), next)) if byte == current => {
                if byte == b':' {
                    bounded = None;
                }
                at = next;
                position += 1;
                continue;
            }
            Some((Step::AnyChar { colon }, next)) if colon || current != b':' => {
                at = next;
                position += char_length(current);
                continue;
            }
            _ => {}
        }
        if let Some((resume, start)) = bounded {
            if text[start] != b':' {
                let start = start + char_length(text[start]);
                bounded = Some((resume, start));
                at = resume;
                position = start;
                continue;
            }
            bounded = None;
        }
        match crossing {
            Some((resume, start)) => {
                let start = start + char_length(text[start]);
                crossing = Some((resume, start));
                at = resume;
                position = start;
            }
            None => return false,
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
