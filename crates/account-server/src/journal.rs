//! The journal's format: the server's own record of the changes made since
//! a snapshot, so a change costs one appended record instead of a rewrite
//! of the whole state (the layout is documented in this crate's README).
//!
//! What is journaled is the request, not its effect: the engine is
//! deterministic given its clock and inputs, so a request run again at its
//! recorded time, on the state it first ran on, changes that state exactly
//! as it did then. So every request that changed the state is journaled: a
//! successful mutating operation, and any request whose footprint shows a
//! change (a read that settled region changes or email updates, or created
//! the caller's account); it is answered only once its record is synced, so
//! what a client has seen survives a crash. A refused request changes
//! nothing else, for the engine validates before it changes anything.
//! Requests that changed nothing are left out: run again, they would change
//! nothing either. Settling that no request asked for needs no record: it
//! depends only on the clock, and the next record, or the restore at
//! start-up, settles the same changes in the same order, with the same ids.
//! Request ids are not state, so replaying fewer reads changes nothing.
//!
//! The only other changes are the command line's own: the set-up at start
//! (the demo organization) and a reset. Both are records too, replayed
//! under the [`Settings`] in the journal's header.
//!
//! Each record is framed by its length and a CRC-32 of length and payload,
//! so a record cut short or garbled by a crash mid-append is recognised,
//! and reading stops there.

use std::net::IpAddr;

use account_engine::{Engine, Millis, WireResponse};
use serde::{Deserialize, Serialize};

use crate::settings::Settings;

/// The first bytes of every journal; the number is the format's version.
pub const MAGIC: &[u8] = b"account-server journal 1\n";

/// Length and checksum before each payload.
const FRAME_BYTES: usize = 8;

/// The snapshot a journal continues, named by its size and CRC-32: the
/// state file is replaced whole, so comparing these tells whether it is the
/// snapshot the journal was started on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Base {
    pub bytes: u64,
    pub crc32: u32,
}

impl Base {
    pub fn of(snapshot: &str) -> Self {
        Self {
            bytes: snapshot.len() as u64,
            crc32: crc32fast::hash(snapshot.as_bytes()),
        }
    }
}

/// The first record of a journal, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub base: Base,
    pub settings: Settings,
}

/// What a record asks the engine to do again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request<'a> {
    /// A restJson1 request to `Engine::handle`.
    Account {
        caller: &'a str,
        path: &'a str,
        body: &'a [u8],
    },
    /// A JSON 1.1 request to `Engine::handle_organizations`.
    Organizations {
        caller: &'a str,
        target: &'a str,
        body: &'a [u8],
    },
    /// A Query request to `Engine::handle_query`: its body names the
    /// operation.
    Query { caller: &'a str, body: &'a [u8] },
    /// `Settings::start_over`: `/_sandbox/reset`.
    Reset,
    /// `Settings::set_up`: the demo organization created at start.
    SetUp,
}

impl Request<'_> {
    /// Runs the request on `engine`, made with `settings`: the one way both
    /// live requests and replay reach the engine. Returns the answer of an
    /// API request.
    pub fn run(
        self,
        engine: &mut Engine,
        settings: &Settings,
        from: Option<IpAddr>,
    ) -> Option<WireResponse> {
        engine.set_origin(settings.origin(from));
        match self {
            Self::Account { caller, path, body } => Some(engine.handle(caller, path, body)),
            Self::Organizations {
                caller,
                target,
                body,
            } => Some(engine.handle_organizations(caller, target, body)),
            Self::Query { caller, body } => Some(engine.handle_query(caller, body)),
            Self::Reset => {
                settings.start_over(engine);
                None
            }
            Self::SetUp => {
                settings.set_up(engine);
                None
            }
        }
    }
}

/// A request, the time it was served at, and the address it came from
/// (`aws:SourceIp`), which policies may read, so replay needs it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record<'a> {
    pub at: Millis,
    pub from: Option<IpAddr>,
    pub request: Request<'a>,
}

const ACCOUNT: u8 = 1;
const ORGANIZATIONS: u8 = 2;
const RESET: u8 = 3;
const SET_UP: u8 = 4;
const QUERY: u8 = 5;
/// Before the kind: the peer address, as text after its length. Records
/// without it (the set-up, a reset, journals from before it) have no peer.
const FROM: u8 = 6;

