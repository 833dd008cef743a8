/// How messages write the numbers and values they show of an input.
extension InputLimits {
    /// `1,000,000`: counts and sizes in messages, grouped by thousands.
    package static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }

    /// A value as a message shows it: whole up to `shownValueLength` characters, else its start,
    /// "…" and its length, so that no message copies a long input.
    package static func shown(_ value: String) -> String {
        var count = 0
        var end = value.startIndex
        for index in value.indices {
            if count == shownValueLength {
                return String(value[..<end]) + "… (\(grouped(value.utf8.count)) bytes)"
            }
            count += 1
            end = value.index(after: index)
        }
        return value
    }

    /// `shown(_:)` of bytes, read as UTF-8 (with replacement characters where they are not).
    package static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let window = shownValueLength * 4 + 4
        guard bytes.count > window else { return shown(String(decoding: bytes, as: UTF8.self)) }
        let start = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(window)), as: UTF8.self)
        return String(start.prefix(shownValueLength)) + "… (\(grouped(bytes.count)) bytes)"
    }
}
