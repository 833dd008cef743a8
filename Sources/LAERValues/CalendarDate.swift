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
    ///
    /// Over a buffer, not any collection: unspecialized across modules, a generic loop costs a
    /// batch more than the rest of reading the file's header.
    package static func fields(of bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// The year, month and day of `text`, a date written `YYYY-MM-DD` that exists; nil for any
    /// other text.
    package static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var text = text
        guard let date = text.withUTF8({ fields(of: $0) }), isValid(year: date.year, month: date.month, day: date.day)
        else { return nil }
        return date
    }

    /// Whether `text` is a date written `YYYY-MM-DD` that exists.
    package static func isISODate(_ text: String) -> Bool { date(text) != nil }

    /// `YYYY-MM-DD`, as `date(_:)` reads it.
    package static func iso(year: Int, month: Int, day: Int) -> String {
        NumberFormat.padded(String(year), width: 4) + "-" + NumberFormat.padded(String(month), width: 2) + "-"
            + NumberFormat.padded(String(day), width: 2)
    }
}
