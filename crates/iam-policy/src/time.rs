//! Instants for the Date operators, without a date-time crate: the policy
//! side follows IAM's legacy parser (an ISO 8601 text, or whole epoch
//! seconds), the request side also takes fractional epoch seconds.

use std::fmt;

/// An instant: seconds and nanoseconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    seconds: i64,
    nanos: u32,
}

// The years IAM's legacy parser accepts (Java's `Long` milliseconds range).
const MIN_YEAR: i64 = -292_275_054;
const MAX_YEAR: i64 = 292_278_993;

impl Timestamp {
    /// The instant `seconds` after 1970-01-01T00:00:00Z.
    pub fn from_epoch_seconds(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }

    /// Seconds since the epoch, rounded down.
    pub fn epoch_seconds(self) -> i64 {
        self.seconds
    }

    /// A date literal in a policy: IAM reads it as ISO 8601 when it holds a
    /// `t` or a `-`, otherwise as whole epoch seconds; anything else fails
    /// legacy parsing.
    pub(crate) fn parse_policy(text: &str) -> Option<Self> {
        if text.contains(['t', 'T', '-']) {
            parse_iso(text)
        } else {
            text.parse::<u64>()
                .ok()
                .and_then(|seconds| i64::try_from(seconds).ok())
                .map(Self::from_epoch_seconds)
        }
    }

    /// A request value: ISO 8601, or epoch seconds with an optional
    /// fraction (`aws:EpochTime` given as a string).
    pub(crate) fn parse_request(text: &str) -> Option<Self> {
        let Some((whole, fraction)) = text
            .split_once('.')
            .or(Some((text, "")))
            .filter(|(whole, _)| !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()))
        else {
            return parse_iso(text);
        };
        let seconds = whole.parse::<i64>().ok()?;
        let nanos = if text.contains('.') {
            parse_fraction(fraction)?
        } else {
            0
        };
        Some(Self { seconds, nanos })
    }
}

impl fmt::Display for Timestamp {
    /// ISO 8601 in UTC, the form of `aws:CurrentTime`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let second_of_day = self.seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            second_of_day / 3600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )?;
        if self.nanos != 0 {
            let digits = format!("{:09}", self.nanos);
            write!(f, ".{}", digits.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
}

/// `[-]Y[-M[-D]][T[h[:m[:s[.f]]]][Z|±hh[[:]mm]]]`, with the field ranges
/// IAM's legacy parser checks (one-digit fields are accepted, as it does).
fn parse_iso(text: &str) -> Option<Timestamp> {
    let (date, time) = match text.find(['t', 'T']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let (negative, date) = match date.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, date),
    };
    let mut fields = date.split('-');
    let year = number(fields.next()?)?;
    let year = if negative { -year } else { year };
    let month = fields.next().map_or(Some(1), number)?;
    let day = fields.next().map_or(Some(1), number)?;
    if fields.next().is_some()
        || !(MIN_YEAR..=MAX_YEAR).contains(&year)
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    let (clock, offset) = split_zone(time)?;
    let mut fields = clock.split(':');
    let hour = fields
        .next()
        .filter(|f| !f.is_empty())
        .map_or(Some(0), number)?;
    let minute = fields.next().map_or(Some(0), number)?;
    let (second, nanos) = match fields.next() {
        Some(field) => {
            let (whole, fraction) = field.split_once('.').unwrap_or((field, ""));
            let nanos = if field.contains('.') {
                parse_fraction(fraction)?
            } else {
                0
            };
            (number(whole)?, nanos)
        }
        None => (0, 0),
    };
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // `month` and `day` were range-checked above.
    let days = days_from_civil(year, month as u32, day as u32);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Some(Timestamp { seconds, nanos })
}

/// Splits `time` into the clock and the zone offset in seconds east of UTC.
fn split_zone(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix(['z', 'Z']) {
        return Some((clock, 0));
    }
    let Some(at) = time.find(['+', '-']) else {
        return Some((time, 0));
    };
    let (clock, zone) = time.split_at(at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let zone = &zone[1..];
    let (hours, minutes) = match zone.split_once(':') {
        Some((hours, minutes)) => (hours, minutes),
        None if zone.len() == 4 => zone.split_at(2),
        None => (zone, "00"),
    };
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let (hours, minutes) = (number(hours)?, number(minutes)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some((clock, sign * (hours * 3600 + minutes * 60)))
}

fn number(field: &str) -> Option<i64> {
    if field.is_empty() || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

/// Up to nine digits of a second, as nanoseconds.
fn parse_fraction(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = digits.parse().ok()?;
    Some(value * 10u32.pow(9 - digits.len() as u32))
}

// Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<i64> {
        Timestamp::parse_policy(text).map(Timestamp::epoch_seconds)
    }

    #[test]
    fn iso_dates_and_times_become_epoch_seconds() {
        assert_eq!(iso("1970-01-01"), Some(0));
        assert_eq!(iso("2024-01-01T00:00:00Z"), Some(1_704_067_200));
        assert_eq!(iso("2024-01-01t00:00:00z"), Some(1_704_067_200));
        assert_eq!(iso("2024-01-01T01:00:00+01:00"), Some(1_704_067_200));
        assert_eq!(iso("2023-12-31T19:00:00-05:00"), Some(1_704_067_200));
        assert_eq!(iso("2024-02-29T12:30"), Some(1_709_209_800));
        assert_eq!(iso("2016-12-13t2:00:00.593194+10:00"), Some(1_481_558_400));
        assert_eq!(iso("1704067200"), Some(1_704_067_200));
    }

    #[test]
    fn fractions_order_instants_within_a_second() {
        let earlier = Timestamp::parse_policy("2024-01-01T00:00:00.25Z").unwrap();
        let later = Timestamp::parse_policy("2024-01-01T00:00:00.5Z").unwrap();
        assert!(earlier < later);
        assert_eq!(Timestamp::parse_request("1704067200.5"), Some(later));
    }

    #[test]
    fn legacy_parser_refusals() {
        for bad in [
            "sdfdsf",
            "234-13",
            "2016-12-13t2:00:00.593194+1",
            "2016-12-13t2:00:00.1999999999+10:59",
            "9223372036854775808",
            "2024-01-01T24:00:00Z",
            "2024-01-01-01",
            "true",
            "1.5",
        ] {
            assert_eq!(Timestamp::parse_policy(bad), None, "{bad}");
        }
    }

    #[test]
    fn display_is_iso_8601_utc() {
        assert_eq!(
            Timestamp::from_epoch_seconds(1_709_209_800).to_string(),
            "2024-02-29T12:30:00Z"
        );
        assert_eq!(
            Timestamp::parse_request("1.25").unwrap().to_string(),
            "1970-01-01T00:00:01.25Z"
        );
    }
}
