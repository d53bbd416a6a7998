import Foundation

/// Dates and times as the status line and history show them, in the local time zone.
///
/// Read with the C library's `localtime_r` (the same zone, from `TZ`): the status line shows a time in every
/// frame, and Foundation's calendar and `String(format:)` took a tenth of a frame's drawing (measured with `perf`).
enum DateText {
    /// `2026-11-24 10:42`.
    static func minute(_ date: Date) -> String {
        let t = local(date)
        return "\(t.tm_year + 1900)-\(twoDigits(t.tm_mon + 1))-\(twoDigits(t.tm_mday)) \(twoDigits(t.tm_hour)):\(twoDigits(t.tm_min))"
    }

    /// `10:42:07`.
    static func time(_ date: Date) -> String {
        let t = local(date)
        return "\(twoDigits(t.tm_hour)):\(twoDigits(t.tm_min)):\(twoDigits(t.tm_sec))"
    }

    private static func local(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return parts
    }

    private static func twoDigits(_ value: Int32) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}