/// Why reading a journal stopped before its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("it does not begin like a journal")]
    NotAJournal,
    #[error("the record at byte {at} is cut short")]
    CutShort { at: usize },
    #[error("the record at byte {at} fails its checksum")]
    Checksum { at: usize },
    #[error("the record at byte {at} is not a record ({why})")]
    Malformed { at: usize, why: &'static str },
}

/// Appends one framed payload.
fn frame(payload: &[u8], out: &mut Vec<u8>) {
    let length = u32::try_from(payload.len())
        .expect("records are far below 4 GiB")
        .to_le_bytes();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&length);
    crc.update(payload);
    out.extend_from_slice(&length);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(payload);
}

/// The start of a journal: its magic and its header record.
pub fn begin(header: &Header) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    frame(
        &serde_json::to_vec(header).expect("a header serializes"),
        &mut out,
    );
    out
}

impl Record<'_> {
    /// Appends the framed record to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let mut payload = Vec::with_capacity(64);
        payload.extend_from_slice(&self.at.to_le_bytes());
        if let Some(from) = self.from {
            payload.push(FROM);
            with_length(&mut payload, &from.to_string());
        }
        match self.request {
            Request::Account { caller, path, body } => {
                payload.push(ACCOUNT);
                routed(&mut payload, caller, path, body);
            }
            Request::Organizations {
                caller,
                target,
                body,
            } => {
                payload.push(ORGANIZATIONS);
                routed(&mut payload, caller, target, body);
            }
            Request::Query { caller, body } => {
                payload.push(QUERY);
                with_length(&mut payload, caller);
                payload.extend_from_slice(body);
            }
            Request::Reset => payload.push(RESET),
            Request::SetUp => payload.push(SET_UP),
        }
        frame(&payload, out);
    }
}

/// Caller and route with their lengths, then the body to the end.
fn routed(payload: &mut Vec<u8>, caller: &str, route: &str, body: &[u8]) {
    with_length(payload, caller);
    with_length(payload, route);
    payload.extend_from_slice(body);
}

/// A header value after its length, as [`text`] reads it.
fn with_length(payload: &mut Vec<u8>, text: &str) {
    let length = u32::try_from(text.len()).expect("header values are far below 4 GiB");
    payload.extend_from_slice(&length.to_le_bytes());
    payload.extend_from_slice(text.as_bytes());
}

/// A journal as read: every record up to the first damaged one.
#[derive(Debug)]
pub struct Journal<'a> {
    pub header: Header,
    pub records: Vec<Record<'a>>,
    /// Bytes up to the end of the last good record.
    pub intact: usize,
    /// Why reading stopped early, if it did.
    pub damage: Option<Damage>,
}

/// Reads a journal. Fails only if even its header is unusable; damage
/// after the header ends the records and is reported with them.
pub fn read(bytes: &[u8]) -> Result<Journal<'_>, Damage> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(Damage::NotAJournal)?;
    let mut frames = Frames {
        bytes,
        at: bytes.len() - rest.len(),
    };
    let at = frames.at;
    let header = frames.next().ok_or(Damage::CutShort { at })??;
    let header = serde_json::from_slice(header).map_err(|_| Damage::Malformed {
        at,
        why: "the header is not JSON",
    })?;
    let mut journal = Journal {
        header,
        records: Vec::new(),
        intact: frames.at,
        damage: None,
    };
    while let Some(payload) = frames.next() {
        match payload.and_then(|payload| decode(payload, journal.intact)) {
            Ok(record) => {
                journal.records.push(record);
                journal.intact = frames.at;
            }
            Err(damage) => {
                journal.damage = Some(damage);
                break;
            }
        }
    }
    Ok(journal)
}

/// The payloads of a byte string of frames, checked.
struct Frames<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Frames<'a> {
    type Item = Result<&'a [u8], Damage>;

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.at;
        let rest = &self.bytes[at..];
        if rest.is_empty() {
            return None;
        }
        let Some((head, rest)) = rest.split_first_chunk::<FRAME_BYTES>() else {
            return Some(Err(Damage::CutShort { at }));
        };
        let [l0, l1, l2, l3, c0, c1, c2, c3] = *head;
        let length = [l0, l1, l2, l3];
        let Some(payload) = usize::try_from(u32::from_le_bytes(length))
            .ok()
            .and_then(|length| rest.get(..length))
        else {
            return Some(Err(Damage::CutShort { at }));
        };
        let mut crc = crc32fast::Hasher::new();
        crc.update(&length);
        crc.update(payload);
        if crc.finalize() != u32::from_le_bytes([c0, c1, c2, c3]) {
            return Some(Err(Damage::Checksum { at }));
        }
        self.at = at + FRAME_BYTES + payload.len();
        Some(Ok(payload))
    }
}

