/// The Gregorian calendar's one rule that answer files need.
package enum CalendarDate {
    /// Whether `day` exists in `month` (1–12) of `year`, leap years included.
    package static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
