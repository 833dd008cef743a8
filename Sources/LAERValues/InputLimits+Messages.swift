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
}