fn decode(payload: &[u8], at: usize) -> Result<Record<'_>, Damage> {
    let malformed = |why| Damage::Malformed { at, why };
    let (time, rest) = payload
        .split_first_chunk::<8>()
        .ok_or(malformed("no time"))?;
    let (&kind, rest) = rest.split_first().ok_or(malformed("no kind"))?;
    let (from, kind, rest) = if kind == FROM {
        let (from, rest) = text(rest).ok_or(malformed("a bad address"))?;
        let from = from.parse().map_err(|_| malformed("a bad address"))?;
        let (&kind, rest) = rest.split_first().ok_or(malformed("no kind"))?;
        (Some(from), kind, rest)
    } else {
        (None, kind, rest)
    };
    let request = match kind {
        ACCOUNT | ORGANIZATIONS => {
            let (caller, rest) = text(rest).ok_or(malformed("a bad caller"))?;
            let (route, body) = text(rest).ok_or(malformed("a bad route"))?;
            if kind == ACCOUNT {
                Request::Account {
                    caller,
                    path: route,
                    body,
                }
            } else {
                Request::Organizations {
                    caller,
                    target: route,
                    body,
                }
            }
        }
        QUERY => {
            let (caller, body) = text(rest).ok_or(malformed("a bad caller"))?;
            Request::Query { caller, body }
        }
        RESET if rest.is_empty() => Request::Reset,
        SET_UP if rest.is_empty() => Request::SetUp,
        _ => return Err(malformed("an unknown kind")),
    };
    Ok(Record {
        at: Millis::from_le_bytes(*time),
        from,
        request,
    })
}

