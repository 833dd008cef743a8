/// The Gregorian calendar's one rule that answer files need.
package enum CalendarDate {
    /// Whether `day` exists in `month` (1–12) of `year`, leap years included.
    package static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// The year, month and day of a date written `YYYY-MM-DD` in ASCII digits, whether or not that
    /// day exists; nil for any other text (a sign, a space, another digit count).
    package static func fields(of bytes: some Collection<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10 else { return nil }
        var numbers = (year: 0, month: 0, day: 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            switch offset {
            case ..<4: numbers.year = numbers.year * 10 + Int(digit)
            case ..<7: numbers.month = numbers.month * 10 + Int(digit)
            default: numbers.day = numbers.day * 10 + Int(digit)
            }
        }
        return numbers
    }

    /// Whether `bytes` are a date written `YYYY-MM-DD` that exists.
    package static func isISODate(_ bytes: some Collection<UInt8>) -> Bool {
        guard let date = fields(of: bytes) else { return false }
        return isValid(year: date.year, month: date.month, day: date.day)
    }
}
