import Glibc

/// The system clock, read here so that no other layer needs the C library for it.
package enum SystemClock {
    /// Today's local calendar date as `YYYY-MM-DD`.
    package static func localDate() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }
}