/// A length-prefixed UTF-8 string, and what follows it.
fn text(bytes: &[u8]) -> Option<(&str, &[u8])> {
    let (length, rest) = bytes.split_first_chunk::<4>()?;
    let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
    let text = rest.get(..length)?;
    Some((std::str::from_utf8(text).ok()?, &rest[length..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn header() -> Header {
        Header {
            base: Base::of("{}"),
            settings: Settings::default(),
        }
    }

    fn sample() -> Vec<Record<'static>> {
        vec![
            Record {
                at: 1_700_000_000_000,
                from: Some(IpAddr::from([192, 0, 2, 7])),
                request: Request::Account {
                    caller: "111122223333",
                    path: "/putAccountName",
                    body: br#"{"AccountName": "A"}"#,
                },
            },
            Record {
                at: 1_700_000_000_001,
                from: Some("2001:db8::1".parse().unwrap()),
                request: Request::Organizations {
                    caller: "",
                    target: "AWSOrganizationsV20161128.CreateOrganization",
                    body: b"",
                },
            },
            Record {
                at: 1_700_000_000_002,
                from: None,
                request: Request::Query {
                    caller: "AKIAIOSFODNN7EXAMPLE",
                    body: b"Action=GetCallerIdentity&Version=2011-06-15",
                },
            },
            Record {
                at: -5,
                from: None,
                request: Request::Reset,
            },
            Record {
                at: 0,
                from: None,
                request: Request::SetUp,
            },
        ]
    }

    fn journal_of(records: &[Record]) -> Vec<u8> {
        let mut bytes = begin(&header());
        for record in records {
            record.encode(&mut bytes);
        }
        bytes
    }

    #[test]
    fn records_read_back_as_written() {
        let bytes = journal_of(&sample());
        let journal = read(&bytes).unwrap();
        assert_eq!(journal.header, header());
        assert_eq!(journal.records, sample());
        assert_eq!((journal.intact, journal.damage), (bytes.len(), None));
    }

    #[test]
    fn a_journal_of_only_its_header_has_no_records() {
        let bytes = begin(&header());
        let journal = read(&bytes).unwrap();
        assert!(journal.records.is_empty());
        assert_eq!(journal.intact, bytes.len());
    }

    #[test]
    fn a_file_without_a_whole_header_is_not_a_journal() {
        let bytes = begin(&header());
        assert_eq!(read(b"").unwrap_err(), Damage::NotAJournal);
        assert_eq!(read(b"{\"accounts\"").unwrap_err(), Damage::NotAJournal);
        assert_eq!(
            read(MAGIC).unwrap_err(),
            Damage::CutShort { at: MAGIC.len() }
        );
        assert_eq!(
            read(&bytes[..bytes.len() - 1]).unwrap_err(),
            Damage::CutShort { at: MAGIC.len() }
        );
    }

    #[test]
    fn a_flipped_bit_fails_the_checksum_and_ends_the_records() {
        let good = journal_of(&sample()[..1]);
        let mut bytes = journal_of(&sample());
        bytes[good.len() + FRAME_BYTES + 3] ^= 0x10;
        let journal = read(&bytes).unwrap();
        assert_eq!(journal.records, sample()[..1]);
        assert_eq!(journal.intact, good.len());
        assert_eq!(journal.damage, Some(Damage::Checksum { at: good.len() }));
    }

    #[test]
    fn zeros_after_the_records_are_damage_not_records() {
        // What a file system may show after a crash extended the file.
        let good = journal_of(&sample());
        let mut bytes = good.clone();
        bytes.extend_from_slice(&[0; 64]);
        let journal = read(&bytes).unwrap();
        assert_eq!(journal.records, sample());
        assert_eq!(journal.damage, Some(Damage::Checksum { at: good.len() }));
    }

    #[test]
    fn a_well_framed_payload_that_is_no_record_is_damage() {
        let good = journal_of(&sample());
        for (payload, why) in [
            (&b"1234567"[..], "no time"),
            (b"12345678", "no kind"),
            (b"12345678\x09", "an unknown kind"),
            (b"12345678\x03extra", "an unknown kind"),
            (b"12345678\x01\x05\x00\x00\x00abc", "a bad caller"),
            (b"12345678\x05\x01\x00\x00\x00\xff", "a bad caller"),
            (
                b"12345678\x01\x00\x00\x00\x00\x02\x00\x00\x00\xff\xfe",
                "a bad route",
            ),
        ] {
            let mut bytes = good.clone();
            frame(payload, &mut bytes);
            let journal = read(&bytes).unwrap();
            assert_eq!(journal.records, sample());
            assert_eq!(
                journal.damage,
                Some(Damage::Malformed {
                    at: good.len(),
                    why
                })
            );
        }
    }

    fn request() -> impl Strategy<Value = (u8, String, String, Vec<u8>)> {
        (
            0..5u8,
            ".{0,20}",
            ".{0,40}",
            proptest::collection::vec(any::<u8>(), 0..200),
        )
    }

    proptest! {
        #[test]
        fn any_records_cut_anywhere_read_back_as_the_whole_ones_before_the_cut(
            requests in proptest::collection::vec((any::<i64>(), request()), 0..12),
            cut in any::<proptest::sample::Index>(),
        ) {
            let records: Vec<Record> = requests
                .iter()
                .map(|(at, (kind, caller, route, body))| Record {
                    at: *at,
                    from: (*at % 2 == 0).then(|| IpAddr::from((*at as u32).to_be_bytes())),
                    request: match kind {
                        0 => Request::Account { caller, path: route, body },
                        1 => Request::Organizations { caller, target: route, body },
                        2 => Request::Query { caller, body },
                        3 => Request::Reset,
                        _ => Request::SetUp,
                    },
                })
                .collect();
            let mut bytes = begin(&header());
            let mut ends = vec![bytes.len()];
            for record in &records {
                record.encode(&mut bytes);
                ends.push(bytes.len());
            }
            let whole = read(&bytes).unwrap();
            prop_assert_eq!(&whole.records, &records);

            let cut = ends[0] + cut.index(bytes.len() - ends[0] + 1);
            let journal = read(&bytes[..cut]).unwrap();
            let kept = ends.iter().rposition(|&end| end <= cut).unwrap();
            prop_assert_eq!(&journal.records[..], &records[..kept]);
            prop_assert_eq!(journal.intact, ends[kept]);
            prop_assert_eq!(journal.damage.is_some(), cut != ends[kept]);
        }
    }
}
