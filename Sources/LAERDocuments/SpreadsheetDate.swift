import LAERValues

/// Dates as spreadsheets and survey tools write them, normalised to `YYYY-MM-DD`.
///
/// LibreOffice keeps a date typed as 2026-11-25 as it is (with a time, `2026-11-25 10:30:00`), but
/// writes any other date cell in the short form of its locale: `11/25/26` in US English,
/// `25/11/2026` in British English, `25.11.26` in German; Excel does the same. Survey tools add a
/// time: Google Forms `2026/11/25 9:41:02 am GMT+1`, Microsoft Forms `11/25/26 9:41:02`,
/// SurveyMonkey `11/25/2026 09:41:02 AM`, Typeform `2026-11-25 09:41:02`.
///
/// A year first (`-` or `/`) is unambiguous; `.` means day first. With `/` and the year last, a
/// first number above 12 means day first and a second above 12 month first; a date that fits both
/// takes the `Order` its file settles (`order(of:)`), and is refused without one.
enum SpreadsheetDate {
    /// Which comes first in a date written `a/b/year`.
    enum Order: Equatable {
        case monthFirst, dayFirst
    }

    /// The day part of a date written `a/b/year`, as numbers.
    struct Slashed {
        var first: Int
        var second: Int
        var year: Int
    }

    static func normalized(_ text: String, order: Order? = nil) -> Result<String, RuleViolation> {
        let invalid = RuleViolation("\(SafeText.quoted(text)) \(AnswerRules.dateMessage)")
        guard let parts = parts(of: text) else { return .failure(invalid) }
        let year: Int
        let month: Int
        let day: Int
        switch parts {
        case .yearFirst(let y, let m, let d):
            (year, month, day) = (y, m, d)
        case .dayFirst(let d, let m, let y):
            (year, month, day) = (y, m, d)
        case .slashed(let date):
            year = date.year
            if date.first > 12 && date.second <= 12 {
                (day, month) = (date.first, date.second)
            } else if date.second > 12 || date.first == date.second {
                (month, day) = (date.first, date.second)
            } else if let order {
                (month, day) = order == .monthFirst ? (date.first, date.second) : (date.second, date.first)
            } else {
                return .failure(
                    RuleViolation(
                        "\(SafeText.quoted(text)) could be day/month or month/day; write it as YYYY-MM-DD, such as 2026-11-25 (in a spreadsheet, type an apostrophe first, '2026-11-25, so that it is kept as written)"
                    ))
            }
        }
        let iso = CalendarDate.iso(year: year, month: month, day: day)
        return CalendarDate.isISODate(iso) ? .success(iso) : .failure(invalid)
    }

    /// The order that reads every `a/b/year` date of `cells` as a valid date, when exactly one
    /// does; `.ambiguous` when both do and they differ for some cell; nil when no date needs an
    /// order, or neither order fits every date (then each is judged alone).
    static func order(of cells: [String]) -> OrderFinding {
        var monthFirstFits = true
        var dayFirstFits = true
        var differing: String?
        for cell in cells {
            guard case .slashed(let date)? = parts(of: cell) else { continue }
            if !CalendarDate.isValid(year: date.year, month: date.first, day: date.second) { monthFirstFits = false }
            if !CalendarDate.isValid(year: date.year, month: date.second, day: date.first) { dayFirstFits = false }
            if date.first != date.second, differing == nil { differing = cell }
        }
        switch (monthFirstFits, dayFirstFits) {
        case (true, false): return .order(.monthFirst)
        case (false, true): return .order(.dayFirst)
        case (true, true): return differing.map { .ambiguous(example: $0) } ?? .none
        case (false, false): return .none
        }
    }

    enum OrderFinding: Equatable {
        case none
        case order(Order)
        case ambiguous(example: String)

        var order: Order? {
            guard case .order(let order) = self else { return nil }
            return order
        }
    }

    enum Parts {
        case yearFirst(Int, Int, Int)
        case dayFirst(Int, Int, Int)
        case slashed(Slashed)
    }

    /// The numbers of the date part (before any time), read as the separator and the lengths say.
    static func parts(of text: String) -> Parts? {
        var date = Substring(text.trimmingSpaces())
        if let cut = date.firstIndex(where: { $0 == " " || $0 == "T" }) { date = date[..<cut] }
        guard let separator = date.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
        let parts = date.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }),
            let first = Int(parts[0]), let second = Int(parts[1]), let last = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 { return .yearFirst(first, second, last) }
        guard parts[2].count == 4 || parts[2].count == 2, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        let year = parts[2].count == 2 ? 2000 + last : last
        if separator != "/" { return .dayFirst(first, second, year) }
        return .slashed(Slashed(first: first, second: second, year: year))
    }
}
