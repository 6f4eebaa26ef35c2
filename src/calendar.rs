//! Deadlines as an iCalendar file (RFC 5545): one all-day event on the last day to send each
//! periodic report, with a reminder a week before, and one on each activity's due date.
//!
//! The output is byte-identical across runs: UIDs come from the plan's number and year and
//! the report kind or activity id, and every DTSTAMP is the plan's own date (the day it was
//! issued, 00:00:00 UTC), or 1 January of its year when it gives none.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::period_dates;
use crate::model::{Plan, ReportKind, Reporting};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub day: NaiveDate,
    pub summary: String,
    pub description: String,
    /// A reminder this many days before, at the start of the day.
    pub alarm_days: Option<u32>,
}

/// The events of one plan: its periodic reports, then its activities' due dates.
pub fn plan_events(plan: &Plan, reporting: &Reporting) -> Vec<Event> {
    let Some(year) = plan.year.as_ref().map(|y| y.value) else { return Vec::new() };
    let number = plan.number.as_ref().map_or_else(|| format!("ke-hoach-{year}"), |n| n.value.clone());
    let key = uid_part(&format!("{number}-{year}"));
    let mut events = Vec::new();
    for (kind, slug, label) in
        [(ReportKind::HalfYear, "half-year", "Báo cáo 6 tháng"), (ReportKind::Annual, "annual", "Báo cáo năm")]
    {
        let Some((cut_off, due_before)) = period_dates(plan, reporting, kind, year) else { continue };
        let Some(last_day) = due_before.pred_opt() else { continue };
        events.push(Event {
            uid: format!("{key}-{slug}@plan"),
            day: last_day,
            summary: format!("{label} {year} — hạn chót gửi (KH {number})"),
            description: format!(
                "Gửi trước {} (chậm nhất {}).\nSố liệu đến hết {}.",
                vi_date(due_before),
                vi_date(last_day),
                vi_date(cut_off)
            ),
            alarm_days: Some(7),
        });
    }
    for activity in &plan.activities {
        let Some(due) = &activity.due else { continue };
        let name = activity.name.as_ref().map_or(activity.id.value.as_str(), |n| n.value.as_str());
        events.push(Event {
            uid: format!("{key}-activity-{}@plan", uid_part(&activity.id.value)),
            day: due.value,
            summary: format!("Hạn hoàn thành: {name}"),
            description: format!(
                "Hoạt động {} của kế hoạch {number} năm {year}: hạn {}.",
                activity.id.value,
                vi_date(due.value)
            ),
            alarm_days: Some(7),
        });
    }
    events
}

/// The DTSTAMP of a plan's events: its date, else 1 January of its year.
pub fn stamp(plan: &Plan) -> NaiveDate {
    plan.date
        .as_ref()
        .map(|d| d.value)
        .or_else(|| plan.year.as_ref().and_then(|y| NaiveDate::from_ymd_opt(y.value, 1, 1)))
        .unwrap_or(NaiveDate::MIN)
}

/// A VCALENDAR holding `events`, each stamped with its own date; CRLF line ends, lines
/// folded at 75 octets.
pub fn render(events: &[(Event, NaiveDate)]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//plan//plan calendar//VI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for (event, stamp) in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", escape(&event.uid)));
        lines.push(format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")));
        lines.push(format!("DTSTART;VALUE=DATE:{}", event.day.format("%Y%m%d")));
        if let Some(next) = event.day.succ_opt() {
            lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
        lines.push("TRANSP:TRANSPARENT".to_owned());
        if let Some(days) = event.alarm_days {
            lines.push("BEGIN:VALARM".to_owned());
            lines.push("ACTION:DISPLAY".to_owned());
            lines.push(format!("DESCRIPTION:{}", escape(&event.summary)));
            lines.push(format!("TRIGGER:-P{days}D"));
            lines.push("END:VALARM".to_owned());
        }
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

/// A TEXT value with `\`, `;`, `,` and newlines escaped (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line passes 75 octets (RFC 5545 §3.1): a break
/// never falls inside a UTF-8 character; each continuation starts with a space. Ends in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// Text safe in a UID: ASCII letters and digits kept, every other run of characters one `-`.
fn uid_part(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

fn vi_date(day: NaiveDate) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}", day.format("%-d/%-m/%Y"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_never_splits_a_vietnamese_character_and_keeps_lines_within_75_octets() {
        let line = format!("SUMMARY:{}", "Tổ chức hội thảo nâng cao năng suất chất lượng ".repeat(4));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(parts.len() > 1);
        for part in &parts {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        // Unfolding (dropping CRLF and the space after it) gives the line back.
        let unfolded: String =
            parts.iter().enumerate().map(|(i, p)| if i == 0 { *p } else { p.strip_prefix(' ').unwrap_or(p) }).collect();
        assert_eq!(unfolded, line);
        // The first break falls before the character that would pass 75 octets: octets 74 to
        // 76 are the three of "ổ" (in the second "Tổ"), so the first line has 73.
        assert_eq!(parts.first().map(|p| p.len()), Some(73));
        assert!(parts.get(1).is_some_and(|p| p.starts_with(" ổ chức")));
    }

    #[test]
    fn a_short_line_is_not_folded() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        assert_eq!(fold(&"a".repeat(75)), format!("{}\r\n", "a".repeat(75)));
        assert_eq!(fold(&"a".repeat(76)), format!("{}\r\n a\r\n", "a".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(uid_part("1186/QĐ-UBND-2019"), "1186-q-ubnd-2019");
    }
}
