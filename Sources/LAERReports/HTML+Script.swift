extension HTML {
    /// JSON text to embed in a `<script type="application/json">` element: `<`, `>` and `&`
    /// written as `\u` escapes, so that no text in it can end the element (`</script>`), open a
    /// comment (`<!--`) or read as a character reference; the JSON means the same.
    ///
    /// `json` is what `JSONWriter` writes: those three bytes occur only inside its strings, where
    /// an escape stands for the character, and it already escapes U+2028 and U+2029.
    package static func scriptData(_ json: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 16)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: #"\u003c"#.utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: #"\u003e"#.utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: #"\u0026"#.utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
