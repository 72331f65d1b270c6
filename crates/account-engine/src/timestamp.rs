//! ISO 8601 and epoch-seconds rendering of clock time. Hand-written because the only need is
//! UTC formatting, which does not justify a date library in the wasm bundle.

use crate::clock::Millis;

/// `2026-11-25T13:33:32Z` (UTC, whole seconds), as the service and
/// EventBridge render times.
pub fn iso8601(millis: Millis) -> String {
    let secs = millis.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Writes milliseconds as epoch seconds, the JSON protocols' timestamp
/// form: an integer when whole, as the services' own timestamps usually
/// are, else with the fraction.
pub(crate) fn epoch_seconds<S: serde::Serializer>(
    millis: &Millis,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if millis % 1000 == 0 {
        serializer.serialize_i64(millis / 1000)
    } else {
        serializer.serialize_f64(*millis as f64 / 1000.0)
    }
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::iso8601;

    #[test]
    fn renders_epoch_leap_days_and_recent_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_795_613_612_999), "2026-11-25T13:33:32Z");
        assert_eq!(iso8601(-1000), "1969-12-31T23:59:59Z");
    }
}
