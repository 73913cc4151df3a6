//! Calendar arithmetic for certificate validity: Unix seconds to and from ISO 8601 UTC, and
//! from the DER UTCTime and GeneralizedTime of certificates.
//! Small and exact (Howard Hinnant's days-from-civil), so no date library is needed.

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2031-11-10T00:00:00Z` for a Unix time in seconds.
pub fn format_utc(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let secs = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    // Written digit by digit: core::fmt's padding machinery was most of formatting a date.
    let mut out = String::with_capacity(20);
    if !(0..=9999).contains(&year) {
        // Outside what a certificate's GeneralizedTime can hold: as Display writes it.
        out.push_str(&format!("{year:04}"));
    } else {
        push_digits(&mut out, year as u32, 4);
    }
    for (separator, value) in [
        ('-', month),
        ('-', day),
        ('T', (secs / 3600) as u32),
        (':', (secs / 60 % 60) as u32),
        (':', (secs % 60) as u32),
    ] {
        out.push(separator);
        push_digits(&mut out, value, 2);
    }
    out.push('Z');
    out
}

/// `value`'s last `width` decimal digits, zero-padded.
fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Unix seconds of a UTC calendar time.
pub fn unix_seconds(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> i64 {
    days_from_civil(year, month, day) * 86_400
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second)
}

fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Unix seconds of a certificate time in its DER form (RFC 5280 §4.1.2.5): UTCTime
/// `YYMMDDHHMMSSZ` (years 50–99 are 19xx) or GeneralizedTime `YYYYMMDDHHMMSSZ`.
pub fn parse_der_time(text: &[u8], generalized: bool) -> Option<i64> {
    let digits = if generalized { 14 } else { 12 };
    if text.len() != digits + 1 || text.last() != Some(&b'Z') {
        return None;
    }
    let mut fields = [0u32; 6];
    let widths: &[usize] = if generalized {
        &[4, 2, 2, 2, 2, 2]
    } else {
        &[2, 2, 2, 2, 2, 2]
    };
    let mut at = 0;
    for (field, width) in fields.iter_mut().zip(widths) {
        for &c in text.get(at..at + width)? {
            if !c.is_ascii_digit() {
                return None;
            }
            *field = *field * 10 + u32::from(c - b'0');
        }
        at += width;
    }
    let [mut year, month, day, hour, minute, second] = fields;
    if !generalized {
        year += if year >= 50 { 1900 } else { 2000 };
    }
    if !(1..=days_in_month(year, month)?).contains(&day) || hour > 23 || minute > 59 || second > 59
    {
        return None;
    }
    Some(unix_seconds(
        i64::from(year),
        month,
        day,
        hour,
        minute,
        second,
    ))
}

/// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`, into Unix seconds.
#[cfg_attr(
    any(not(target_arch = "wasm32"), not(feature = "full")),
    allow(dead_code)
)] // the full binding reads `now`
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(range)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=days_in_month(year, month)?).contains(&day) {
        return None;
    }
    let date = unix_seconds(i64::from(year), month, day, 0, 0, 0);
    if b.len() == 10 {
        return Some(date);
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (hour, minute) = (num(11..13)?, num(14..16)?);
    let mut i = 16;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = num(17..19)?;
        i = 19;
        if b.get(i) == Some(&b'.') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let local = date + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    match &b[i..] {
        b"Z" | b"z" => Some(local),
        [sign @ (b'+' | b'-'), ..] if b.len() == i + 6 && b[i + 3] == b':' => {
            let (hours, minutes) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = i64::from(hours) * 3600 + i64::from(minutes) * 60;
            Some(if *sign == b'+' {
                local - offset
            } else {
                local + offset
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    // proptest is a native dev-dependency; the wasm test build leaves this out.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn format_utc_writes_what_display_padding_writes(seconds in -80_000_000_000i64..300_000_000_000) {
            let days = seconds.div_euclid(86_400);
            let secs = seconds.rem_euclid(86_400);
            let (year, month, day) = civil_from_days(days);
            let expected = format!(
                "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            );
            proptest::prop_assert_eq!(format_utc(seconds), expected);
        }
    }

    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(1_951_430_400), "2031-11-03T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn parses_what_it_formats() {
        for t in [0, 951_782_400, 1_951_430_400, 4_102_444_799] {
            assert_eq!(parse_iso8601(&format_utc(t)), Some(t));
        }
    }

    #[test]
    fn der_times_follow_rfc_5280() {
        assert_eq!(parse_der_time(b"000229000000Z", false), Some(951_782_400));
        assert_eq!(parse_der_time(b"20000229000000Z", true), Some(951_782_400));
        assert_eq!(parse_der_time(b"500101000000Z", false), Some(-631_152_000));
        assert_eq!(parse_der_time(b"491231235959Z", false), Some(2_524_607_999));
        for bad in [
            &b"000229000000"[..],
            b"0002290000Z",
            b"010229000000Z",
            b"000229240000Z",
            b"000229000060Z",
            b"00022900000+Z",
            b"000229000000.5Z",
        ] {
            assert_eq!(parse_der_time(bad, false), None, "{bad:?}");
        }
        assert_eq!(parse_der_time(b"000229000000Z", true), None);
    }

    #[test]
    fn parses_offsets_fractions_and_dates() {
        assert_eq!(parse_iso8601("2000-02-29"), Some(951_782_400));
        assert_eq!(
            parse_iso8601("2000-02-29T01:00:00.250+01:00"),
            Some(951_782_400)
        );
        assert_eq!(parse_iso8601("2000-02-28T19:00-05:00"), Some(951_782_400));
        for bad in [
            "",
            "2000",
            "2000-13-01",
            "2000-02-29T25:00Z",
            "2000-02-29T10:00:00",
            "yesterday",
            "2026-02-31",
            "2100-02-29",
            "2026-04-31",
            "2026-01-01T00:00+99:99",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}
