/// A calendar quarter written `2026-Q3`: the period an assessment without one falls in, and
/// what a trend counts missing periods in.
package struct Quarter: Sendable, Equatable, Comparable {
    /// Quarters since the start of year 0: year × 4 + (quarter − 1), so that consecutive quarters
    /// differ by one.
    package var ordinal: Int

    package init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// A period written exactly `YYYY-Qn`; nil for any other text.
    package init?(period: String) {
        let bytes = Array(period.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
            bytes[..<4].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let year = Int(period.prefix(4)), (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6])
        else { return nil }
        ordinal = year * 4 + Int(bytes[6] - UInt8(ascii: "1"))
    }

    /// The quarter of an ISO date `YYYY-MM-DD`; nil for anything else.
    package init?(date: String) {
        guard let date = CalendarDate.date(date) else { return nil }
        ordinal = date.year * 4 + (date.month - 1) / 3
    }

    /// `2026-Q3`; the year in four digits (`0999-Q1`), as `init(period:)` reads it.
    package var label: String { NumberFormat.padded(String(ordinal / 4), width: 4) + "-Q\(ordinal % 4 + 1)" }

    package static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.ordinal < rhs.ordinal }
}
