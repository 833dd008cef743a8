/// Number formatting for reports and messages, without Foundation: fixed decimals, whole
/// percentages, ordinals, thousands separators and zero padding.
package enum NumberFormat {
    /// `value` rounded half away from zero to `places` decimals, always with that many digits.
    package static func decimal(_ value: Double, places: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let whole = scaled / Int64(scale)
        let fraction = scaled % Int64(scale)
        let digits = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// `fraction` as a percentage that never reads as equal to `threshold` when it is below it:
    /// 0.849 against 0.85 is `84.9%`, not `85%`.
    package static func percent(_ fraction: Double, below threshold: Double) -> String {
        let whole = percent(fraction)
        guard whole == percent(threshold), fraction < threshold else { return whole }
        return decimal((fraction * 1000).rounded(.down) / 10, places: 1) + "%"
    }

    /// A fraction 0…1 as a whole percentage: `0.666…` → `67%`.
    package static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded(.toNearestOrAwayFromZero)))%"
    }

    /// A whole number as an English ordinal: `1st`, `2nd`, `3rd`, `11th`, `12th`, `13th`, `21st`, `100th`.
    package static func ordinal(_ number: Int) -> String {
        let lastTwo = abs(number) % 100
        let suffix =
            switch (lastTwo, lastTwo % 10) {
            case (11...13, _): "th"
            case (_, 1): "st"
            case (_, 2): "nd"
            case (_, 3): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }

    /// A whole number with thousands separators: `12,345`, `-1,000`; counts and sizes in messages
    /// and reports.
    package static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }

    /// `digits` with zeros in front up to `width`: `0999`, `001B`, `input-007`.
    package static func padded(_ digits: String, width: Int) -> String {
        String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A byte in two uppercase hexadecimal digits: `1B`.
    package static func hex(_ byte: UInt8) -> String {
        padded(String(byte, radix: 16, uppercase: true), width: 2)
    }
}
